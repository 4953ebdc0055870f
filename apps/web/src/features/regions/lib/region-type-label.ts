import type { RegionType } from '@ketenkaart/web-api-client';

/** Region type names come from the API in both languages; Dutch is the fallback. */
export function regionTypeLabel(regionType: Pick<RegionType, 'name' | 'nameEn'>, language: string): string {
  return language.startsWith('en') && regionType.nameEn ? regionType.nameEn : regionType.name;
}
