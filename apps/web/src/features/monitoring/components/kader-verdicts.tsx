import { BasisVerdict } from '@ketenkaart/shared-domain';
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
} from '@ketenkaart/web-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KaderView } from '../api/types';
import { useMonitoringLabels } from '../lib/labels';
import { shortfallThemes } from '../lib/status';

const collator = new Intl.Collator('nl');

/**
 * What the interim report and the yearly overview must say (issue 7): which gemeenten meet the basis of the
 * Kader, which do not and on which themes they fall short, and which are not (fully) assessed.
 */
export function KaderVerdicts({ overview, headingLevel = 2 }: { overview: KaderView; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const id = useId();
  const byName = [...overview.municipalities].sort((a, b) => collator.compare(a.name, b.name));
  const meets = byName.filter((m) => m.meetsBasis === BasisVerdict.yes);
  const fails = byName.filter((m) => m.meetsBasis === BasisVerdict.no);
  const unknown = byName.filter((m) => m.meetsBasis === BasisVerdict.unknown);
  const sub = (headingLevel + 1) as 3 | 4;
  const names = (list: typeof byName) => (list.length ? list.map((m) => m.name).join(', ') : '—');
  return (
    <section
      className="ketenkaart-monitoring__section"
      aria-labelledby={`${id}-heading`}
      data-testid="kader-verdicts"
    >
      <Heading level={headingLevel} id={`${id}-heading`}>
        {t('monitoring.verdicts.heading')}
      </Heading>
      <Heading level={sub}>{t('monitoring.verdicts.meets', { n: meets.length })}</Heading>
      <Paragraph data-testid="verdicts-meets">{names(meets)}</Paragraph>
      <Heading level={sub}>{t('monitoring.verdicts.fails', { n: fails.length })}</Heading>
      {fails.length ? (
        <Table data-testid="verdicts-fails">
          <TableCaption>{t('monitoring.verdicts.failsCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.kader.municipality')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.verdicts.themes')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {fails.map((municipality) => (
              <TableRow key={municipality.code} data-code={municipality.code}>
                <TableHeaderCell scope="row">{municipality.name}</TableHeaderCell>
                <TableCell>
                  {shortfallThemes(municipality)
                    .map((theme) => {
                      const status = municipality.themes.find((entry) => entry.theme === theme)!.status;
                      return `${labels.theme(theme)} (${labels.kaderStatus(status).toLowerCase()})`;
                    })
                    .join('; ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Paragraph>—</Paragraph>
      )}
      <Heading level={sub}>{t('monitoring.verdicts.unknown', { n: unknown.length })}</Heading>
      <Paragraph>
        {unknown.length > 40 ? t('monitoring.verdicts.manyUnknown', { n: unknown.length }) : names(unknown)}
      </Paragraph>
    </section>
  );
}
