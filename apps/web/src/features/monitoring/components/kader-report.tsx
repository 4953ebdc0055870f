import { KADER_REPORT_KINDS } from '@ketenkaart/shared-domain';
import { Button, FormField, FormLabel, Heading, Paragraph, Select, SelectOption } from '@ketenkaart/web-ui';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCoverage } from '../api/get-coverage';
import { useKaderReport, type ReportFilter } from '../api/get-kader-report';
import { reportCsvHref } from '../api/report-csv';
import type { KaderReportKind, KaderView } from '../api/types';
import { useMapGeometry } from '../hooks/use-map-geometry';
import { useMonitoringScope } from '../hooks/use-monitoring-scope';
import { useMonitoringSearchParams } from '../hooks/use-monitoring-search-params';
import { useRegionChoices } from '../hooks/use-region-choices';
import { CoverageSection } from './coverage-section';
import { HandoffFiguresSection } from './handoff-figures-section';
import { KaderSection } from './kader-section';
import { KaderVerdicts } from './kader-verdicts';
import { MonitoringFilters } from './monitoring-filters';
import '../monitoring.css';

const KIND_PARAM = 'soort';

/**
 * The printable report (issue 7): the tussenrapportage of a half-year or the jaaroverzicht of its year, as the
 * API's report endpoint compiles it (the CSV links give the same rows). A4 print stylesheet; "Afdrukken" prints.
 */
export function KaderReport() {
  const { t } = useTranslation();
  const id = useId();
  const scope = useMonitoringScope();
  const params = useMonitoringSearchParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const kind: KaderReportKind =
    searchParams.get(KIND_PARAM) === 'jaaroverzicht' ? 'jaaroverzicht' : 'tussenrapportage';
  const choices = useRegionChoices();
  const geometry = useMapGeometry();
  const region = choices.find(params.region);
  const waitingForRegion = !scope.nationwide && params.region === null;
  const year = params.period.slice(0, 4);
  const filter: ReportFilter | null = waitingForRegion
    ? null
    : { kind, period: kind === 'jaaroverzicht' ? year : params.period, region: params.region };
  const report = useKaderReport(filter);
  const lastPeriod = report.data?.periods[report.data.periods.length - 1] ?? params.period;
  const coverage = useCoverage(report.data?.coverage.type ?? params.coverageType, lastPeriod);
  const scopeName = params.region ? (region?.name ?? '…') : t('monitoring.filters.nationwide');
  const title = t(`monitoring.report.title.${kind}`, { period: params.period, year });
  useDocumentTitle(`${title} – ${scopeName}`);
  const view = useMemo<KaderView | undefined>(
    () =>
      report.data
        ? {
            period: kind === 'jaaroverzicht' ? year : report.data.period,
            criteriaSetVersion: report.data.criteriaSetVersion,
            municipalities: report.data.municipalities,
            totals: report.data.summary,
          }
        : undefined,
    [report.data, kind, year],
  );
  const problem = report.error ?? coverage.error ?? geometry.error;
  const ready = Boolean(report.data && coverage.data && geometry.geometry);

  return (
    <article className="ketenkaart-report" data-ready={ready ? 'true' : 'false'}>
      <Heading level={1}>
        {title} – {scopeName}
      </Heading>
      <Paragraph lead>{t(`monitoring.report.intro.${kind}`)}</Paragraph>
      <div className="ketenkaart-no-print">
        <div className="ketenkaart-monitoring__filters">
          <FormField>
            <FormLabel htmlFor={`${id}-kind`}>{t('monitoring.report.kind')}</FormLabel>
            <Select
              id={`${id}-kind`}
              value={kind}
              onChange={(event) =>
                setSearchParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.set(KIND_PARAM, event.target.value);
                    return next;
                  },
                  { replace: true },
                )
              }
            >
              {KADER_REPORT_KINDS.map((option) => (
                <SelectOption key={option} value={option}>
                  {t(`monitoring.report.kinds.${option}`)}
                </SelectOption>
              ))}
            </Select>
          </FormField>
        </div>
        <MonitoringFilters
          period={params.period}
          region={params.region}
          nationwide={scope.nationwide}
          regions={choices.choices}
          regionsLoading={choices.isLoading}
          onPeriod={params.setPeriod}
          onRegion={params.setRegion}
        />
        <div className="ketenkaart-monitoring__actions">
          <Button appearance="primary-action" onClick={() => window.print()}>
            {t('monitoring.report.print')}
          </Button>
          {filter ? (
            <>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={reportCsvHref(filter, 'gemeenten')}
                download
              >
                {t('monitoring.report.csv')}
              </a>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={reportCsvHref(filter, 'regios')}
                download
              >
                {t('monitoring.report.csvRegions')}
              </a>
            </>
          ) : null}
          <Link
            className="utrecht-link utrecht-link--html-a"
            to={paths.monitoring.getHref(
              new URLSearchParams({
                periode: params.period,
                ...(params.region ? { regio: params.region } : {}),
              }).toString(),
            )}
          >
            {t('monitoring.assessment.backToDashboard')}
          </Link>
        </div>
      </div>
      {report.data ? (
        <Paragraph small>
          {t('monitoring.report.generated', {
            date: new Date(report.data.generatedAt).toLocaleDateString('nl-NL'),
            reference: report.data.referenceDate,
            periods: report.data.periods.join(', '),
          })}{' '}
          {t('monitoring.report.policy', {
            n: report.data.summary.withPolicyDocument,
            total: report.data.summary.municipalities,
          })}
        </Paragraph>
      ) : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
      {view ? (
        <>
          <KaderSection
            overview={view}
            geometry={geometry.geometry}
            regionName={params.region ? scopeName : null}
          />
          <KaderVerdicts overview={view} />
        </>
      ) : (
        <Paragraph role="status">{t('monitoring.loading')}</Paragraph>
      )}
      {coverage.data ? (
        <CoverageSection
          coverage={coverage.data}
          geometry={geometry.geometry}
          focusCodes={params.region ? (view?.municipalities.map((m) => m.code) ?? null) : null}
          scope={scopeName}
        />
      ) : null}
      {report.data ? <HandoffFiguresSection figures={report.data.handoffFigures} scope={scopeName} /> : null}
    </article>
  );
}
