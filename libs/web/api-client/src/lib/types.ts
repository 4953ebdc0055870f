import type { paths } from './paths';

/**
 * Response types are taken from the operations rather than from component schema names, so they keep
 * working whatever the API names its DTO classes.
 */
type OkJson<P extends keyof paths> = paths[P]['get']['responses'][200]['content']['application/json'];

export type RegionTypeList = OkJson<'/api/v1/region-types'>;
export type RegionType = RegionTypeList['items'][number];
export type RegionPage = OkJson<'/api/v1/regions'>;
export type RegionSummary = RegionPage['items'][number];
export type MunicipalityPage = OkJson<'/api/v1/municipalities'>;
export type MunicipalitySummary = MunicipalityPage['items'][number];
export type MunicipalityDetail = OkJson<'/api/v1/municipalities/{gmCode}'>;
export type MunicipalityRegion = MunicipalityDetail['regions'][number];
