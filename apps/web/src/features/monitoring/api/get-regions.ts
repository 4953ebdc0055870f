import { apiClient, unwrap, type RegionSummary } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

const ALL_REGIONS_PAGE_SIZE = 500;

async function getRegionsOfType(type: string, signal: AbortSignal): Promise<RegionSummary[]> {
  const body = await unwrap(
    apiClient.GET('/api/v1/regions', {
      params: { query: { type, pageSize: ALL_REGIONS_PAGE_SIZE } },
      signal,
    }),
  );
  return body.items;
}

/** The regions a national role can pick: veiligheidsregio's and ketenregie regions. */
export function useSelectableRegions(enabled: boolean) {
  return useQuery(enabled ? 'monitoring-regions:selectable' : null, async (signal) => {
    const [safety, chain] = await Promise.all([
      getRegionsOfType('veiligheidsregio', signal),
      getRegionsOfType('ketenregie', signal),
    ]);
    return { veiligheidsregio: safety, ketenregie: chain };
  });
}

/** The own regions of a regional role (ids from the session), with names and gemeenten. */
export function useRegionsById(ids: readonly string[]) {
  return useQuery(ids.length ? `monitoring-regions:ids:${ids.join(',')}` : null, (signal) =>
    Promise.all(
      ids.map((id) => unwrap(apiClient.GET('/api/v1/regions/{id}', { params: { path: { id } }, signal }))),
    ),
  );
}
