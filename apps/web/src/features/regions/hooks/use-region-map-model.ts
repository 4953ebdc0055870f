import type { RegionSummary } from '@ketenkaart/web-api-client';
import { useMemo } from 'react';
import type { MunicipalityTopology } from '../api/get-municipality-topology';
import { buildMapGeometry, regionBorderPath, type MapGeometry } from '../lib/map-geometry';
import { assignRegionFills } from '../lib/region-colours';

export interface RegionMapModel {
  geometry: MapGeometry;
  /** Municipality code → region id, for the chosen region type. */
  regionOf: ReadonlyMap<string, string>;
  regionById: ReadonlyMap<string, RegionSummary>;
  fillOf: ReadonlyMap<string, string>;
  borderPath: string;
}

export function useRegionMapModel(
  topology: MunicipalityTopology | undefined,
  regions: readonly RegionSummary[] | undefined,
): RegionMapModel | undefined {
  const geometry = useMemo(() => (topology ? buildMapGeometry(topology) : undefined), [topology]);

  return useMemo(() => {
    if (!geometry) return undefined;
    const regionOf = new Map<string, string>();
    const regionById = new Map<string, RegionSummary>();
    for (const region of regions ?? []) {
      regionById.set(region.id, region);
      for (const code of region.municipalityCodes) {
        // A municipality belongs to one region per reference type; for hand-made grids the first wins.
        if (!regionOf.has(code)) regionOf.set(code, region.id);
      }
    }
    return {
      geometry,
      regionOf,
      regionById,
      fillOf: assignRegionFills(regionOf, geometry.neighbours),
      borderPath: regionBorderPath(geometry, regionOf),
    };
  }, [geometry, regions]);
}
