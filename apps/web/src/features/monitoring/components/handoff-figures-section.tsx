import { SUPPRESSED } from '@ketenkaart/shared-domain';
import { DataList, DataListItem, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureRow, HandoffFigures } from '../api/types';
import { useMonitoringLabels } from '../lib/labels';
import { FigureBars } from './figure-bars';

export interface HandoffFiguresSectionProps {
  figures: HandoffFigures;
  scope: string;
  headingLevel?: 2 | 3;
}

function formatFigure(value: number | typeof SUPPRESSED | null, none: string): string {
  if (value === null) return none;
  return value === SUPPRESSED ? SUPPRESSED : value.toLocaleString('nl-NL');
}

/** Hand-off figures: counts per path, form, region and decline reason, median time to acceptance, overdue share. */
export function HandoffFiguresSection({ figures, scope, headingLevel = 2 }: HandoffFiguresSectionProps) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const id = useId();
  const none = t('monitoring.figures.notAvailable');
  const bars = (rows: readonly FigureRow[], label: (row: FigureRow) => string) =>
    rows.map((row) => ({ key: row.key, label: label(row), count: row.count }));
  const share =
    figures.overdueShare === null
      ? none
      : figures.overdueShare === SUPPRESSED
        ? SUPPRESSED
        : `${Math.round(figures.overdueShare * 100)}%`;
  const median =
    figures.medianHoursToAcceptance === null
      ? none
      : figures.medianHoursToAcceptance === SUPPRESSED
        ? SUPPRESSED
        : t('monitoring.figures.hours', { hours: Math.round(figures.medianHoursToAcceptance * 10) / 10 });
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <section
      className="ketenkaart-monitoring__section"
      aria-labelledby={`${id}-heading`}
      data-testid="handoff-figures"
    >
      <Heading level={headingLevel} id={`${id}-heading`}>
        {t('monitoring.figures.heading', { scope })}
      </Heading>
      <Paragraph>{t('monitoring.figures.range', { from: figures.from, to: figures.to })}</Paragraph>
      {figures.suppressed ? <Paragraph small>{t('monitoring.figures.suppressedNote')}</Paragraph> : null}
      <DataList className="ketenkaart-monitoring__key-figures">
        <DataListItem label={t('monitoring.figures.total')}>
          <span data-figure={String(figures.total)}>{formatFigure(figures.total, none)}</span>
        </DataListItem>
        <DataListItem label={t('monitoring.figures.accepted')}>
          {formatFigure(figures.accepted, none)}
        </DataListItem>
        <DataListItem label={t('monitoring.figures.median')}>{median}</DataListItem>
        <DataListItem label={t('monitoring.figures.overdue')}>
          {formatFigure(figures.overdue, none)} ({share})
        </DataListItem>
      </DataList>
      <div className="ketenkaart-monitoring__bars-grid">
        <div>
          <Heading level={sub}>{t('monitoring.figures.byPath')}</Heading>
          <FigureBars
            testId="figures-by-path"
            caption={t('monitoring.figures.byPathCaption', { scope })}
            rows={bars(figures.byPath, (row) => labels.path(row.key))}
          />
        </div>
        <div>
          <Heading level={sub}>{t('monitoring.figures.byForm')}</Heading>
          <FigureBars
            caption={t('monitoring.figures.byFormCaption', { scope })}
            rows={bars(figures.byForm, (row) => labels.form(row.key))}
          />
        </div>
        <div>
          <Heading level={sub}>{t('monitoring.figures.byRegion')}</Heading>
          <FigureBars
            caption={t('monitoring.figures.byRegionCaption', { scope })}
            rows={bars(figures.byRegion, (row) => row.label ?? row.key)}
          />
        </div>
        <div>
          <Heading level={sub}>{t('monitoring.figures.declineReasons')}</Heading>
          <FigureBars
            caption={t('monitoring.figures.declineCaption', { scope })}
            rows={bars(figures.declineReasons, (row) => labels.declineReason(row.key))}
          />
        </div>
      </div>
    </section>
  );
}
