import type { paths } from '@ketenkaart/web-api-client';

type OkJson<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type KaderOverview = OkJson<'/api/v1/monitoring/kader'>;
export type KaderMunicipalityStatus = KaderOverview['municipalities'][number];
export type KaderThemeStatus = KaderMunicipalityStatus['themes'][number];
export type AandachtsfunctionarisCheck = KaderMunicipalityStatus['aandachtsfunctionaris'];
export type Coverage = OkJson<'/api/v1/monitoring/coverage'>;
export type RegionCoverage = Coverage['regions'][number];
export type FunctionCoverage = RegionCoverage['ketenregisseur'];
export type HandoffFigures = OkJson<'/api/v1/monitoring/handoff-figures'>;
export type FigureRow = HandoffFigures['byPath'][number];
export type AssessmentSheet = OkJson<'/api/v1/municipalities/{gmCode}/kader-assessments'>;
export type AssessedCriterion = AssessmentSheet['criteria'][number];
export type AssessmentInput = NonNullable<
  paths['/api/v1/municipalities/{gmCode}/kader-assessments/{period}']['put']['requestBody']
>['content']['application/json'];
export type CoverageType = NonNullable<
  NonNullable<paths['/api/v1/monitoring/coverage']['get']['parameters']['query']>['type']
>;
export type KaderTrend = OkJson<'/api/v1/monitoring/kader-trend'>;
export type KaderTrendPeriod = KaderTrend['periods'][number];
export type PolicyDocumentList = OkJson<'/api/v1/municipalities/{gmCode}/policy-documents'>;
export type PolicyDocument = PolicyDocumentList['items'][number];
export type CreatePolicyDocumentInput = NonNullable<
  paths['/api/v1/municipalities/{gmCode}/policy-documents']['post']['requestBody']
>['content']['application/json'];
export type KaderReport = OkJson<'/api/v1/monitoring/reports/kader'>;
export type KaderReportKind = NonNullable<
  NonNullable<paths['/api/v1/monitoring/reports/kader']['get']['parameters']['query']>['kind']
>;

/** What the Kader map, the tables and the verdicts need: the live overview and the report both have it. */
export interface KaderView {
  period: string;
  criteriaSetVersion: number;
  municipalities: readonly (Pick<
    KaderMunicipalityStatus,
    'code' | 'name' | 'meetsBasis' | 'themes' | 'aandachtsfunctionaris'
  > & {
    /** Adopted policy in force: a count (overview) or the documents themselves (report). */
    policyDocuments?: { documents: number } | readonly unknown[];
  })[];
  totals: KaderOverview['totals'];
}
