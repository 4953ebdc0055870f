import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { putMunicipalityAssessment, useAssessmentSheet } from '../api/assessments';
import { refreshMonitoring } from '../api/query-keys';
import { currentPeriod, isPeriod } from '../lib/periods';
import { AandachtsfunctionarisCheckView, DerivedStatus } from './assessment-status';
import { CriteriaForm, type CriterionValue } from './criteria-form';
import { PeriodSelect } from './period-select';
import { PolicyDocuments } from './policy-documents';
import '../monitoring.css';

/** Assessment entry for one gemeente and half-year: the criteria in force, the derived status, the AF check. */
export function MunicipalityAssessment() {
  const { t } = useTranslation();
  const { gmCode = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const rawPeriod = searchParams.get('periode');
  const period = isPeriod(rawPeriod) ? rawPeriod : currentPeriod();
  const sheet = useAssessmentSheet(gmCode.toUpperCase(), period);
  const [saved, setSaved] = useState<string | null>(null);
  const name = sheet.data?.name ?? gmCode;
  useDocumentTitle(t('monitoring.assessment.municipalityTitle', { name }));

  const initial = useMemo(
    () =>
      Object.fromEntries(
        (sheet.data?.criteria ?? []).map((criterion) => [
          criterion.code,
          { status: criterion.status, evidenceUrl: criterion.evidenceUrl ?? '' } satisfies CriterionValue,
        ]),
      ),
    [sheet.data],
  );
  const formKey = `${period}:${JSON.stringify(initial)}`;

  return (
    <>
      <Heading level={1}>{t('monitoring.assessment.municipalityTitle', { name })}</Heading>
      <Paragraph lead>{t('monitoring.assessment.municipalityIntro')}</Paragraph>
      <Paragraph>
        <Link
          className="utrecht-link utrecht-link--html-a"
          to={paths.monitoring.getHref(`periode=${period}`)}
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
      {sheet.error ? <ProblemAlert problem={sheet.error} /> : null}
      {saved ? (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      ) : null}
      {sheet.data ? (
        <>
          <div className="ketenkaart-monitoring__status-pair">
            <DerivedStatus municipality={sheet.data} />
            <AandachtsfunctionarisCheckView check={sheet.data.aandachtsfunctionaris} />
          </div>
          <Paragraph small>
            {t('monitoring.assessment.version', { version: sheet.data.criteriaSetVersion, period })}
          </Paragraph>
          <CriteriaForm
            key={formKey}
            criteria={sheet.data.criteria}
            initial={initial}
            submitLabel={t('monitoring.assessment.save')}
            onSubmit={async (body) => {
              setSaved(null);
              await putMunicipalityAssessment(sheet.data!.code, period, body);
              refreshMonitoring();
              setSaved(t('monitoring.assessment.saved', { name, period }));
              window.scrollTo({ top: 0 });
            }}
          />
          <PolicyDocuments gmCode={sheet.data.code} name={name} />
        </>
      ) : sheet.isLoading ? (
        <Paragraph role="status">{t('monitoring.loading')}</Paragraph>
      ) : null}
    </>
  );
}
