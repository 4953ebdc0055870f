import type { OrganisationType } from '@ketenkaart/shared-domain';
import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

/** Directory organisations of one type that serve a region: the candidates to fill a role in an agreement. */
export function useRegionOrganisations(regionId: string, type: string) {
  return useQuery(type ? `responsibilities:organisations:${regionId}:${type}` : null, (signal) =>
    unwrap(
      apiClient.GET('/api/v1/organisations', {
        params: { query: { region: regionId, type: type as OrganisationType, pageSize: 100 } },
        signal,
      }),
    ),
  );
}
