export { RegionsExplorer } from './components/regions-explorer';
// The monitoring dashboards draw their choropleths on the same projected map (issue 7).
export { useMunicipalityTopology } from './api/get-municipality-topology';
export { buildMapGeometry, type MapGeometry } from './lib/map-geometry';
