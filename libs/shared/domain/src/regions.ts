/**
 * Region types (DOMAIN.md §3). A region is a typed, time-valid set of municipalities. The first five
 * follow from CBS / legal reference data and are read-only; the others are set by the people involved.
 */
export const RegionTypeCode = {
  provincie: 'provincie',
  veiligheidsregio: 'veiligheidsregio',
  politieEenheid: 'politie-eenheid',
  riec: 'riec',
  centrumgemeente: 'centrumgemeente-vo-mo',
  zorgEnVeiligheidshuis: 'zorg-en-veiligheidshuis',
  zorgcoordinatie: 'zorgcoordinatie',
  ketenregie: 'ketenregie',
} as const;
export type RegionTypeCode = (typeof RegionTypeCode)[keyof typeof RegionTypeCode];

export const REFERENCE_REGION_TYPES: readonly RegionTypeCode[] = [
  RegionTypeCode.provincie,
  RegionTypeCode.veiligheidsregio,
  RegionTypeCode.politieEenheid,
  RegionTypeCode.riec,
];

export function isEditableRegionType(code: string): boolean {
  return !REFERENCE_REGION_TYPES.includes(code as RegionTypeCode);
}

/** Municipality code as CBS writes it: `GM` + four digits. */
export const GM_CODE_PATTERN = /^GM\d{4}$/;
