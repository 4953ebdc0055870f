import { apiClient, unwrap, type paths } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import type { Lookup } from './types';

type LookupParams = NonNullable<paths['/api/v1/responsibilities/lookup']['get']['parameters']['query']>;

export interface LookupQuery {
  gm: string;
  form: string;
  targetGroup: string;
  need: string;
}

export function getLookup(query: LookupQuery, signal: AbortSignal): Promise<Lookup> {
  return unwrap(
    apiClient.GET('/api/v1/responsibilities/lookup', { params: { query: query as LookupParams }, signal }),
  );
}

export function useLookup(query: LookupQuery | null) {
  return useQuery(
    query ? `responsibilities:lookup:${query.gm}:${query.form}:${query.targetGroup}:${query.need}` : null,
    (signal) => getLookup(query!, signal),
  );
}
