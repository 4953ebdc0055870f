import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import {
  KaderReport,
  MonitoringDashboard,
  MunicipalityAssessment,
  RegionAssessment,
  useMonitoringScope,
} from '../../features/monitoring';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ForbiddenRoute } from './forbidden';

/** Dashboards are for the roles that monitor (aggregates.read) or assess (kader.assess, handoff.figures.read). */
export function MonitoringDashboardRoute() {
  const { canMonitor } = useMonitoringScope();
  return canMonitor ? <DashboardPage /> : <ForbiddenRoute />;
}

function DashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('monitoring.title'));
  return (
    <>
      <Heading level={1}>{t('monitoring.title')}</Heading>
      <Paragraph lead>{t('monitoring.intro')}</Paragraph>
      <MonitoringDashboard />
    </>
  );
}

export function MonitoringReportRoute() {
  const { canMonitor } = useMonitoringScope();
  if (!canMonitor) return <ForbiddenRoute />;
  return <KaderReport />;
}

export function MunicipalityAssessmentRoute() {
  return <MunicipalityAssessment />;
}

export function RegionAssessmentRoute() {
  return <RegionAssessment />;
}
