import { foldForSearch } from './text';
import { isEditableRegionType, RegionTypeCode } from './regions';

describe('foldForSearch', () => {
  it('removes accents and case', () => {
    expect(foldForSearch('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(foldForSearch('  Ameland ')).toBe('ameland');
  });
});

describe('isEditableRegionType', () => {
  it('keeps reference grids read-only and lets people edit the rest', () => {
    expect(isEditableRegionType(RegionTypeCode.veiligheidsregio)).toBe(false);
    expect(isEditableRegionType(RegionTypeCode.ketenregie)).toBe(true);
    expect(isEditableRegionType(RegionTypeCode.zorgcoordinatie)).toBe(true);
  });
});
