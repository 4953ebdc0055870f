export { LookupWizard } from './components/lookup-wizard';
export { ResponsibilityMatrix } from './components/responsibility-matrix';
