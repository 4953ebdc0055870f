import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { runUpkeep, type UpkeepAction } from '../api/write-entries';
import { useDirectoryPermissions } from '../hooks/use-directory-permissions';
import type { EntryKind } from '../lib/entry-kind';

export interface EntryActionsProps {
  kind: EntryKind;
  id: string;
  name: string;
  archived: boolean;
  editHref: string;
  historyHref: string;
}

/** Edit, history, verify and archive: shown only to sessions with directory.write. */
export function EntryActions({ kind, id, name, archived, editHref, historyHref }: EntryActionsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { canWrite } = useDirectoryPermissions();
  const [busy, setBusy] = useState<UpkeepAction | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  if (!canWrite) return null;

  const run = async (action: UpkeepAction) => {
    setBusy(action);
    setProblem(null);
    setDone(null);
    try {
      await runUpkeep(kind, action, id);
      setDone(action === 'verify' ? t('directory.actions.verified') : t('directory.actions.archived'));
      setConfirming(false);
    } catch (error) {
      setProblem(toProblemDetails(error));
    } finally {
      setBusy(null);
    }
  };

  const linkClass = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action';
  return (
    <section className="ketenkaart-entry-actions" aria-labelledby={headingId}>
      <Heading level={2} id={headingId} className="ketenkaart-visually-hidden">
        {t('directory.actions.label')}
      </Heading>
      <ButtonGroup>
        {!archived ? (
          <Link className={linkClass} to={editHref}>
            {t('directory.actions.edit')}
          </Link>
        ) : null}
        <Link className={linkClass} to={historyHref}>
          {t('directory.actions.history')}
        </Link>
        {!archived ? (
          <>
            <Button busy={busy === 'verify'} disabled={busy !== null} onClick={() => void run('verify')}>
              {t('directory.actions.verify')}
            </Button>
            <Button disabled={busy !== null} aria-expanded={confirming} onClick={() => setConfirming(true)}>
              {t('directory.actions.archive')}
            </Button>
          </>
        ) : null}
      </ButtonGroup>
      {confirming ? (
        <Alert type="warning">
          <Paragraph>{t('directory.actions.archiveConfirm', { name })}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" busy={busy === 'archive'} onClick={() => void run('archive')}>
              {t('directory.actions.archiveYes')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('directory.actions.cancel')}</Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      {done ? (
        <Alert type="ok">
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
    </section>
  );
}
