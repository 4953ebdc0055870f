import { invalidateQueries } from '../../../lib/use-query';

/** Every monitoring query key starts with this, so one save refreshes map, tables and totals together. */
export const MONITORING_QUERY_PREFIX = 'monitoring:';

/** After an assessment is saved: read the figures again (the previous answer stays on screen meanwhile). */
export function refreshMonitoring(): void {
  invalidateQueries(MONITORING_QUERY_PREFIX);
}
