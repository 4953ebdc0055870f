import { useMemo } from 'react';
import { feature } from 'topojson-client';
import { buildMapGeometry, useMunicipalityTopology, type MapGeometry } from '../../regions';

export interface MonitoringMapGeometry extends MapGeometry {
  /** viewBox that frames the given gemeenten (the chosen region), or the whole country. */
  viewBoxFor: (codes: readonly string[] | null) => string;
}

const PADDING = 6;

/** The projected map of the Regio's page, plus framing on one region's gemeenten. */
export function useMapGeometry() {
  const topology = useMunicipalityTopology();
  const geometry = useMemo<MonitoringMapGeometry | undefined>(() => {
    if (!topology.data) return undefined;
    const base = buildMapGeometry(topology.data);
    const features = feature(topology.data, topology.data.objects.gm_features).features;
    return {
      ...base,
      viewBoxFor: (codes) => {
        if (!codes || codes.length === 0) return base.viewBox;
        const wanted = new Set(codes);
        const selected = features.filter((shape) => wanted.has(shape.properties.code));
        if (selected.length === 0) return base.viewBox;
        const [[x0, y0], [x1, y1]] = base.path.bounds({ type: 'FeatureCollection', features: selected });
        const size = Math.max(x1 - x0, y1 - y0) + 2 * PADDING;
        const cx = (x0 + x1) / 2;
        const cy = (y0 + y1) / 2;
        return [cx - size / 2, cy - size / 2, size, size].map((value) => value.toFixed(1)).join(' ');
      },
    };
  }, [topology.data]);
  return { geometry, isLoading: topology.isLoading, error: topology.error };
}
