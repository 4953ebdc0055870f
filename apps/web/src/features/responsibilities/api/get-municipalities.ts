import { apiClient, unwrap, type MunicipalitySummary } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

export async function getAllMunicipalities(signal: AbortSignal): Promise<MunicipalitySummary[]> {
  const page = await unwrap(
    apiClient.GET('/api/v1/municipalities', { params: { query: { pageSize: 500 } }, signal }),
  );
  return page.items;
}

export function useAllMunicipalities() {
  return useQuery('responsibilities:municipalities', getAllMunicipalities);
}
