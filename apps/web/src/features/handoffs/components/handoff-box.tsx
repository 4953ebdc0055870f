import { HANDOFF_STATES, type HandoffState } from '@ketenkaart/shared-domain';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { BOX_PAGE_SIZE, useHandoffBox } from '../api/handoffs';
import type { HandoffBox as Box, HandoffSummary } from '../api/types';
import { formatDate, useHandoffLabels } from '../lib/labels';
import { OverdueBadge, StateBadge } from './state-badge';
import '../handoffs.css';

/** States a box can hold: the receiver never sees concepts. */
const BOX_STATES: Record<Box, readonly HandoffState[]> = {
  inbox: HANDOFF_STATES.filter((state) => state !== 'concept'),
  outbox: HANDOFF_STATES,
};

function readQuery(search: URLSearchParams, box: Box) {
  const status = search.get('status');
  const page = Number(search.get('pagina') ?? '1');
  return {
    state: BOX_STATES[box].includes(status as HandoffState) ? (status as HandoffState) : undefined,
    overdue: search.get('te-laat') === '1',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function hrefOf(box: Box, query: { state?: string; overdue?: boolean; page?: number }): string {
  const params = new URLSearchParams();
  if (query.state) params.set('status', query.state);
  if (query.overdue) params.set('te-laat', '1');
  if (query.page && query.page > 1) params.set('pagina', String(query.page));
  const search = params.toString();
  return box === 'inbox' ? paths.handoffInbox.getHref(search) : paths.handoffOutbox.getHref(search);
}

/**
 * The receiving organisation's inbox or the sender's outbox: counts per status as filters, overdue flagged
 * ("Te laat", in words and icon), the deadline shown, pages of 20.
 */
export function HandoffBox({ box }: { box: Box }) {
  const { t, i18n } = useTranslation();
  const labels = useHandoffLabels();
  const [search] = useSearchParams();
  const query = readQuery(search, box);
  const { data, error, isLoading } = useHandoffBox(box, query);

  if (error) return <ProblemAlert problem={error} />;
  const counts = new Map((data?.counts ?? []).map((entry) => [entry.state, entry.count]));
  const all = BOX_STATES[box].reduce((sum, state) => sum + (counts.get(state) ?? 0), 0);
  const filterLabel = query.overdue
    ? t('handoffs.box.filterOverdue')
    : query.state
      ? labels.state(query.state)
      : t('handoffs.box.filterAll');

  const filterLink = (label: string, count: number, target: { state?: string; overdue?: boolean }) => {
    const current = (target.state ?? '') === (query.state ?? '') && Boolean(target.overdue) === query.overdue;
    return (
      <li key={`${target.state ?? ''}:${target.overdue ? 1 : 0}`}>
        <Link
          className="utrecht-link utrecht-link--html-a"
          to={hrefOf(box, target)}
          aria-current={current ? 'page' : undefined}
        >
          {label} <span className="ketenkaart-handoff-count">({count})</span>
        </Link>
      </li>
    );
  };

  return (
    <div className="ketenkaart-handoff-box">
      <nav aria-label={t('handoffs.box.filters')} className="ketenkaart-handoff-box__filters">
        <ul data-testid="handoff-counts">
          {filterLink(t('handoffs.box.filterAll'), all, {})}
          {BOX_STATES[box].map((state) => filterLink(labels.state(state), counts.get(state) ?? 0, { state }))}
          {filterLink(t('handoffs.box.filterOverdue'), data?.overdue ?? 0, { overdue: true })}
        </ul>
      </nav>
      {isLoading || !data ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : data.items.length === 0 ? (
        <Paragraph role="status">{t('handoffs.box.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph role="status">
            {t('handoffs.box.showing', { count: data.total, filter: filterLabel })}
          </Paragraph>
          <Table className="ketenkaart-handoff-table">
            <TableCaption>
              {t(box === 'inbox' ? 'handoffs.box.inboxCaption' : 'handoffs.box.outboxCaption', {
                filter: filterLabel,
              })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('handoffs.caseReference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('handoffs.path')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  {box === 'inbox' ? t('handoffs.sender') : t('handoffs.receiver')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('handoffs.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('handoffs.sentAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('handoffs.respondBefore')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((item) => (
                <Row key={item.id} box={box} item={item} language={i18n.language} />
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={data.page}
            pages={Math.max(1, Math.ceil(data.total / BOX_PAGE_SIZE))}
            hrefFor={(page) => hrefOf(box, { ...query, page })}
          />
        </>
      )}
    </div>
  );
}

function Row({ box, item, language }: { box: Box; item: HandoffSummary; language: string }) {
  const labels = useHandoffLabels();
  const { t } = useTranslation();
  const receiver = labels.receiver(item.receiver);
  return (
    <TableRow>
      <TableCell>
        <Link className="utrecht-link utrecht-link--html-a" to={paths.handoff.getHref(item.id)}>
          {item.caseReference}
        </Link>
      </TableCell>
      <TableCell>{labels.path(item.pathCode)}</TableCell>
      <TableCell>
        {box === 'inbox' ? item.sender.name : receiver}
        {box === 'inbox' && !item.receiver.organisation ? (
          // Addressed to a function inbox the organisation holds: say which one.
          <span className="ketenkaart-handoff-box__via">
            {t('handoffs.box.viaInbox', { inbox: receiver })}
          </span>
        ) : null}
      </TableCell>
      <TableCell>
        <span className="ketenkaart-badges">
          <StateBadge state={item.state} />
          {item.overdue ? <OverdueBadge /> : null}
        </span>
      </TableCell>
      <TableCell>{formatDate(item.sentAt, language)}</TableCell>
      <TableCell>{formatDate(item.respondBefore, language)}</TableCell>
    </TableRow>
  );
}

function Pagination({
  page,
  pages,
  hrefFor,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="ketenkaart-pagination" aria-label={t('directory.pagination.label')}>
      {page > 1 ? (
        <Link className="utrecht-link utrecht-link--html-a" to={hrefFor(page - 1)} rel="prev">
          {t('directory.pagination.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('directory.pagination.status', { page, pages })}</span>
      {page < pages ? (
        <Link className="utrecht-link utrecht-link--html-a" to={hrefFor(page + 1)} rel="next">
          {t('directory.pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}

/** Switches between inbox, outbox and a new hand-off, each shown only with its permission. */
export function HandoffTabs({ canInbox, canWrite }: { canInbox: boolean; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('handoffs.tabs')} className="ketenkaart-handoff-tabs">
      <ul>
        {canInbox ? (
          <li>
            <NavLink end className="utrecht-link utrecht-link--html-a" to={paths.handoffInbox.getHref()}>
              {t('handoffs.inbox.title')}
            </NavLink>
          </li>
        ) : null}
        {canWrite ? (
          <>
            <li>
              <NavLink end className="utrecht-link utrecht-link--html-a" to={paths.handoffOutbox.getHref()}>
                {t('handoffs.outbox.title')}
              </NavLink>
            </li>
            <li>
              <NavLink end className="utrecht-link utrecht-link--html-a" to={paths.handoffNew.getHref()}>
                {t('handoffs.new.title')}
              </NavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}
