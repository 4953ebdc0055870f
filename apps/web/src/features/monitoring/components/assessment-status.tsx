import { DataList, DataListItem, Heading } from '@ketenkaart/web-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AandachtsfunctionarisCheck, KaderMunicipalityStatus } from '../api/types';
import { useMonitoringLabels } from '../lib/labels';
import { KADER_SWATCHES, mapStatusOf } from '../lib/status';
import { StatusBadge } from './swatch';

/** The derived status of a gemeente: basis verdict and the worst status per theme. */
export function DerivedStatus({ municipality }: { municipality: KaderMunicipalityStatus }) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const id = useId();
  const status = mapStatusOf(municipality);
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="ketenkaart-monitoring__status"
      data-testid="derived-status"
    >
      <Heading level={2} id={`${id}-heading`}>
        {t('monitoring.assessment.derivedHeading')}
      </Heading>
      <DataList>
        <DataListItem label={t('monitoring.kader.basis')}>
          <StatusBadge
            status={status}
            label={labels.basis(municipality.meetsBasis)}
            swatch={KADER_SWATCHES[status]}
          />
        </DataListItem>
        {municipality.themes.map((theme) => (
          <DataListItem key={theme.theme} label={labels.theme(theme.theme)}>
            {labels.kaderStatus(theme.status)}
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}

/** The programme's requirement "trained and with enough time" as a visible check (from the directory). */
export function AandachtsfunctionarisCheckView({ check }: { check: AandachtsfunctionarisCheck }) {
  const { t } = useTranslation();
  const id = useId();
  const yesNo = (value: boolean) => (value ? t('monitoring.af.yes') : t('monitoring.af.no'));
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="ketenkaart-monitoring__status"
      data-testid="af-check"
    >
      <Heading level={2} id={`${id}-heading`}>
        {t('monitoring.af.heading')}
      </Heading>
      <DataList>
        <DataListItem label={t('monitoring.af.named')}>{yesNo(check.named)}</DataListItem>
        <DataListItem label={t('monitoring.af.trained')}>{yesNo(check.trained)}</DataListItem>
        <DataListItem label={t('monitoring.af.hours', { min: check.minHoursPerWeek })}>
          {check.hoursPerWeek === null ? t('monitoring.af.unknownHours') : check.hoursPerWeek} (
          {yesNo(check.enoughHours)})
        </DataListItem>
        <DataListItem label={t('monitoring.af.verdict')}>
          <strong>{check.meets ? t('monitoring.af.meets') : t('monitoring.af.notMeets')}</strong>
        </DataListItem>
      </DataList>
    </section>
  );
}
