import {
  DECLINE_REASONS,
  HANDOFF_REMARK_MAX_LENGTH,
  WITHDRAW_REASONS,
  type ProblemDetails,
} from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import { Button, ButtonGroup, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/session';
import { transitionHandoff, useFunctionInboxes, useOrganisationsServing } from '../api/handoffs';
import type { HandoffDetail, TransitionBody } from '../api/types';
import {
  functionInboxProblem,
  identifyingDataMessage,
  serverErrors,
  type HandoffFieldErrors,
  type ReceiverKind,
} from '../lib/form-model';
import { useHandoffLabels } from '../lib/labels';
import { RadioGroup, SelectField, TextField } from '../../../components/form-controls';
import { fieldId, FormErrors } from './form-errors';
import { functionOptions, regionGroups } from './handoff-form';

type ForwardFunctionType = NonNullable<NonNullable<TransitionBody['forwardTo']>['inbox']>['functionType'];

export type DialogTransition = 'decline' | 'withdraw' | 'forward';

export interface TransitionDialogProps {
  handoff: HandoffDetail;
  transition: DialogTransition;
  onClose: () => void;
  /** After the move succeeded, with the hand-off as it is now. */
  onDone: (handoff: HandoffDetail) => void;
  /** After a failure that is not about a field (409 and the like): the page reloads and explains. */
  onFailed: (problem: ProblemDetails) => void;
}

/**
 * A modal dialog (native `<dialog>`: focus stays inside, Escape closes) for the moves that need input:
 * decline (coded reason + alternative organisation), withdraw (optional reason) and forward (new receiver: an
 * organisation serving the gemeente, or a function inbox, region + function, as in the hand-off form).
 */
export function TransitionDialog({ handoff, transition, onClose, onDone, onFailed }: TransitionDialogProps) {
  const { t, i18n } = useTranslation();
  const labels = useHandoffLabels();
  const { account } = useSession();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [reason, setReason] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [forwardKind, setForwardKind] = useState<ReceiverKind>('organisation');
  const [regionId, setRegionId] = useState('');
  const [functionType, setFunctionType] = useState('');
  const [remark, setRemark] = useState('');
  const [errors, setErrors] = useState<HandoffFieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  const [busy, setBusy] = useState(false);
  const toInbox = transition === 'forward' && forwardKind === 'inbox';
  const needsOrganisation = transition !== 'withdraw' && !toInbox;
  const { data: organisations, isLoading } = useOrganisationsServing(
    transition !== 'withdraw' ? handoff.municipalityCode : null,
  );
  const { data: inboxes, isLoading: inboxesLoading } = useFunctionInboxes(toInbox);
  const formId = `handoff-${transition}`;
  const organisationField =
    transition === 'forward' ? 'forwardTo.organisationId' : 'alternativeOrganisationId';
  // Nobody (else) holds the chosen function there: said at once, as in the hand-off form (the API refuses it too).
  const inboxProblem = functionInboxProblem(
    t,
    labels,
    {
      receiverKind: toInbox ? 'inbox' : 'organisation',
      receiverRegionId: regionId,
      receiverFunctionType: functionType,
    },
    inboxes,
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // A changed choice takes its old message away (the summary keeps the others until the next submit).
  const clearErrors = (...names: string[]) =>
    setErrors((current) =>
      names.some((name) => current[name])
        ? Object.fromEntries(Object.entries(current).filter(([name]) => !names.includes(name)))
        : current,
    );

  const focusSummary = () => window.setTimeout(() => summaryRef.current?.focus(), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: HandoffFieldErrors = {};
    if (transition === 'decline' && !reason) found['reason'] = t('handoffs.dialog.reasonRequired');
    if (needsOrganisation && !organisationId)
      found[organisationField] = t(
        transition === 'forward'
          ? 'handoffs.dialog.forwardToRequired'
          : 'handoffs.dialog.alternativeRequired',
      );
    if (toInbox) {
      if (!regionId) found['forwardTo.inbox.regionId'] = t('handoffs.dialog.forwardRegionRequired');
      if (!functionType) found['forwardTo.inbox.functionType'] = t('handoffs.dialog.forwardFunctionRequired');
      else if (inboxProblem) found['forwardTo.inbox.functionType'] = inboxProblem;
    }
    const inRemark = identifyingDataMessage(t, labels, remark);
    if (inRemark) found['remark'] = inRemark;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      focusSummary();
      return;
    }
    setBusy(true);
    try {
      const result = await transitionHandoff(handoff.id, {
        transition,
        version: handoff.version,
        reason: (reason || null) as TransitionBody['reason'],
        remark: remark.trim() || null,
        ...(transition === 'decline' ? { alternativeOrganisationId: organisationId } : {}),
        ...(transition === 'forward'
          ? {
              forwardTo: toInbox
                ? { inbox: { regionId, functionType: functionType as ForwardFunctionType } }
                : { organisationId },
            }
          : {}),
      });
      onDone(result);
    } catch (error) {
      const details = toProblemDetails(error);
      const fromServer = forwardFields(
        serverErrors(t, labels, details.invalidParams, toInbox ? 'inbox' : 'organisation'),
        toInbox,
      );
      if (details.status === 409 || details.status === 403 || details.status === 404) {
        onFailed(details);
        return;
      }
      setErrors(fromServer);
      setProblem(details);
      focusSummary();
    } finally {
      setBusy(false);
    }
  };

  const reasons =
    transition === 'decline' ? DECLINE_REASONS : transition === 'withdraw' ? WITHDRAW_REASONS : [];
  const organisationOptions = (organisations ?? [])
    .filter((organisation) => organisation.id !== account?.organisationId)
    .map((organisation) => ({
      value: organisation.id,
      label: `${organisation.name} (${labels.organisationType(organisation.type)})`,
    }));

  return (
    <dialog
      ref={dialogRef}
      className="ketenkaart-handoff-dialog"
      aria-labelledby={`${formId}-title`}
      onClose={onClose}
      onCancel={onClose}
    >
      <form onSubmit={submit} noValidate>
        <Heading level={2} id={`${formId}-title`}>
          {t(`handoffs.dialog.${transition}.title`, { reference: handoff.caseReference })}
        </Heading>
        <Paragraph>{t(`handoffs.dialog.${transition}.intro`)}</Paragraph>
        <FormErrors formId={formId} errors={errors} problem={problem} summaryRef={summaryRef} />
        {transition === 'decline' ? (
          <RadioGroup
            id={fieldId(formId, 'reason')}
            legend={t('handoffs.dialog.reason')}
            required
            value={reason}
            onChange={setReason}
            options={reasons.map((code) => ({ value: code, label: labels.declineReason(code) }))}
            error={errors['reason']}
          />
        ) : null}
        {transition === 'withdraw' ? (
          <SelectField
            id={fieldId(formId, 'reason')}
            label={t('handoffs.dialog.withdrawReason')}
            value={reason}
            onChange={setReason}
            emptyLabel={t('handoffs.dialog.noReason')}
            options={reasons.map((code) => ({ value: code, label: labels.withdrawReason(code) }))}
            error={errors['reason']}
          />
        ) : null}
        {transition === 'forward' ? (
          <RadioGroup
            id={fieldId(formId, 'forwardTo.kind')}
            legend={t('handoffs.dialog.forwardKind')}
            required
            description={t('handoffs.dialog.forwardKindHint')}
            value={forwardKind}
            onChange={(value) => {
              setForwardKind(value as ReceiverKind);
              clearErrors(
                'forwardTo.organisationId',
                'forwardTo.inbox.regionId',
                'forwardTo.inbox.functionType',
              );
            }}
            options={[
              { value: 'organisation', label: t('handoffs.form.receiverKindOrganisation') },
              { value: 'inbox', label: t('handoffs.form.receiverKindInbox') },
            ]}
          />
        ) : null}
        {toInbox ? (
          <>
            <SelectField
              id={fieldId(formId, 'forwardTo.inbox.regionId')}
              label={t('handoffs.form.inboxRegion')}
              description={t('handoffs.form.inboxRegionHint')}
              required
              busy={inboxesLoading}
              value={regionId}
              onChange={(value) => {
                setRegionId(value);
                clearErrors('forwardTo.inbox.regionId');
              }}
              emptyLabel={t('handoffs.form.chooseRegion')}
              groups={regionGroups(inboxes, regionId, undefined, i18n.language, {
                current: t('handoffs.form.currentRegion'),
              })}
              error={errors['forwardTo.inbox.regionId']}
            />
            <SelectField
              id={fieldId(formId, 'forwardTo.inbox.functionType')}
              label={t('handoffs.form.inboxFunction')}
              description={t('handoffs.form.inboxFunctionHint')}
              required
              busy={inboxesLoading}
              value={functionType}
              onChange={(value) => {
                setFunctionType(value);
                clearErrors('forwardTo.inbox.functionType');
              }}
              emptyLabel={t('handoffs.form.chooseFunction')}
              options={functionOptions(labels, t, inboxes, regionId)}
              error={inboxProblem ?? errors['forwardTo.inbox.functionType']}
            />
          </>
        ) : null}
        {needsOrganisation ? (
          <SelectField
            id={fieldId(formId, organisationField)}
            label={t(transition === 'forward' ? 'handoffs.dialog.forwardTo' : 'handoffs.dialog.alternative')}
            description={t('handoffs.dialog.organisationHint')}
            required
            busy={isLoading}
            value={organisationId}
            onChange={setOrganisationId}
            emptyLabel={t('handoffs.form.choose')}
            options={organisationOptions}
            error={errors[organisationField]}
          />
        ) : null}
        <TextField
          id={fieldId(formId, 'remark')}
          label={t('handoffs.dialog.remark')}
          description={t('handoffs.dialog.remarkHint')}
          multiline
          maxLength={HANDOFF_REMARK_MAX_LENGTH}
          value={remark}
          onChange={setRemark}
          error={errors['remark']}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
            {t(`handoffs.dialog.${transition}.submit`)}
          </Button>
          <Button appearance="secondary-action" onClick={onClose} disabled={busy}>
            {t('handoffs.dialog.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </dialog>
  );
}

/**
 * The API names the new receiver's problems `forwardTo…` (the request) or `receiver…` (the checks of the new
 * hand-off): both land at the dialog's own controls.
 */
function forwardFields(errors: HandoffFieldErrors, toInbox: boolean): HandoffFieldErrors {
  const result: HandoffFieldErrors = {};
  for (const [name, message] of Object.entries(errors)) {
    let field = name.startsWith('receiver.') ? `forwardTo.${name.slice('receiver.'.length)}` : name;
    if (field === 'forwardTo' || field === 'forwardTo.inbox')
      field = toInbox ? 'forwardTo.inbox.functionType' : 'forwardTo.organisationId';
    result[field] = result[field] && result[field] !== message ? `${result[field]} ${message}` : message;
  }
  return result;
}
