import { apiClient, unwrap, type RegionSummary } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

/** Regions that can hold agreements: ketenregie regions and veiligheidsregio's. */
export async function getMatrixRegions(signal: AbortSignal): Promise<RegionSummary[]> {
  const pages = await Promise.all(
    ['ketenregie', 'veiligheidsregio'].map((type) =>
      unwrap(apiClient.GET('/api/v1/regions', { params: { query: { type, pageSize: 100 } }, signal })),
    ),
  );
  return pages.flatMap((page) => page.items);
}

export function useMatrixRegions() {
  return useQuery('responsibilities:regions', getMatrixRegions);
}
