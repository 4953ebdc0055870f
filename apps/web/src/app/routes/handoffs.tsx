import { Permission } from '@ketenkaart/shared-domain';
import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { ProblemAlert } from '../../components/problem-alert';
import { HandoffBox, HandoffForm, HandoffTabs, HandoffView, useHandoff } from '../../features/handoffs';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSession } from '../../lib/session';

function Tabs() {
  const { can } = useSession();
  return <HandoffTabs canInbox={can(Permission.handoffInbox)} canWrite={can(Permission.handoffWrite)} />;
}

export function HandoffInboxRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('handoffs.inbox.title'));
  return (
    <>
      <Heading level={1}>{t('handoffs.inbox.title')}</Heading>
      <Paragraph lead>{t('handoffs.inbox.intro')}</Paragraph>
      <Tabs />
      <HandoffBox box="inbox" />
    </>
  );
}

export function HandoffOutboxRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('handoffs.outbox.title'));
  return (
    <>
      <Heading level={1}>{t('handoffs.outbox.title')}</Heading>
      <Paragraph lead>{t('handoffs.outbox.intro')}</Paragraph>
      <Tabs />
      <HandoffBox box="outbox" />
    </>
  );
}

export function HandoffNewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('handoffs.new.title'));
  return (
    <>
      <Heading level={1} id="handoff-form-title">
        {t('handoffs.new.title')}
      </Heading>
      <Paragraph lead>{t('handoffs.new.intro')}</Paragraph>
      <Tabs />
      <HandoffForm />
    </>
  );
}

export function HandoffEditRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: handoff, error, isLoading } = useHandoff(id);
  useDocumentTitle(
    handoff ? t('handoffs.edit.title', { reference: handoff.caseReference }) : t('handoffs.new.title'),
  );
  if (error) return <ProblemAlert problem={error} />;
  if (isLoading || !handoff) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return (
    <>
      <Heading level={1} id="handoff-form-title">
        {t('handoffs.edit.title', { reference: handoff.caseReference })}
      </Heading>
      {handoff.actions.includes('edit') ? (
        // Keyed by version: a newer concept (saved elsewhere) starts the form afresh.
        <HandoffForm key={handoff.version} handoff={handoff} />
      ) : (
        <Alert type="warning">
          <Paragraph>{t('handoffs.edit.notEditable')}</Paragraph>
        </Alert>
      )}
    </>
  );
}

export function HandoffRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const flash = (location.state as { flash?: 'sent' | 'saved' } | null)?.flash;
  const { data: handoff } = useHandoff(id);
  useDocumentTitle(
    handoff
      ? t('handoffs.detail.title', { reference: handoff.caseReference })
      : t('handoffs.detail.loadingTitle'),
  );
  return (
    <>
      <Tabs />
      <HandoffView key={id} id={id} flash={flash} />
    </>
  );
}
