import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { MONITORING_QUERY_PREFIX } from './query-keys';
import type { KaderOverview } from './types';

export function getKaderOverview(
  period: string,
  region: string | null,
  signal: AbortSignal,
): Promise<KaderOverview> {
  return unwrap(
    apiClient.GET('/api/v1/monitoring/kader', {
      params: { query: { period, region: region ?? undefined } },
      signal,
    }),
  );
}

/** Kader status per gemeente: nationwide (`region` null) or of one region's gemeenten. */
export function useKaderOverview(period: string, region: string | null) {
  return useQuery(`${MONITORING_QUERY_PREFIX}kader:${period}:${region ?? 'nl'}`, (signal) =>
    getKaderOverview(period, region, signal),
  );
}
