import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { MONITORING_QUERY_PREFIX } from './query-keys';
import type { KaderReport, KaderReportKind } from './types';

export interface ReportFilter {
  kind: KaderReportKind;
  /** A half-year (tussenrapportage) or a year (jaaroverzicht). */
  period: string;
  region: string | null;
}

/** The interim report or yearly overview as JSON: everything the printable page shows. */
export function useKaderReport(filter: ReportFilter | null) {
  return useQuery(
    filter
      ? `${MONITORING_QUERY_PREFIX}report:${filter.kind}:${filter.period}:${filter.region ?? 'nl'}`
      : null,
    (signal) =>
      unwrap(
        apiClient.GET('/api/v1/monitoring/reports/kader', {
          params: {
            query: {
              kind: filter!.kind,
              period: filter!.period,
              region: filter!.region ?? undefined,
              format: 'json',
            },
          },
          signal,
        }),
      ) as Promise<KaderReport>,
  );
}
