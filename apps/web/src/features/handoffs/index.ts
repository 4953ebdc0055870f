export { HandoffBox, HandoffTabs } from './components/handoff-box';
export { HandoffForm } from './components/handoff-form';
export { HandoffView } from './components/handoff-view';
export { useHandoff } from './api/handoffs';
