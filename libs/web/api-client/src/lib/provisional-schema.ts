/**
 * TEMPORARY: hand-written from docs/api-contract-foundation.md in the shape openapi-typescript emits, so
 * the client compiles before apps/api/openapi.json exists. Delete once `nx run web-api-client:generate`
 * has produced ../schema.d.ts and ./paths.ts points at it.
 */
type Json<T> = { content: { 'application/json': T } };
type Problem = {
  content: {
    'application/problem+json': {
      type: string;
      title: string;
      status: number;
      detail?: string;
      code: string;
      correlationId?: string;
      invalidParams?: { name: string; code: string; reason: string }[];
    };
  };
};
type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

type RegionType = { code: string; name: string; nameEn: string; editable: boolean; regionCount: number };
type RegionSummary = {
  id: string;
  typeCode: string;
  code: string;
  name: string;
  validFrom: string;
  validUntil: string | null;
  source: 'reference' | 'demo' | 'user';
  municipalityCodes: string[];
};
type MunicipalitySummary = {
  code: string;
  cbsCode: string;
  name: string;
  displayName: string | null;
  validFrom: string;
  validUntil: string | null;
  successorCode: string | null;
};
type MunicipalityDetail = MunicipalitySummary & {
  regions: { id: string; typeCode: string; typeName: string; code: string; name: string }[];
};

export interface paths {
  '/api/v1/region-types': {
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      responses: { 200: Json<{ items: RegionType[] }> };
    };
  };
  '/api/v1/regions': {
    get: {
      parameters: {
        query?: { type?: string; q?: string; municipality?: string; page?: number; pageSize?: number };
      };
      responses: { 200: Json<Page<RegionSummary>>; 400: Problem };
    };
  };
  '/api/v1/municipalities': {
    get: {
      parameters: { query?: { q?: string; page?: number; pageSize?: number; includeEnded?: boolean } };
      responses: { 200: Json<Page<MunicipalitySummary>>; 400: Problem };
    };
  };
  '/api/v1/municipalities/{gmCode}': {
    get: {
      parameters: { path: { gmCode: string } };
      responses: { 200: Json<MunicipalityDetail>; 404: Problem };
    };
  };
  '/api/v1/geo/municipalities': {
    get: {
      parameters: { query?: never };
      responses: { 200: Json<Record<string, unknown>> };
    };
  };
}
