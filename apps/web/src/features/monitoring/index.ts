export { MonitoringDashboard } from './components/monitoring-dashboard';
export { MunicipalityAssessment } from './components/municipality-assessment';
export { RegionAssessment } from './components/region-assessment';
export { KaderReport } from './components/kader-report';
export { useMonitoringScope } from './hooks/use-monitoring-scope';
