import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { MONITORING_QUERY_PREFIX } from './query-keys';
import type { HandoffFigures } from './types';

export interface FiguresFilter {
  from: string;
  to: string;
  region: string | null;
}

export function getHandoffFigures(filter: FiguresFilter, signal: AbortSignal): Promise<HandoffFigures> {
  return unwrap(
    apiClient.GET('/api/v1/monitoring/handoff-figures', {
      params: { query: { from: filter.from, to: filter.to, region: filter.region ?? undefined } },
      signal,
    }),
  );
}

/** `filter` null: the caller may not see hand-off figures, nothing is fetched. */
export function useHandoffFigures(filter: FiguresFilter | null) {
  return useQuery(
    filter ? `${MONITORING_QUERY_PREFIX}handoffs:${filter.from}:${filter.to}:${filter.region ?? 'nl'}` : null,
    (signal) => getHandoffFigures(filter!, signal),
  );
}
