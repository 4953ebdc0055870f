import {
  apiClient,
  unwrap,
  type CreateFunctionBody,
  type CreateOrganisationBody,
  type CreatePersonBody,
  type FunctionAssignment,
  type OrganisationDetail,
  type PersonDetail,
  type UpdateFunctionBody,
  type UpdateOrganisationBody,
  type UpdatePersonBody,
} from '@ketenkaart/web-api-client';
import { invalidateQueries } from '../../../lib/use-query';
import type { EntryKind } from '../lib/entry-kind';
import { DIRECTORY_KEY } from './query-keys';

/** Every write changes lists, chains and history too: refresh everything of the directory. */
async function refreshing<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  invalidateQueries(DIRECTORY_KEY);
  return result;
}

export function createOrganisation(body: CreateOrganisationBody): Promise<OrganisationDetail> {
  return refreshing(unwrap(apiClient.POST('/api/v1/organisations', { body })));
}

export function updateOrganisation(id: string, body: UpdateOrganisationBody): Promise<OrganisationDetail> {
  return refreshing(
    unwrap(apiClient.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body })),
  );
}

export function createPerson(body: CreatePersonBody): Promise<PersonDetail> {
  return refreshing(unwrap(apiClient.POST('/api/v1/people', { body })));
}

export function updatePerson(id: string, body: UpdatePersonBody): Promise<PersonDetail> {
  return refreshing(unwrap(apiClient.PATCH('/api/v1/people/{id}', { params: { path: { id } }, body })));
}

export function createFunction(body: CreateFunctionBody): Promise<FunctionAssignment> {
  return refreshing(unwrap(apiClient.POST('/api/v1/functions', { body })));
}

export function updateFunction(id: string, body: UpdateFunctionBody): Promise<FunctionAssignment> {
  return refreshing(unwrap(apiClient.PATCH('/api/v1/functions/{id}', { params: { path: { id } }, body })));
}

export type UpkeepAction = 'archive' | 'verify';

export function runUpkeep(kind: EntryKind, action: UpkeepAction, id: string): Promise<unknown> {
  const params = { path: { id } };
  switch (`${kind}/${action}` as const) {
    case 'organisation/archive':
      return refreshing(unwrap(apiClient.POST('/api/v1/organisations/{id}/archive', { params })));
    case 'organisation/verify':
      return refreshing(unwrap(apiClient.POST('/api/v1/organisations/{id}/verify', { params })));
    case 'person/archive':
      return refreshing(unwrap(apiClient.POST('/api/v1/people/{id}/archive', { params })));
    case 'person/verify':
      return refreshing(unwrap(apiClient.POST('/api/v1/people/{id}/verify', { params })));
    case 'function/archive':
      return refreshing(unwrap(apiClient.POST('/api/v1/functions/{id}/archive', { params })));
    case 'function/verify':
      return refreshing(unwrap(apiClient.POST('/api/v1/functions/{id}/verify', { params })));
  }
}

/** Brings back the state of `versionId`; `version` is the entry's current version (optimistic locking). */
export function restoreVersion(
  kind: EntryKind,
  id: string,
  versionId: number,
  version: number,
): Promise<unknown> {
  const params = { path: { id, versionId } };
  const body = { version };
  switch (kind) {
    case 'organisation':
      return refreshing(
        unwrap(apiClient.POST('/api/v1/organisations/{id}/history/{versionId}/restore', { params, body })),
      );
    case 'person':
      return refreshing(
        unwrap(apiClient.POST('/api/v1/people/{id}/history/{versionId}/restore', { params, body })),
      );
    case 'function':
      return refreshing(
        unwrap(apiClient.POST('/api/v1/functions/{id}/history/{versionId}/restore', { params, body })),
      );
  }
}
