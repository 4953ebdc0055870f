import { apiClient, unwrap, type RegionType } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

export async function getRegionTypes(signal: AbortSignal): Promise<RegionType[]> {
  const body = await unwrap(apiClient.GET('/api/v1/region-types', { signal }));
  return body.items;
}

export function useRegionTypes() {
  return useQuery('region-types', getRegionTypes);
}
