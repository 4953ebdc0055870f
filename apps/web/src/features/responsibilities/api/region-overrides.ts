import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import type { RegionOverrides } from './types';

export function getRegionOverrides(regionId: string, signal: AbortSignal): Promise<RegionOverrides> {
  return unwrap(
    apiClient.GET('/api/v1/regions/{id}/responsibility-overrides', {
      params: { path: { id: regionId } },
      signal,
    }),
  );
}

/** The region's agreements (proposed, approved, rejected) and their history. */
export function useRegionOverrides(regionId: string | null) {
  return useQuery(regionId ? `responsibilities:overrides:${regionId}` : null, (signal) =>
    getRegionOverrides(regionId!, signal),
  );
}

export type OverrideDecision = 'approve' | 'reject';

/** Approves or rejects a proposed agreement; `note` is the reason, kept in the history. */
export function decideOverride(
  regionId: string,
  overrideId: string,
  decision: OverrideDecision,
  note: string,
) {
  const init = {
    params: { path: { id: regionId, overrideId } },
    body: note ? { note } : {},
  };
  return unwrap(
    decision === 'approve'
      ? apiClient.POST('/api/v1/regions/{id}/responsibility-overrides/{overrideId}/approve', init)
      : apiClient.POST('/api/v1/regions/{id}/responsibility-overrides/{overrideId}/reject', init),
  );
}
