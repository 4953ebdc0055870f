import { RegionTypeCode } from '@ketenkaart/shared-domain';

/** The region types of DOMAIN.md §3, in display order. */
export const REGION_TYPES = [
  {
    code: RegionTypeCode.veiligheidsregio,
    name: 'Veiligheidsregio',
    nameEn: 'Safety region',
    editable: false,
  },
  { code: RegionTypeCode.politieEenheid, name: 'Politie-eenheid', nameEn: 'Police unit', editable: false },
  { code: RegionTypeCode.riec, name: 'RIEC-werkgebied', nameEn: 'RIEC area', editable: false },
  { code: RegionTypeCode.provincie, name: 'Provincie', nameEn: 'Province', editable: false },
  {
    code: RegionTypeCode.ketenregie,
    name: 'Ketenregieregio',
    nameEn: 'Chain coordination region',
    editable: true,
  },
  {
    code: RegionTypeCode.zorgcoordinatie,
    name: 'Zorgcoördinatieregio',
    nameEn: 'Care coordination region',
    editable: true,
  },
  {
    code: RegionTypeCode.centrumgemeente,
    name: 'Centrumgemeente VO/MO',
    nameEn: 'Central municipality for shelter (VO/MO)',
    editable: true,
  },
  {
    code: RegionTypeCode.zorgEnVeiligheidshuis,
    name: 'Zorg- en Veiligheidshuis',
    nameEn: 'Care and Safety House',
    editable: true,
  },
].map((type, index) => ({ ...type, sortOrder: index + 1 }));
