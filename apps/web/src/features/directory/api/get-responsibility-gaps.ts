import { MATRIX_REGION_TYPES } from '@ketenkaart/shared-domain';
import { apiClient, unwrap, type paths } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { directoryKey } from './query-keys';

type GapsPath = paths['/api/v1/regions/{id}/responsibility-gaps']['get'];
export type RegionGaps = GapsPath['responses'][200]['content']['application/json'];
export type ResponsibilityGap = RegionGaps['gaps'][number];

/** The wie-doet-wat check of one region (issue 5): tasks without a lead, with two leads, or a lead nobody can reach. */
export function getResponsibilityGaps(regionId: string, signal: AbortSignal): Promise<RegionGaps> {
  return unwrap(
    apiClient.GET('/api/v1/regions/{id}/responsibility-gaps', { params: { path: { id: regionId } }, signal }),
  );
}

/** Only ketenregie regions and veiligheidsregio's hold agreements; other regions are not asked. */
export function useResponsibilityGaps(region: { id: string; typeCode: string } | undefined) {
  const id = region && MATRIX_REGION_TYPES.includes(region.typeCode) ? region.id : null;
  return useQuery(id ? directoryKey('responsibility-gaps', id) : null, (signal) =>
    getResponsibilityGaps(id!, signal),
  );
}
