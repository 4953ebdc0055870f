import {
  Alert,
  Button,
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
import { Link, useLocation } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { explainProblem } from '../../../lib/problem-message';
import {
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATIONS_PAGE_SIZE,
  useNotifications,
  type NotificationItem,
} from '../api/notifications';
import '../notifications.css';

function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** My notifications: what happened to which hand-off (case reference only), read or not, newest first. */
export function NotificationsList() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useNotifications(page, location.key);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const run = async (key: string, action: () => Promise<string>) => {
    setBusy(key);
    try {
      setMessage({ type: 'ok', text: await action() });
    } catch (failure) {
      setMessage({ type: 'error', text: explainProblem(t, failure).message });
    } finally {
      setBusy(null);
    }
  };

  if (error) return <ProblemAlert problem={error} />;
  if (isLoading || !data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const pages = Math.max(1, Math.ceil(data.total / NOTIFICATIONS_PAGE_SIZE));
  const kindLabel = (item: NotificationItem) => t(`notifications.kind.${item.kind}`);

  return (
    <>
      <div role="status" aria-live="polite">
        {message ? (
          <Alert type={message.type}>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <Paragraph data-testid="notifications-summary">
        {t('notifications.summary', { total: data.total, unread: data.unread })}
      </Paragraph>
      {data.unread > 0 ? (
        <Button
          busy={busy === 'all'}
          disabled={busy !== null}
          onClick={() =>
            void run('all', async () =>
              t('notifications.markedAll', { count: await markAllNotificationsRead() }),
            )
          }
        >
          {t('notifications.markAll')}
        </Button>
      ) : null}
      {data.items.length === 0 ? (
        <Paragraph>{t('notifications.empty')}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t('notifications.caption', { count: data.items.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('notifications.what')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('notifications.handoff')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('notifications.when')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('notifications.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.map((item) => (
              <TableRow key={item.id} className={item.readAt ? undefined : 'ketenkaart-notification--unread'}>
                <TableCell>{kindLabel(item)}</TableCell>
                <TableCell>
                  <Link
                    className="utrecht-link utrecht-link--html-a"
                    to={paths.handoff.getHref(item.handoffId)}
                  >
                    {item.caseReference}
                  </Link>
                </TableCell>
                <TableCell>{formatDateTime(item.createdAt, i18n.language)}</TableCell>
                <TableCell>
                  {item.readAt ? (
                    t('notifications.read')
                  ) : (
                    <Button
                      busy={busy === item.id}
                      disabled={busy !== null}
                      aria-label={t('notifications.markOneLabel', {
                        what: kindLabel(item),
                        reference: item.caseReference,
                      })}
                      onClick={() =>
                        void run(item.id, async () => {
                          await markNotificationRead(item.id);
                          return t('notifications.markedOne', { reference: item.caseReference });
                        })
                      }
                    >
                      {t('notifications.markOne')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 ? (
        <nav className="ketenkaart-notifications-pager" aria-label={t('notifications.pages')}>
          <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('notifications.previous')}
          </Button>
          <span>{t('notifications.pageOf', { page, pages })}</span>
          <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('notifications.next')}
          </Button>
        </nav>
      ) : null}
    </>
  );
}
