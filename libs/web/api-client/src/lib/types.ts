import type { paths } from './paths';

/**
 * Response types are taken from the operations rather than from component schema names, so they keep
 * working whatever the API names its DTO classes.
 */
type OkJson<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type RegionTypeList = OkJson<'/api/v1/region-types'>;
export type RegionType = RegionTypeList['items'][number];
export type RegionPage = OkJson<'/api/v1/regions'>;
export type RegionSummary = RegionPage['items'][number];
export type MunicipalityPage = OkJson<'/api/v1/municipalities'>;
export type MunicipalitySummary = MunicipalityPage['items'][number];
export type MunicipalityDetail = OkJson<'/api/v1/municipalities/{gmCode}'>;
export type MunicipalityRegion = MunicipalityDetail['regions'][number];

export type OrganisationPage = OkJson<'/api/v1/organisations'>;
export type OrganisationSummary = OrganisationPage['items'][number];
export type OrganisationDetail = OkJson<'/api/v1/organisations/{id}'>;
export type ContactPoint = OrganisationDetail['contactPoints'][number];
export type PersonPage = OkJson<'/api/v1/people'>;
export type PersonSummary = PersonPage['items'][number];
export type PersonDetail = OkJson<'/api/v1/people/{id}'>;
export type FunctionPage = OkJson<'/api/v1/functions'>;
export type FunctionAssignment = OkJson<'/api/v1/functions/{id}'>;
export type SearchPage = OkJson<'/api/v1/search'>;
export type SearchResult = SearchPage['items'][number];
export type ChangeList = OkJson<'/api/v1/organisations/{id}/history'>;
export type Change = ChangeList['items'][number];
export type FieldChange = Change['changes'][number];
export type Chain = OkJson<'/api/v1/regions/{id}/chain'>;
export type ChainRole = Chain['roles'][number];
export type ChainPartner = Chain['partners'][number];
export type ChainMunicipality = Chain['municipalities'][number];
export type StalePage = OkJson<'/api/v1/directory/stale'>;

type PostBody<P extends keyof paths> = paths[P] extends {
  post: { requestBody: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type PatchBody<P extends keyof paths> = paths[P] extends {
  patch: { requestBody: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type CreateOrganisationBody = PostBody<'/api/v1/organisations'>;
export type UpdateOrganisationBody = PatchBody<'/api/v1/organisations/{id}'>;
export type CreatePersonBody = PostBody<'/api/v1/people'>;
export type UpdatePersonBody = PatchBody<'/api/v1/people/{id}'>;
export type CreateFunctionBody = PostBody<'/api/v1/functions'>;
export type UpdateFunctionBody = PatchBody<'/api/v1/functions/{id}'>;

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type PostOk<P extends keyof paths> = paths[P] extends { post: { responses: infer R } }
  ? JsonOf<R[keyof R]>
  : never;

export type SessionInfo = OkJson<'/api/v1/auth/session'>;
export type SessionAccount = NonNullable<SessionInfo['account']>;
export type SessionStageName = NonNullable<SessionInfo['stage']>;
export type UserSessionList = OkJson<'/api/v1/account/sessions'>;
export type UserSession = UserSessionList['items'][number];
export type TotpEnrolment = PostOk<'/api/v1/account/totp/enrolment'>;
export type RecoveryCodes = PostOk<'/api/v1/account/recovery-codes'>;
export type AccountPage = OkJson<'/api/v1/accounts'>;
export type Account = AccountPage['items'][number];
export type AccountListQuery = NonNullable<paths['/api/v1/accounts']['get']['parameters']['query']>;
export type CreateAccountInput = NonNullable<
  paths['/api/v1/accounts']['post']['requestBody']
>['content']['application/json'];
export type UpdateAccountInput = NonNullable<
  paths['/api/v1/accounts/{id}']['patch']['requestBody']
>['content']['application/json'];
export type AuditEventPage = OkJson<'/api/v1/audit-events'>;
export type AuditEvent = AuditEventPage['items'][number];
export type AuditQuery = NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>;
