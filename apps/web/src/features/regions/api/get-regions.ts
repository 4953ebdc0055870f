import { apiClient, unwrap, type RegionSummary } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

/** The API's largest page; the biggest grid (342 single-municipality regions at most) fits in one. */
const ALL_REGIONS_PAGE_SIZE = 500;

export async function getRegionsOfType(typeCode: string, signal: AbortSignal): Promise<RegionSummary[]> {
  const body = await unwrap(
    apiClient.GET('/api/v1/regions', {
      params: { query: { type: typeCode, pageSize: ALL_REGIONS_PAGE_SIZE } },
      signal,
    }),
  );
  return body.items;
}

export function useRegionsOfType(typeCode: string | null) {
  return useQuery(typeCode ? `regions:${typeCode}` : null, (signal) =>
    getRegionsOfType(typeCode ?? '', signal),
  );
}
