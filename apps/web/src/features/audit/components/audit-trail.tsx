import {
  Button,
  ButtonGroup,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { auditExportHref, useAuditEvents } from '../api/audit-events';
import { useAuditFilters } from '../hooks/use-audit-filters';
import { AuditFilterForm } from './audit-filter-form';

/** The privacy officer's view of the append-only audit trail: filter, page through, export per record. */
export function AuditTrail() {
  const { t, i18n } = useTranslation();
  const [visit] = useState(() => Date.now());
  const { filters, page, query, apply } = useAuditFilters();
  const { data, error, isLoading } = useAuditEvents(query, visit);
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <AuditFilterForm key={JSON.stringify(filters)} filters={filters} onApply={apply} />
      {filters.recordType && filters.recordId ? (
        <Paragraph>
          <Link href={auditExportHref(filters.recordType, filters.recordId)} download>
            {t('audit.export', { type: filters.recordType, id: filters.recordId })}
          </Link>
        </Paragraph>
      ) : (
        <Paragraph small>{t('audit.exportHint')}</Paragraph>
      )}
      {error ? <ProblemAlert problem={error} /> : null}
      {isLoading ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data ? (
        <>
          <Table>
            <TableCaption>{t('audit.caption', { count: data.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('audit.columns.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.columns.actor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.columns.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.columns.outcome')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.columns.record')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.columns.ip')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((event) => (
                <TableRow key={event.id}>
                  <TableCell>{when.format(new Date(event.occurredAt))}</TableCell>
                  <TableCell className="ketenkaart-break-anywhere">{event.actor}</TableCell>
                  <TableCell>{event.action}</TableCell>
                  <TableCell>
                    {t(`audit.outcome.${event.outcome as 'success' | 'failure' | 'denied'}`)}
                  </TableCell>
                  <TableCell className="ketenkaart-break-anywhere">
                    {event.recordType ? `${event.recordType} ${event.recordId ?? ''}` : '–'}
                  </TableCell>
                  <TableCell>{event.ip ?? '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {pages > 1 ? (
            <nav aria-label={t('pagination.label')}>
              <Paragraph>{t('pagination.status', { page, pages })}</Paragraph>
              <ButtonGroup>
                <Button disabled={page <= 1} onClick={() => apply(filters, page - 1)}>
                  {t('pagination.previous')}
                </Button>
                <Button disabled={page >= pages} onClick={() => apply(filters, page + 1)}>
                  {t('pagination.next')}
                </Button>
              </ButtonGroup>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
