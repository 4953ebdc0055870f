import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
} from '@ketenkaart/web-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KaderTrend } from '../api/types';
import { KADER_SWATCHES } from '../lib/status';

const SEGMENTS = [
  { key: 'meetsBasis', status: 'voldoet' },
  { key: 'doesNotMeetBasis', status: 'voldoet-niet' },
  { key: 'unknown', status: 'onbekend' },
] as const;

/**
 * The Kader status over the half-years: a stacked bar per period (meets / does not meet / unknown) for the
 * eye, inside a table that carries every figure as text (the bars are hidden from assistive technology).
 */
export function TrendSection({ trend, scope }: { trend: KaderTrend; scope: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section
      className="ketenkaart-monitoring__section"
      aria-labelledby={`${id}-heading`}
      data-testid="kader-trend"
    >
      <Heading level={2} id={`${id}-heading`}>
        {t('monitoring.trend.heading', { scope })}
      </Heading>
      <Paragraph>{t('monitoring.trend.intro')}</Paragraph>
      <Table className="ketenkaart-trend">
        <TableCaption>
          {t('monitoring.trend.caption', { scope, from: trend.from, to: trend.to })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('monitoring.trend.period')}</TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t('monitoring.trend.meets')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t('monitoring.trend.notMeets')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t('monitoring.trend.unknown')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t('monitoring.trend.policy')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="ketenkaart-trend__bar-header">
              <VisuallyHidden>{t('monitoring.figures.bar')}</VisuallyHidden>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {trend.periods.map((period) => {
            const total = Math.max(1, period.municipalities);
            return (
              <TableRow key={period.period} data-period={period.period}>
                <TableHeaderCell scope="row">{period.period}</TableHeaderCell>
                <TableCell numeric>{period.meetsBasis}</TableCell>
                <TableCell numeric>{period.doesNotMeetBasis}</TableCell>
                <TableCell numeric>{period.unknown}</TableCell>
                <TableCell numeric>{period.withPolicyDocument}</TableCell>
                <TableCell>
                  <span className="ketenkaart-trend__bar" aria-hidden="true">
                    {SEGMENTS.map((segment) => (
                      <span
                        key={segment.key}
                        className={`ketenkaart-trend__segment ketenkaart-trend__segment--${segment.status}`}
                        style={{
                          inlineSize: `${(period[segment.key] / total) * 100}%`,
                          backgroundColor: KADER_SWATCHES[segment.status].fill,
                        }}
                      />
                    ))}
                  </span>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
