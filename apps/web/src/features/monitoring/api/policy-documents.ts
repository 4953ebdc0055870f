import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { MONITORING_QUERY_PREFIX } from './query-keys';
import type { CreatePolicyDocumentInput } from './types';

/** The adopted policy documents of a gemeente, newest adoption first. */
export function usePolicyDocuments(gmCode: string | null) {
  return useQuery(gmCode ? `${MONITORING_QUERY_PREFIX}policy:${gmCode}` : null, (signal) =>
    unwrap(
      apiClient.GET('/api/v1/municipalities/{gmCode}/policy-documents', {
        params: { path: { gmCode: gmCode ?? '' } },
        signal,
      }),
    ),
  );
}

export function createPolicyDocument(gmCode: string, body: CreatePolicyDocumentInput) {
  return unwrap(
    apiClient.POST('/api/v1/municipalities/{gmCode}/policy-documents', {
      params: { path: { gmCode } },
      body,
    }),
  );
}
