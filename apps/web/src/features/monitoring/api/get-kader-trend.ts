import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { MONITORING_QUERY_PREFIX } from './query-keys';
import type { KaderTrend } from './types';

/** Kader status per half-year, oldest first, nationwide or for one region's gemeenten. */
export function useKaderTrend(from: string, to: string, region: string | null) {
  return useQuery(
    `${MONITORING_QUERY_PREFIX}trend:${from}:${to}:${region ?? 'nl'}`,
    (signal) =>
      unwrap(
        apiClient.GET('/api/v1/monitoring/kader-trend', {
          params: { query: { from, to, region: region ?? undefined } },
          signal,
        }),
      ) as Promise<KaderTrend>,
  );
}
