import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading,
  LevelBadge,
  Paragraph,
  Textbox,
  VisuallyHidden,
  type ResponsibilityLevelName,
} from '@ketenkaart/web-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { decideOverride, useRegionOverrides, type OverrideDecision } from '../api/region-overrides';
import type { Override } from '../api/types';
import { useMatrixLabels } from '../lib/labels';
import { SourceNote } from './source-note';

export interface ProposedAgreementsProps {
  regionId: string;
  regionName: string;
  onDecided: () => void;
}

function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (value: string) => format.format(new Date(value));
}

/** A calendar date (YYYY-MM-DD) in the reader's language. */
function useDay() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (value: string) => format.format(new Date(`${value}T00:00:00Z`));
}

/**
 * For ketenregisseurs and beheerders (matrix.approve): the region's proposed agreements to approve or reject,
 * each as a diff against the national default, the decided ones, and who agreed what, when.
 */
export function ProposedAgreements({ regionId, regionName, onDecided }: ProposedAgreementsProps) {
  const { t } = useTranslation();
  const id = useId();
  const dateTime = useDateTime();
  const { data, error } = useRegionOverrides(regionId);
  const [message, setMessage] = useState<string | null>(null);
  const proposed = data?.items.filter((item) => item.status === 'proposed') ?? [];
  const decided = data?.items.filter((item) => item.status !== 'proposed') ?? [];
  // The history names the actors (the agreement itself keeps their account reference).
  const actorOf = (overrideId: string, action: string, fallback: string) =>
    data?.history.find((event) => event.overrideId === overrideId && event.action === action)?.actor ??
    fallback;

  return (
    <section className="ketenkaart-matrix__review ketenkaart-no-print" aria-labelledby={`${id}-heading`}>
      <Heading level={2} id={`${id}-heading`}>
        {t('responsibilities.review.heading', { region: regionName })}
      </Heading>
      {error ? <ProblemAlert problem={error} /> : null}
      {!data && !error ? <Paragraph role="status">{t('responsibilities.loading')}</Paragraph> : null}
      <div role="status">
        {message ? (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {data ? (
        <>
          <Heading level={3}>{t('responsibilities.review.pending')}</Heading>
          {proposed.length === 0 ? (
            <Paragraph>{t('responsibilities.review.nonePending')}</Paragraph>
          ) : (
            <ul className="ketenkaart-matrix__review-list">
              {proposed.map((item) => (
                <li key={item.id} className="ketenkaart-matrix__review-item">
                  <OverrideDetails item={item} actorOf={actorOf} />
                  <DecisionForm
                    regionId={regionId}
                    item={item}
                    onDecided={(decision) => {
                      setMessage(t(`responsibilities.review.done.${decision}`));
                      onDecided();
                    }}
                  />
                </li>
              ))}
            </ul>
          )}

          <Heading level={3}>{t('responsibilities.review.decided')}</Heading>
          {decided.length === 0 ? (
            <Paragraph>{t('responsibilities.review.noneDecided')}</Paragraph>
          ) : (
            <ul className="ketenkaart-matrix__review-list">
              {decided.map((item) => (
                <li key={item.id} className="ketenkaart-matrix__review-item">
                  <OverrideDetails item={item} actorOf={actorOf} />
                </li>
              ))}
            </ul>
          )}

          <Heading level={3}>{t('responsibilities.review.history')}</Heading>
          {data.history.length === 0 ? (
            <Paragraph>{t('responsibilities.review.noHistory')}</Paragraph>
          ) : (
            <ol className="ketenkaart-matrix__history">
              {data.history.map((event) => (
                <li key={`${event.overrideId}|${event.action}|${event.at}`}>
                  <time dateTime={event.at}>{dateTime(event.at)}</time>:{' '}
                  {t(`responsibilities.review.action.${event.action as 'proposed'}`, { actor: event.actor })}{' '}
                  — {event.summary}
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}

/** What the agreement says, as a diff against the national default (level before → after). */
function OverrideDetails({
  item,
  actorOf,
}: {
  item: Override;
  actorOf: (overrideId: string, action: string, fallback: string) => string;
}) {
  const { t } = useTranslation();
  const labels = useMatrixLabels();
  const dateTime = useDateTime();
  const day = useDay();
  const from = item.levelChange.from;
  return (
    <div className="ketenkaart-matrix__review-details">
      <p className="ketenkaart-matrix__review-title">
        <strong>
          {labels.task(item.task)} · {labels.organisationType(item.organisationType)}
        </strong>{' '}
        ({item.exploitationForm ? labels.form(item.exploitationForm) : t('responsibilities.allForms')},{' '}
        {item.targetGroup ? labels.targetGroup(item.targetGroup) : t('responsibilities.allTargetGroups')})
        {item.status !== 'proposed' ? (
          <> — {t(`responsibilities.review.status.${item.status as 'approved'}`)}</>
        ) : null}
      </p>
      <p className="ketenkaart-matrix__review-diff">
        {t('responsibilities.review.diffLabel')}{' '}
        {from ? (
          <LevelBadge level={from as ResponsibilityLevelName} label={labels.level(from)} compact />
        ) : (
          t('responsibilities.review.noDefault')
        )}{' '}
        <span aria-hidden="true">→</span>
        <VisuallyHidden>{t('responsibilities.review.becomes')}</VisuallyHidden>{' '}
        <LevelBadge
          level={item.levelChange.to as ResponsibilityLevelName}
          label={labels.level(item.levelChange.to)}
          compact
        />
      </p>
      {item.organisation ? <p>{t('responsibilities.filledBy', { name: item.organisation.name })}</p> : null}
      <p>{item.note}</p>
      <p>
        <SourceNote source={item.source} />
      </p>
      <p className="ketenkaart-matrix__review-meta">
        {t('responsibilities.review.validFrom', { date: day(item.validFrom) })}
        {item.validUntil
          ? ` ${t('responsibilities.review.validUntil', { date: day(item.validUntil) })}`
          : null}
        .{' '}
        {t('responsibilities.review.proposedBy', {
          actor: actorOf(item.id, 'proposed', item.proposedBy),
          at: dateTime(item.proposedAt),
        })}
        {item.decidedBy && item.decidedAt ? (
          <>
            {' '}
            {t(`responsibilities.review.decidedBy.${item.status as 'approved'}`, {
              actor: actorOf(item.id, item.status, item.decidedBy),
              at: dateTime(item.decidedAt),
            })}
          </>
        ) : null}
        {item.decisionNote ? (
          <> {t('responsibilities.review.decisionNote', { note: item.decisionNote })}</>
        ) : null}
      </p>
    </div>
  );
}

function DecisionForm({
  regionId,
  item,
  onDecided,
}: {
  regionId: string;
  item: Override;
  onDecided: (decision: OverrideDecision) => void;
}) {
  const { t } = useTranslation();
  const labels = useMatrixLabels();
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  const what = `${labels.task(item.task)} · ${labels.organisationType(item.organisationType)}`;

  const decide = async (decision: OverrideDecision) => {
    setBusy(true);
    setProblem(null);
    try {
      await decideOverride(regionId, item.id, decision, note.trim());
      onDecided(decision);
    } catch (error) {
      setProblem(toProblemDetails(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ketenkaart-matrix__decision" onSubmit={(event) => event.preventDefault()}>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <FormField>
        <FormLabel htmlFor={`${id}-note`}>{t('responsibilities.review.note')}</FormLabel>
        <Textbox
          id={`${id}-note`}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </FormField>
      <div className="ketenkaart-matrix__decision-actions">
        <Button
          type="button"
          appearance="primary-action"
          disabled={busy}
          aria-label={t('responsibilities.review.approveNamed', { what })}
          onClick={() => void decide('approve')}
        >
          {t('responsibilities.review.approve')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action"
          disabled={busy}
          aria-label={t('responsibilities.review.rejectNamed', { what })}
          onClick={() => void decide('reject')}
        >
          {t('responsibilities.review.reject')}
        </Button>
      </div>
    </form>
  );
}
