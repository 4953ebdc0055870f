import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useQuery } from '../../../lib/use-query';

export interface MunicipalityProperties {
  code: string;
}

export type MunicipalityTopology = Topology<{
  gm_features: GeometryCollection<MunicipalityProperties>;
  vr_features: GeometryCollection<{ code: string }>;
  nl_features: GeometryCollection;
}>;

function isMunicipalityTopology(body: unknown): body is MunicipalityTopology {
  if (typeof body !== 'object' || body === null) return false;
  const { type, objects } = body as { type?: unknown; objects?: Record<string, unknown> };
  return type === 'Topology' && !!objects?.['gm_features'] && !!objects['nl_features'];
}

export async function getMunicipalityTopology(signal: AbortSignal): Promise<MunicipalityTopology> {
  const body: unknown = await unwrap(apiClient.GET('/api/v1/geo/municipalities', { signal }));
  if (!isMunicipalityTopology(body)) throw new Error('Unexpected boundary data');
  return body;
}

export function useMunicipalityTopology() {
  return useQuery('geo:municipalities', getMunicipalityTopology);
}
