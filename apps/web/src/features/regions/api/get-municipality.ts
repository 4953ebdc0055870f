import { apiClient, unwrap, type MunicipalityDetail } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

export function getMunicipality(gmCode: string, signal: AbortSignal): Promise<MunicipalityDetail> {
  return unwrap(apiClient.GET('/api/v1/municipalities/{gmCode}', { params: { path: { gmCode } }, signal }));
}

export function useMunicipality(gmCode: string | null) {
  return useQuery(gmCode ? `municipality:${gmCode}` : null, (signal) =>
    getMunicipality(gmCode ?? '', signal),
  );
}
