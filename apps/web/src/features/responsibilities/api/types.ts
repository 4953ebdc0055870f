import type { paths } from '@ketenkaart/web-api-client';

type OkJson<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type Matrix = OkJson<'/api/v1/responsibilities'>;
export type MatrixCell = Matrix['cells'][number];
export type Lookup = OkJson<'/api/v1/responsibilities/lookup'>;
export type LookupEntry = Lookup['responsible'][number];
export type RegionGaps = OkJson<'/api/v1/regions/{id}/responsibility-gaps'>;
export type ProposeOverrideInput = NonNullable<
  paths['/api/v1/regions/{id}/responsibility-overrides']['post']['requestBody']
>['content']['application/json'];
export type RegionOverrides = OkJson<'/api/v1/regions/{id}/responsibility-overrides'>;
export type Override = RegionOverrides['items'][number];
export type OverrideHistoryEvent = RegionOverrides['history'][number];
