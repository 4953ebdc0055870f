import { apiClient, unwrap, type AuditEventPage, type AuditQuery } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

export const AUDIT_PAGE_SIZE = 50;

/** `visit` makes every visit of the page fetch afresh: the trail grows while one reads it. */
export function useAuditEvents(query: AuditQuery, visit: number) {
  return useQuery<AuditEventPage>(`audit:${visit}:${JSON.stringify(query)}`, (signal) =>
    unwrap(
      apiClient.GET('/api/v1/audit-events', {
        params: { query: { pageSize: AUDIT_PAGE_SIZE, ...query } },
        signal,
      }),
    ),
  );
}

/** Same-origin link to the CSV of "who saw or changed record X" (the session cookie goes along). */
export function auditExportHref(recordType: string, recordId: string): string {
  const params = new URLSearchParams({ recordType, recordId });
  return `/api/v1/audit-events/export?${params.toString()}`;
}
