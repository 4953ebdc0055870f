import { Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useCoverage } from '../api/get-coverage';
import { useHandoffFigures } from '../api/get-handoff-figures';
import { useKaderOverview } from '../api/get-kader-overview';
import { useKaderTrend } from '../api/get-kader-trend';
import { useMapGeometry } from '../hooks/use-map-geometry';
import { useMonitoringScope } from '../hooks/use-monitoring-scope';
import { useMonitoringSearchParams } from '../hooks/use-monitoring-search-params';
import { useRegionChoices } from '../hooks/use-region-choices';
import { FIRST_PERIOD, periodRange } from '../lib/periods';
import { CoverageSection } from './coverage-section';
import { HandoffFiguresSection } from './handoff-figures-section';
import { KaderSection } from './kader-section';
import { KaderVerdicts } from './kader-verdicts';
import { MonitoringFilters } from './monitoring-filters';
import { TrendSection } from './trend-section';
import '../monitoring.css';

/**
 * The dashboard of the 2026 goals (issue 7): Kader status per gemeente, coverage of the network and
 * hand-off figures, for a half-year and a region (national roles: also the whole country).
 */
export function MonitoringDashboard() {
  const { t } = useTranslation();
  const scope = useMonitoringScope();
  const params = useMonitoringSearchParams();
  const choices = useRegionChoices();
  const geometry = useMapGeometry();
  const region = choices.find(params.region);
  const waitingForRegion = !scope.nationwide && params.region === null;
  const overview = useKaderOverview(params.period, params.region);
  const coverage = useCoverage(params.coverageType, params.period);
  const trend = useKaderTrend(FIRST_PERIOD, params.period, waitingForRegion ? null : params.region);
  const figures = useHandoffFigures(
    scope.canSeeFigures && !waitingForRegion
      ? { ...periodRange(params.period), region: params.region }
      : null,
  );
  const scopeName = params.region ? (region?.name ?? '…') : t('monitoring.filters.nationwide');
  const search = new URLSearchParams({ periode: params.period });
  if (params.region) search.set('regio', params.region);
  if (params.coverageType !== 'veiligheidsregio') search.set('dekking', params.coverageType);

  if (waitingForRegion)
    return <Paragraph>{choices.isLoading ? t('monitoring.loading') : t('monitoring.noRegion')}</Paragraph>;

  const problem = overview.error ?? coverage.error ?? geometry.error ?? choices.error;
  return (
    <div className="ketenkaart-monitoring">
      <MonitoringFilters
        period={params.period}
        region={params.region}
        nationwide={scope.nationwide}
        regions={choices.choices}
        regionsLoading={choices.isLoading}
        onPeriod={params.setPeriod}
        onRegion={params.setRegion}
      />
      <ul className="ketenkaart-monitoring__actions ketenkaart-no-print">
        <li>
          <Link
            className="utrecht-link utrecht-link--html-a"
            to={paths.monitoringReport.getHref(search.toString())}
          >
            {t('monitoring.report.link')}
          </Link>
        </li>
        {scope.canAssess && params.region ? (
          <li>
            <Link
              className="utrecht-link utrecht-link--html-a"
              to={paths.regionAssessment.getHref(params.region, params.period)}
            >
              {t('monitoring.assessment.regionLink', { region: scopeName })}
            </Link>
          </li>
        ) : null}
      </ul>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {overview.data ? (
        <>
          <KaderSection
            overview={overview.data}
            geometry={geometry.geometry}
            regionName={params.region ? scopeName : null}
            withLinks
          />
          <KaderVerdicts overview={overview.data} />
        </>
      ) : (
        <Paragraph role="status">{t('monitoring.loading')}</Paragraph>
      )}
      {trend.data ? <TrendSection trend={trend.data} scope={scopeName} /> : null}
      {coverage.data ? (
        <CoverageSection
          coverage={coverage.data}
          geometry={geometry.geometry}
          focusCodes={params.region ? (overview.data?.municipalities.map((m) => m.code) ?? null) : null}
          scope={scopeName}
          onCoverageType={params.setCoverageType}
        />
      ) : null}
      {figures.error ? <ProblemAlert problem={figures.error} /> : null}
      {figures.data ? <HandoffFiguresSection figures={figures.data} scope={scopeName} /> : null}
    </div>
  );
}
