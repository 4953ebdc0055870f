import { apiClient, unwrap, type paths } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
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

/** `version` changes after a proposal was decided, so the matrix is read again. */
export function useMatrix(filter: MatrixFilter, version = 0) {
  return useQuery(
    `responsibilities:${filter.form}:${filter.targetGroup}:${filter.region}:${version}`,
    (signal) => getMatrix(filter, signal),
  );
}

/** The CSV export is a plain link (download), not a fetch. */
export function exportHref(region: string): string {
  const params = new URLSearchParams({ format: 'csv' });
  if (region) params.set('region', region);
  return `/api/v1/responsibilities/export?${params.toString()}`;
}
