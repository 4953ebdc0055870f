import {
  Alert,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@ketenkaart/web-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { putRegionAssessment, useAssessmentSheet } from '../api/assessments';
import { useKaderOverview } from '../api/get-kader-overview';
import { useRegionsById } from '../api/get-regions';
import { refreshMonitoring } from '../api/query-keys';
import { useMonitoringScope } from '../hooks/use-monitoring-scope';
import { useMonitoringLabels } from '../lib/labels';
import { currentPeriod, isPeriod } from '../lib/periods';
import { KADER_SWATCHES, mapStatusOf, shortfallThemes } from '../lib/status';
import { CriteriaForm } from './criteria-form';
import { PeriodSelect } from './period-select';
import { StatusBadge } from './swatch';
import '../monitoring.css';

const collator = new Intl.Collator('nl');

/**
 * Bulk entry for a region: the gemeenten with their status (each linking to its own form), and one
 * assessment applied to every gemeente of the region at once (`PUT /regions/{id}/kader-assessments/{period}`).
 */
export function RegionAssessment() {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const id = useId();
  const { regionId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const rawPeriod = searchParams.get('periode');
  const period = isPeriod(rawPeriod) ? rawPeriod : currentPeriod();
  const scope = useMonitoringScope();
  const inScope = scope.nationwide || scope.ownRegionIds.includes(regionId);
  const region = useRegionsById(inScope ? [regionId] : []);
  const overview = useKaderOverview(period, inScope ? regionId : null);
  const regionName = region.data?.[0]?.name ?? '';
  const firstCode = inScope ? (region.data?.[0]?.municipalityCodes[0] ?? null) : null;
  // The criteria in force for the period, as the sheet of any gemeente of the region lists them.
  const sheet = useAssessmentSheet(firstCode, period);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle(t('monitoring.assessment.regionTitle', { region: regionName }));

  if (!inScope)
    return (
      <>
        <Heading level={1}>{t('forbidden.title')}</Heading>
        <Paragraph>{t('monitoring.assessment.outOfScope')}</Paragraph>
      </>
    );

  const rows = [...(overview.data?.municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  const problem = region.error ?? overview.error ?? sheet.error;
  return (
    <>
      <Heading level={1}>{t('monitoring.assessment.regionTitle', { region: regionName })}</Heading>
      <Paragraph lead>{t('monitoring.assessment.regionIntro')}</Paragraph>
      <Paragraph>
        <Link
          className="utrecht-link utrecht-link--html-a"
          to={paths.monitoring.getHref(new URLSearchParams({ periode: period, regio: regionId }).toString())}
        >
          {t('monitoring.assessment.backToDashboard')}
        </Link>
      </Paragraph>
      <PeriodSelect
        period={period}
        onChange={(next) => {
          setSaved(null);
          setSearchParams({ periode: next }, { replace: true });
        }}
      />
      {problem ? <ProblemAlert problem={problem} /> : null}
      {saved ? (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      ) : null}
      <Table data-testid="region-municipalities">
        <TableCaption>
          {t('monitoring.assessment.regionTableCaption', { region: regionName, period })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('monitoring.kader.municipality')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('monitoring.kader.basis')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('monitoring.kader.shortfall')}</TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t('monitoring.assessment.assessedCriteria')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((municipality) => {
            const status = mapStatusOf(municipality);
            const shortfall = shortfallThemes(municipality);
            return (
              <TableRow key={municipality.code} data-code={municipality.code} data-status={status}>
                <TableHeaderCell scope="row">
                  <Link
                    className="utrecht-link utrecht-link--html-a"
                    to={paths.municipalityAssessment.getHref(municipality.code, period)}
                  >
                    {municipality.name}
                  </Link>
                </TableHeaderCell>
                <TableCell>
                  <StatusBadge
                    status={status}
                    label={labels.basis(municipality.meetsBasis)}
                    swatch={KADER_SWATCHES[status]}
                  />
                </TableCell>
                <TableCell>
                  {shortfall.length ? shortfall.map((theme) => labels.theme(theme)).join(', ') : '—'}
                </TableCell>
                <TableCell numeric>{municipality.assessedCriteria}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      <section aria-labelledby={`${id}-bulk`} className="ketenkaart-monitoring__section">
        <Heading level={2} id={`${id}-bulk`}>
          {t('monitoring.assessment.bulkHeading')}
        </Heading>
        <Paragraph>{t('monitoring.assessment.bulkIntro', { n: rows.length, region: regionName })}</Paragraph>
        {sheet.data ? (
          <CriteriaForm
            key={`${regionId}:${period}`}
            criteria={sheet.data.criteria}
            initial={{}}
            submitLabel={t('monitoring.assessment.bulkSave', { n: rows.length })}
            warning={
              <Alert type="info">
                <Paragraph>{t('monitoring.assessment.bulkWarning', { n: rows.length })}</Paragraph>
              </Alert>
            }
            onSubmit={async (body) => {
              setSaved(null);
              const result = await putRegionAssessment(regionId, period, body);
              refreshMonitoring();
              setSaved(
                t('monitoring.assessment.bulkSaved', {
                  n: result.municipalities.length,
                  region: regionName,
                  period,
                }),
              );
              window.scrollTo({ top: 0 });
            }}
          />
        ) : null}
      </section>
    </>
  );
}
