import type { ReportFilter } from './get-kader-report';

/** The CSV of the report is a plain link (download), not a fetch: one table per file. */
export function reportCsvHref(filter: ReportFilter, table: 'gemeenten' | 'regios'): string {
  const params = new URLSearchParams({ kind: filter.kind, period: filter.period, format: 'csv', table });
  if (filter.region) params.set('region', filter.region);
  return `/api/v1/monitoring/reports/kader?${params.toString()}`;
}
