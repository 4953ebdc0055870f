import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import type { ProposeOverrideInput } from './types';

export function proposeOverride(regionId: string, body: ProposeOverrideInput) {
  return unwrap(
    apiClient.POST('/api/v1/regions/{id}/responsibility-overrides', {
      params: { path: { id: regionId } },
      body,
    }),
  );
}
