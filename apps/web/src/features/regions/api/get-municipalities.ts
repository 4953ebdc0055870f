import { apiClient, unwrap, type MunicipalitySummary } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

const ALL_MUNICIPALITIES_PAGE_SIZE = 500;
const SEARCH_PAGE_SIZE = 10;

/** All current municipalities: names for map tooltips and the text alternative. */
export async function getAllMunicipalities(signal: AbortSignal): Promise<MunicipalitySummary[]> {
  const body = await unwrap(
    apiClient.GET('/api/v1/municipalities', {
      params: { query: { pageSize: ALL_MUNICIPALITIES_PAGE_SIZE } },
      signal,
    }),
  );
  return body.items;
}

export function useAllMunicipalities() {
  return useQuery('municipalities:all', getAllMunicipalities);
}

export async function searchMunicipalities(
  query: string,
  signal: AbortSignal,
): Promise<MunicipalitySummary[]> {
  const body = await unwrap(
    apiClient.GET('/api/v1/municipalities', {
      params: { query: { q: query, pageSize: SEARCH_PAGE_SIZE } },
      signal,
    }),
  );
  return body.items;
}

/** `query === null` when the text is too short to search. */
export function useMunicipalitySearch(query: string | null) {
  return useQuery(query === null ? null : `municipalities:q:${query}`, (signal) =>
    searchMunicipalities(query ?? '', signal),
  );
}
