import type { AuditQuery } from '@ketenkaart/web-api-client';
import { useSearchParams } from 'react-router-dom';

/** URL names (Dutch, as the page) of each filter of the audit trail. */
export const AUDIT_FILTER_PARAMS = {
  actor: 'actor',
  recordType: 'recordtype',
  recordId: 'record',
  action: 'actie',
  from: 'van',
  to: 'tot',
} as const;
export type AuditFilterName = keyof typeof AUDIT_FILTER_PARAMS;
export type AuditFilters = Record<AuditFilterName, string>;

/** Start of a day in the reader's time zone, as the ISO instant the API expects. */
function startOfDay(date: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + plusDays).toISOString();
}

/** The filters live in the URL, so a search can be shared and the back button works. */
export function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(
    Object.entries(AUDIT_FILTER_PARAMS).map(([name, param]) => [name, searchParams.get(param) ?? '']),
  ) as AuditFilters;
  const page = Math.max(1, Number(searchParams.get('pagina')) || 1);

  const query: AuditQuery = {
    page,
    actor: filters.actor || undefined,
    recordType: filters.recordType || undefined,
    recordId: filters.recordId || undefined,
    action: filters.action || undefined,
    from: startOfDay(filters.from),
    // "tot en met" the chosen day: the API's `to` is exclusive.
    to: startOfDay(filters.to, 1),
  };

  const apply = (next: AuditFilters, nextPage = 1) => {
    const params = new URLSearchParams();
    for (const [name, param] of Object.entries(AUDIT_FILTER_PARAMS)) {
      const value = next[name as AuditFilterName].trim();
      if (value) params.set(param, value);
    }
    if (nextPage > 1) params.set('pagina', String(nextPage));
    setSearchParams(params);
  };

  return { filters, page, query, apply };
}
