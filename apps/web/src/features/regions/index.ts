export { RegionsExplorer } from './components/regions-explorer';
