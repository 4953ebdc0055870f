import { apiClient, unwrap, type Chain } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { directoryKey } from './query-keys';

export type ChainScope = { kind: 'region'; regionId: string } | { kind: 'municipality'; gmCode: string };

export function getChain(scope: ChainScope, signal: AbortSignal): Promise<Chain> {
  return scope.kind === 'region'
    ? unwrap(
        apiClient.GET('/api/v1/regions/{id}/chain', { params: { path: { id: scope.regionId } }, signal }),
      )
    : unwrap(
        apiClient.GET('/api/v1/municipalities/{gmCode}/chain', {
          params: { path: { gmCode: scope.gmCode } },
          signal,
        }),
      );
}

export function useChain(scope: ChainScope) {
  const id = scope.kind === 'region' ? scope.regionId : scope.gmCode;
  return useQuery(directoryKey('chain', scope.kind, id), (signal) => getChain(scope, signal));
}
