import type { UserSession } from '@ketenkaart/web-api-client';
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
import { ProblemAlert } from '../../../components/problem-alert';
import { explainProblem } from '../../../lib/problem-message';
import { endOtherSessions, endSession, useMySessions } from '../api/sessions';
import { formatDateTime } from '../lib/format';

/**
 * My sessions (devices), each with how it began (password or single sign-on, and whether a second factor was
 * passed): end one, or every other one after a lost or shared device.
 */
export function SessionsList() {
  const { t, i18n } = useTranslation();
  const { data: sessions, error, isLoading } = useMySessions();
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
  if (isLoading || !sessions) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const others = sessions.filter((session) => !session.current).length;
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const device = (session: UserSession) => session.userAgent ?? t('account.sessions.unknownDevice');
  const method = (session: UserSession) => {
    const sso = session.authMethod === 'sso';
    if (session.twoFactorPassed) {
      return sso ? t('account.sessions.method.ssoTwoFactor') : t('account.sessions.method.passwordTwoFactor');
    }
    return sso ? t('account.sessions.method.sso') : t('account.sessions.method.password');
  };

  return (
    <>
      {message ? (
        <Alert type={message.type}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      ) : null}
      <Table>
        <TableCaption>{t('account.sessions.caption', { count: sessions.length })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('account.sessions.device')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('account.sessions.signedInWith')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('account.sessions.ip')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('account.sessions.started')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('account.sessions.lastSeen')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('account.sessions.action')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sessions.map((session) => (
            <TableRow key={session.id}>
              <TableCell className="ketenkaart-break-anywhere">{device(session)}</TableCell>
              <TableCell>{method(session)}</TableCell>
              <TableCell>{session.ip ?? '–'}</TableCell>
              <TableCell>{when(session.createdAt)}</TableCell>
              <TableCell>{when(session.lastSeenAt)}</TableCell>
              <TableCell>
                {session.current ? (
                  <strong>{t('account.sessions.current')}</strong>
                ) : (
                  <Button
                    busy={busy === session.id}
                    disabled={busy !== null}
                    aria-label={t('account.sessions.endOneLabel', { started: when(session.createdAt) })}
                    onClick={() =>
                      void run(session.id, async () => {
                        await endSession(session.id);
                        return t('account.sessions.endedOne');
                      })
                    }
                  >
                    {t('account.sessions.endOne')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {others > 0 ? (
        <Button
          busy={busy === 'others'}
          disabled={busy !== null}
          onClick={() =>
            void run('others', async () =>
              t('account.sessions.endedOthers', { count: await endOtherSessions() }),
            )
          }
        >
          {t('account.sessions.endOthers')}
        </Button>
      ) : null}
    </>
  );
}
