import { apiClient, unwrap, type paths } from '@ketenkaart/web-api-client';
import { invalidateQueries, useQuery } from '../../../lib/use-query';
import type { Matrix } from './types';

type MatrixParams = NonNullable<paths['/api/v1/responsibilities']['get']['parameters']['query']>;

export interface MatrixFilter {
  form: string;
  targetGroup: string;
  region: string;
}

export function getMatrix(filter: MatrixFilter, signal: AbortSignal): Promise<Matrix> {
  return unwrap(
    apiClient.GET('/api/v1/responsibilities', {
      params: {
        query: {
          form: (filter.form || undefined) as MatrixParams['form'],
          targetGroup: filter.targetGroup || undefined,
          region: filter.region || undefined,
        },
      },
      signal,
    }),
  );
}

export function useMatrix(filter: MatrixFilter) {
  return useQuery(`responsibilities:${filter.form}:${filter.targetGroup}:${filter.region}`, (signal) =>
    getMatrix(filter, signal),
  );
}

/**
 * After a proposal or a decision: read the matrix and the agreements again. The previous answer stays on
 * screen until the new one arrives, so open forms and messages are kept.
 */
export function refreshResponsibilities(): void {
  invalidateQueries('responsibilities:');
}

/** The CSV export is a plain link (download), not a fetch. */
export function exportHref(region: string): string {
  const params = new URLSearchParams({ format: 'csv' });
  if (region) params.set('region', region);
  return `/api/v1/responsibilities/export?${params.toString()}`;
}
