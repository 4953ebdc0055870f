import {
  apiClient,
  unwrap,
  type OrganisationDetail,
  type OrganisationPage,
  type paths,
} from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { directoryKey } from './query-keys';

export type OrganisationQuery = NonNullable<paths['/api/v1/organisations']['get']['parameters']['query']>;

export function getOrganisations(query: OrganisationQuery, signal: AbortSignal): Promise<OrganisationPage> {
  return unwrap(apiClient.GET('/api/v1/organisations', { params: { query }, signal }));
}

export function useOrganisations(query: OrganisationQuery | null) {
  return useQuery(query ? directoryKey('organisations', JSON.stringify(query)) : null, (signal) =>
    getOrganisations(query!, signal),
  );
}

export function getOrganisation(id: string, signal: AbortSignal): Promise<OrganisationDetail> {
  return unwrap(apiClient.GET('/api/v1/organisations/{id}', { params: { path: { id } }, signal }));
}

export function useOrganisation(id: string | null) {
  return useQuery(id ? directoryKey('organisation', id) : null, (signal) => getOrganisation(id!, signal));
}
