import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { MONITORING_QUERY_PREFIX } from './query-keys';
import type { Coverage, CoverageType } from './types';

export function getCoverage(type: CoverageType, period: string, signal: AbortSignal): Promise<Coverage> {
  return unwrap(
    apiClient.GET('/api/v1/monitoring/coverage', { params: { query: { type, period } }, signal }),
  );
}

/** Coverage of the network per region of a type (ketenregisseur, zorgcoördinatie, gemeenten meeting the basis). */
export function useCoverage(type: CoverageType, period: string) {
  return useQuery(`${MONITORING_QUERY_PREFIX}coverage:${type}:${period}`, (signal) =>
    getCoverage(type, period, signal),
  );
}
