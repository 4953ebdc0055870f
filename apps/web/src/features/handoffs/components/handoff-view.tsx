import { ErrorCode, HANDOFF_TRANSITION_TABLE, type ProblemDetails } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import { Alert, Button, ButtonGroup, DataList, DataListItem, Heading, Paragraph } from '@ketenkaart/web-ui';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { transitionHandoff, useHandoff, useMunicipalities, useOrganisation } from '../api/handoffs';
import type { HandoffDetail, HandoffEvent } from '../api/types';
import { formatDate, useHandoffLabels } from '../lib/labels';
import { OverdueBadge, StateBadge } from './state-badge';
import { TransitionDialog, type DialogTransition } from './transition-dialog';
import '../handoffs.css';

const DIALOG_TRANSITIONS: readonly string[] = ['decline', 'withdraw', 'forward'];

interface Message {
  type: 'ok' | 'error';
  text: string;
  /** Changes on every message, so the same text twice still moves focus. */
  serial: number;
}

/**
 * One hand-off: the details the API returns for this caller (full or status view), the actions the shared
 * state machine allows this user now, and the timeline. Every move sends the version read (optimistic
 * locking); a 409 explains and shows the newest version.
 */
export function HandoffView({ id, flash }: { id: string; flash?: 'sent' | 'saved' }) {
  const { t } = useTranslation();
  const { data: handoff, error, isLoading } = useHandoff(id);
  const [message, setMessage] = useState<Message | null>(
    flash ? { type: 'ok', text: t(`handoffs.flash.${flash}`), serial: 0 } : null,
  );
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (message && message.serial > 0) messageRef.current?.focus();
  }, [message]);

  if (error) return <ProblemAlert problem={error} />;
  if (isLoading || !handoff) return <Paragraph role="status">{t('app.loading')}</Paragraph>;

  const report = (type: Message['type'], text: string) =>
    setMessage((current) => ({ type, text, serial: (current?.serial ?? 0) + 1 }));

  return (
    <article className="ketenkaart-handoff" aria-labelledby="handoff-title">
      <Heading level={1} id="handoff-title">
        {t('handoffs.detail.title', { reference: handoff.caseReference })}
      </Heading>
      <Paragraph className="ketenkaart-badges" data-testid="handoff-state">
        <StateBadge state={handoff.state} />
        {handoff.overdue ? <OverdueBadge /> : null}
      </Paragraph>
      <div ref={messageRef} tabIndex={-1} className="ketenkaart-handoff__message">
        {message ? (
          <Alert type={message.type}>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {handoff.view === 'status' ? (
        <Alert type="info">
          <Paragraph>{t('handoffs.detail.statusView')}</Paragraph>
        </Alert>
      ) : null}
      <HandoffActions
        handoff={handoff}
        onDone={(text) => report('ok', text)}
        onFailed={(problem) => report('error', explainFailure(t, problem))}
      />
      <HandoffFacts handoff={handoff} />
      <Timeline handoff={handoff} />
    </article>
  );
}

function explainFailure(t: TFunction, problem: ProblemDetails): string {
  if (problem.code === ErrorCode.versionConflict) return t('handoffs.conflict');
  if (problem.code === ErrorCode.transitionNotAllowed) return t('handoffs.notAllowedAnyMore');
  if (problem.code === ErrorCode.consentRequired) return t('handoffs.form.consentRequired');
  return problem.detail ?? problem.title;
}

function HandoffActions({
  handoff,
  onDone,
  onFailed,
}: {
  handoff: HandoffDetail;
  onDone: (text: string) => void;
  onFailed: (problem: ProblemDetails) => void;
}) {
  const { t } = useTranslation();
  const labels = useHandoffLabels();
  const [dialog, setDialog] = useState<DialogTransition | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  // The order of the shared table; the API says which of them this user may make now.
  const moves = HANDOFF_TRANSITION_TABLE.filter((rule) => handoff.actions.includes(rule.transition));
  const canEdit = handoff.actions.includes('edit');
  if (moves.length === 0 && !canEdit) return null;

  const closeDialog = () => {
    setDialog(null);
    openerRef.current?.focus();
  };

  const move = async (transition: string) => {
    setBusy(transition);
    try {
      await transitionHandoff(handoff.id, {
        transition: transition as 'send',
        version: handoff.version,
      });
      onDone(t(`handoffs.done.${transition}` as never));
    } catch (error) {
      onFailed(toProblemDetails(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="handoff-actions-title" className="ketenkaart-handoff__actions">
      <Heading level={2} id="handoff-actions-title">
        {t('handoffs.detail.actions')}
      </Heading>
      <ButtonGroup>
        {canEdit ? (
          <Link
            className="utrecht-button utrecht-button--secondary-action ketenkaart-button-link"
            to={paths.handoffEdit.getHref(handoff.id)}
          >
            {t('handoffs.detail.edit')}
          </Link>
        ) : null}
        {moves.map((rule) => (
          <Button
            key={rule.transition}
            appearance={
              rule.transition === 'decline' || rule.transition === 'withdraw'
                ? 'secondary-action'
                : 'primary-action'
            }
            busy={busy === rule.transition}
            disabled={busy !== null}
            onClick={(event) => {
              if (DIALOG_TRANSITIONS.includes(rule.transition)) {
                openerRef.current = event.currentTarget;
                setDialog(rule.transition as DialogTransition);
              } else void move(rule.transition);
            }}
          >
            {labels.transition(rule.transition)}
            {DIALOG_TRANSITIONS.includes(rule.transition) ? '…' : ''}
          </Button>
        ))}
      </ButtonGroup>
      {dialog ? (
        <TransitionDialog
          handoff={handoff}
          transition={dialog}
          onClose={closeDialog}
          onDone={() => {
            const done = dialog;
            setDialog(null);
            onDone(t(`handoffs.done.${done}`));
          }}
          onFailed={(problem) => {
            setDialog(null);
            onFailed(problem);
          }}
        />
      ) : null}
    </section>
  );
}

function HandoffFacts({ handoff }: { handoff: HandoffDetail }) {
  const { t, i18n } = useTranslation();
  const labels = useHandoffLabels();
  const { data: municipalities } = useMunicipalities();
  const { data: alternative } = useOrganisation(handoff.alternativeOrganisationId);
  const municipality = municipalities?.find((item) => item.code === handoff.municipalityCode);
  const receiver = handoff.receiver.organisation
    ? handoff.receiver.organisation.name
    : t('handoffs.detail.functionInbox', { inbox: labels.receiver(handoff.receiver) });
  const date = (value: string | null | undefined) => formatDate(value, i18n.language);
  const forwarded = handoff.timeline.find((event) => event.forwardedHandoffId)?.forwardedHandoffId;
  return (
    <section aria-labelledby="handoff-facts-title">
      <Heading level={2} id="handoff-facts-title">
        {t('handoffs.detail.facts')}
      </Heading>
      <DataList>
        <DataListItem label={t('handoffs.path')}>{labels.path(handoff.pathCode)}</DataListItem>
        <DataListItem label={t('handoffs.sender')}>
          {handoff.sender.name}
          {handoff.senderName ? ` (${handoff.senderName})` : ''}
        </DataListItem>
        <DataListItem label={t('handoffs.receiver')}>{receiver}</DataListItem>
        <DataListItem label={t('handoffs.form.municipality')}>
          {municipality ? `${municipality.name} (${handoff.municipalityCode})` : handoff.municipalityCode}
        </DataListItem>
        <DataListItem label={t('handoffs.form.exploitationForm')}>
          {labels.form(handoff.exploitationForm)}
        </DataListItem>
        <DataListItem label={t('handoffs.form.targetGroup')}>
          {labels.targetGroup(handoff.targetGroup)}
        </DataListItem>
        <DataListItem label={t('handoffs.form.minor')}>
          {handoff.minor ? t('handoffs.yes') : t('handoffs.no')}
        </DataListItem>
        <DataListItem label={t('handoffs.form.ageBand')}>{labels.ageBand(handoff.ageBand)}</DataListItem>
        {handoff.consent ? (
          <DataListItem label={t('handoffs.detail.consent')}>
            {handoff.consent.given
              ? t('handoffs.detail.consentGiven', {
                  date: date(handoff.consent.date),
                  by: labels.consentGivenBy(handoff.consent.givenBy),
                })
              : t('handoffs.detail.consentNotGiven')}
          </DataListItem>
        ) : null}
        <DataListItem label={t('handoffs.form.legalBasis')}>
          {labels.legalBasis(handoff.legalBasis)}
        </DataListItem>
        {handoff.view === 'full' ? (
          <>
            <DataListItem label={t('handoffs.detail.externalReference')}>
              {handoff.externalReference || t('handoffs.detail.none')}
            </DataListItem>
            <DataListItem label={t('handoffs.detail.notes')}>
              <span className="ketenkaart-handoff__notes">{handoff.notes || t('handoffs.detail.none')}</span>
            </DataListItem>
          </>
        ) : null}
        <DataListItem label={t('handoffs.detail.createdAt')}>{date(handoff.createdAt)}</DataListItem>
        {handoff.sentAt ? (
          <DataListItem label={t('handoffs.sentAt')}>{date(handoff.sentAt)}</DataListItem>
        ) : null}
        {handoff.respondBefore ? (
          <DataListItem label={t('handoffs.respondBefore')}>
            {date(handoff.respondBefore)} {handoff.overdue ? <OverdueBadge /> : null}
          </DataListItem>
        ) : null}
        {handoff.respondedAt ? (
          <DataListItem label={t('handoffs.detail.respondedAt')}>{date(handoff.respondedAt)}</DataListItem>
        ) : null}
        {handoff.closedAt ? (
          <DataListItem label={t('handoffs.detail.closedAt')}>{date(handoff.closedAt)}</DataListItem>
        ) : null}
        {handoff.declineReason ? (
          <DataListItem label={t('handoffs.detail.declineReason')}>
            {labels.declineReason(handoff.declineReason)}
          </DataListItem>
        ) : null}
        {handoff.alternativeOrganisationId ? (
          <DataListItem label={t('handoffs.detail.alternative')}>
            {alternative ? (
              <Link
                className="utrecht-link utrecht-link--html-a"
                to={paths.organisation.getHref(alternative.id)}
              >
                {alternative.name}
              </Link>
            ) : (
              t('app.loading')
            )}
          </DataListItem>
        ) : null}
        {handoff.forwardedFromId ? (
          <DataListItem label={t('handoffs.detail.forwardedFrom')}>
            <Link
              className="utrecht-link utrecht-link--html-a"
              to={paths.handoff.getHref(handoff.forwardedFromId)}
            >
              {t('handoffs.detail.previous')}
            </Link>
          </DataListItem>
        ) : null}
        {forwarded ? (
          <DataListItem label={t('handoffs.detail.forwardedTo')}>
            <Link className="utrecht-link utrecht-link--html-a" to={paths.handoff.getHref(forwarded)}>
              {t('handoffs.detail.next')}
            </Link>
          </DataListItem>
        ) : null}
      </DataList>
    </section>
  );
}

function Timeline({ handoff }: { handoff: HandoffDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="handoff-timeline-title">
      <Heading level={2} id="handoff-timeline-title">
        {t('handoffs.detail.timeline')}
      </Heading>
      <ol className="ketenkaart-handoff-timeline" data-testid="handoff-timeline">
        {handoff.timeline.map((event) => (
          <TimelineEvent key={event.version} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEvent({ event }: { event: HandoffEvent }) {
  const { t, i18n } = useTranslation();
  const labels = useHandoffLabels();
  const { data: alternative } = useOrganisation(event.alternativeOrganisationId);
  const who = event.actorName ?? labels.party(event.party);
  return (
    <li className="ketenkaart-handoff-timeline__event">
      <Paragraph>
        <time dateTime={event.occurredAt}>{formatDate(event.occurredAt, i18n.language)}</time>
        {' — '}
        <strong>{labels.event(event.kind)}</strong>
        {' · '}
        {t('handoffs.timeline.by', { who, party: labels.party(event.party) })}
      </Paragraph>
      <Paragraph small>
        {event.fromState
          ? t('handoffs.timeline.fromTo', {
              from: labels.state(event.fromState),
              to: labels.state(event.toState),
            })
          : t('handoffs.timeline.createdAs', { to: labels.state(event.toState) })}
        {event.reason ? ` · ${t('handoffs.timeline.reason', { reason: labels.reason(event.reason) })}` : ''}
        {alternative ? ` · ${t('handoffs.timeline.alternative', { organisation: alternative.name })}` : ''}
        {event.changedFields && event.changedFields.length > 0
          ? ` · ${t('handoffs.timeline.changed', { fields: event.changedFields.join(', ') })}`
          : ''}
      </Paragraph>
      {event.remark ? (
        <Paragraph small>{t('handoffs.timeline.remark', { remark: event.remark })}</Paragraph>
      ) : null}
    </li>
  );
}
