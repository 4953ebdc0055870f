import {
  apiClient,
  unwrap,
  type MunicipalitySummary,
  type RegionSummary,
  type RegionType,
} from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

/** The API's largest page: every gemeente (342) and the biggest grid fit in one. */
const ALL = 500;

// Reference data changes yearly: these keys sit outside the directory prefix and stay cached.
export function useMunicipalityOptions() {
  return useQuery('directory-ref:municipalities', async (signal): Promise<MunicipalitySummary[]> => {
    const body = await unwrap(
      apiClient.GET('/api/v1/municipalities', { params: { query: { pageSize: ALL } }, signal }),
    );
    return body.items;
  });
}

export function useRegionTypeOptions() {
  return useQuery('directory-ref:region-types', async (signal): Promise<RegionType[]> => {
    const body = await unwrap(apiClient.GET('/api/v1/region-types', { signal }));
    return body.items;
  });
}

export function useRegionOptions(typeCode: string | null) {
  return useQuery(
    typeCode ? `directory-ref:regions:${typeCode}` : null,
    async (signal): Promise<RegionSummary[]> => {
      const body = await unwrap(
        apiClient.GET('/api/v1/regions', { params: { query: { type: typeCode!, pageSize: ALL } }, signal }),
      );
      return body.items;
    },
  );
}
