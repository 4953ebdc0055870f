import { geoMercator, geoPath, type GeoPath } from 'd3-geo';
import { feature, mesh, neighbors } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import type { MunicipalityProperties, MunicipalityTopology } from '../api/get-municipality-topology';

const MAP_WIDTH = 600;
const MAP_HEIGHT = 720;
const MAP_PADDING = 8;
/** One decimal in viewBox units is far below a screen pixel and keeps the DOM small. */
const PATH_DIGITS = 1;

export interface MunicipalityShape {
  code: string;
  d: string;
}

export interface MapGeometry {
  topology: MunicipalityTopology;
  viewBox: string;
  shapes: MunicipalityShape[];
  /** Municipality code → codes of the municipalities that share a border with it. */
  neighbours: Map<string, string[]>;
  path: GeoPath;
}

function codeOf(geometry: GeometryObject): string {
  return (geometry.properties as MunicipalityProperties | undefined)?.code ?? '';
}

/** Projects the TopoJSON once; everything that depends on the chosen region type is drawn from this. */
export function buildMapGeometry(topology: MunicipalityTopology): MapGeometry {
  const nation = feature(topology, topology.objects.nl_features);
  const municipalities = feature(topology, topology.objects.gm_features);
  const projection = geoMercator().fitExtent(
    [
      [MAP_PADDING, MAP_PADDING],
      [MAP_WIDTH - MAP_PADDING, MAP_HEIGHT - MAP_PADDING],
    ],
    nation,
  );
  const path = geoPath(projection).digits(PATH_DIGITS);
  const [[x0, y0], [x1, y1]] = path.bounds(nation);
  const viewBox = [
    Math.floor(x0 - MAP_PADDING),
    Math.floor(y0 - MAP_PADDING),
    Math.ceil(x1 - x0 + 2 * MAP_PADDING),
    Math.ceil(y1 - y0 + 2 * MAP_PADDING),
  ].join(' ');

  const shapes = municipalities.features.map((shape) => ({
    code: shape.properties.code,
    d: path(shape) ?? '',
  }));
  const geometries = topology.objects.gm_features.geometries;
  const neighbours = new Map<string, string[]>();
  neighbors(geometries).forEach((adjacent, index) => {
    neighbours.set(
      codeOf(geometries[index] as GeometryObject),
      adjacent.map((other) => codeOf(geometries[other] as GeometryObject)),
    );
  });
  return { topology, viewBox, shapes, neighbours, path };
}

/**
 * Region borders and the national outline as one path: the arcs between municipalities of different
 * regions (or between a region and "no region") plus the exterior arcs. Regions need no geometry of
 * their own (DOMAIN.md §3).
 */
export function regionBorderPath(geometry: MapGeometry, regionOf: ReadonlyMap<string, string>): string {
  const { topology, path } = geometry;
  const borders = mesh(
    topology,
    topology.objects.gm_features,
    (a, b) => a === b || regionOf.get(codeOf(a)) !== regionOf.get(codeOf(b)),
  );
  return path(borders) ?? '';
}
