import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { Paragraph } from '@ketenkaart/web-ui';
import { useState } from 'react';
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
import type { Coverage, HandoffFigures, KaderOverview, KaderTrend } from '../api/types';
import type { MonitoringMapGeometry } from '../hooks/use-map-geometry';
import '../monitoring.css';

/** Everything the dashboard shows at once (undefined: not requested, or its request failed). */
interface DashboardView {
  overview: KaderOverview | undefined;
  coverage: Coverage | undefined;
  trend: KaderTrend | undefined;
  figures: HandoffFigures | undefined;
  geometry: MonitoringMapGeometry | undefined;
  scopeName: string;
  regionName: string | null;
  problem: ProblemDetails | undefined;
  figuresProblem: ProblemDetails | undefined;
}

function sameView(a: DashboardView, b: DashboardView | null): boolean {
  return b !== null && (Object.keys(a) as (keyof DashboardView)[]).every((key) => Object.is(a[key], b[key]));
}

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

  // The first screen is rendered in one go, when every request it needs has answered (or failed): sections that
  // appeared one by one pushed the ones below down (CLS 0.45 in `npm run bench:web`). After a change of period,
  // region or region type the previous dashboard stays on screen, marked busy, until the new one is complete, so
  // the page does not collapse and the control in use keeps its place and focus.
  const settled = (query: { data?: unknown; error?: unknown; isLoading: boolean }) => !query.isLoading;
  const complete =
    !waitingForRegion &&
    settled(overview) &&
    settled(coverage) &&
    settled(trend) &&
    settled(figures) &&
    !geometry.isLoading &&
    !choices.isLoading;
  const current: DashboardView | null = complete
    ? {
        overview: overview.data,
        coverage: coverage.data,
        trend: trend.data,
        figures: figures.data,
        geometry: geometry.geometry,
        scopeName,
        regionName: params.region ? scopeName : null,
        problem: overview.error ?? coverage.error ?? trend.error ?? geometry.error ?? choices.error,
        figuresProblem: figures.error,
      }
    : null;
  const [shown, setShown] = useState<DashboardView | null>(null);
  if (current && !sameView(current, shown)) setShown(current);
  const view = current ?? shown;
  const busy = current === null;

  if (waitingForRegion)
    return <Paragraph>{choices.isLoading ? t('monitoring.loading') : t('monitoring.noRegion')}</Paragraph>;

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
      {/* One live region for the whole dashboard: visible while nothing is shown yet, read out (and the shown
          dashboard dimmed) while a new one loads. */}
      <Paragraph role="status" className={view ? 'ketenkaart-visually-hidden' : undefined}>
        {busy ? t('monitoring.loading') : null}
      </Paragraph>
      {view ? (
        <div className="ketenkaart-monitoring__content" aria-busy={busy} data-testid="monitoring-content">
          {view.problem ? <ProblemAlert problem={view.problem} /> : null}
          {view.overview ? (
            <>
              <KaderSection
                overview={view.overview}
                geometry={view.geometry}
                regionName={view.regionName}
                withLinks
              />
              <KaderVerdicts overview={view.overview} />
            </>
          ) : null}
          {view.trend ? <TrendSection trend={view.trend} scope={view.scopeName} /> : null}
          {view.coverage ? (
            <CoverageSection
              coverage={view.coverage}
              geometry={view.geometry}
              focusCodes={view.regionName ? (view.overview?.municipalities.map((m) => m.code) ?? null) : null}
              scope={view.scopeName}
              onCoverageType={params.setCoverageType}
              coverageType={params.coverageType}
            />
          ) : null}
          {view.figuresProblem ? <ProblemAlert problem={view.figuresProblem} /> : null}
          {view.figures ? <HandoffFiguresSection figures={view.figures} scope={view.scopeName} /> : null}
        </div>
      ) : null}
    </div>
  );
}
