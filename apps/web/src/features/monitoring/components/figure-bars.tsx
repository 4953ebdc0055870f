import { SUPPRESSED, type Figure } from '@ketenkaart/shared-domain';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
} from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';

export interface FigureBar {
  key: string;
  label: string;
  count: Figure;
}

/**
 * A bar chart that is its own table alternative: every row has the label and the figure as text (read by
 * screen readers), and a bar beside it for the eye (hidden from assistive technology). A suppressed figure
 * is written "<5" and drawn as a hatched stub, never as a guessed length.
 */
export function FigureBars({
  caption,
  rows,
  testId,
}: {
  caption: string;
  rows: readonly FigureBar[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((row) => (typeof row.count === 'number' ? row.count : 0)));
  return (
    <Table className="ketenkaart-bars" data-testid={testId}>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('monitoring.figures.category')}</TableHeaderCell>
          <TableHeaderCell scope="col" numeric>
            {t('monitoring.figures.count')}
          </TableHeaderCell>
          <TableHeaderCell scope="col" className="ketenkaart-bars__bar-header">
            <VisuallyHidden>{t('monitoring.figures.bar')}</VisuallyHidden>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={3}>{t('monitoring.figures.none')}</TableCell>
          </TableRow>
        ) : (
          rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              <TableCell numeric data-figure={String(row.count)}>
                {row.count === SUPPRESSED ? SUPPRESSED : row.count.toLocaleString('nl-NL')}
              </TableCell>
              <TableCell className="ketenkaart-bars__cell">
                <span
                  aria-hidden="true"
                  className={`ketenkaart-bars__bar${row.count === SUPPRESSED ? ' ketenkaart-bars__bar--suppressed' : ''}`}
                  style={{
                    inlineSize: row.count === SUPPRESSED ? '1.5rem' : `${(row.count / max) * 100}%`,
                  }}
                />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
