import {
  apiClient,
  unwrap,
  type PersonDetail,
  type PersonPage,
  type paths,
} from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { directoryKey } from './query-keys';

export type PeopleQuery = NonNullable<paths['/api/v1/people']['get']['parameters']['query']>;

export function getPeople(query: PeopleQuery, signal: AbortSignal): Promise<PersonPage> {
  return unwrap(apiClient.GET('/api/v1/people', { params: { query }, signal }));
}

export function usePeople(query: PeopleQuery | null) {
  return useQuery(query ? directoryKey('people', JSON.stringify(query)) : null, (signal) =>
    getPeople(query!, signal),
  );
}

export function getPerson(id: string, signal: AbortSignal): Promise<PersonDetail> {
  return unwrap(apiClient.GET('/api/v1/people/{id}', { params: { path: { id } }, signal }));
}

export function usePerson(id: string | null) {
  return useQuery(id ? directoryKey('person', id) : null, (signal) => getPerson(id!, signal));
}
