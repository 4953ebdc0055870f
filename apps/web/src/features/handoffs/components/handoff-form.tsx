import {
  AGE_BANDS,
  CONSENT_GIVERS,
  ErrorCode,
  EXPLOITATION_FORMS,
  FUNCTION_TYPES,
  HANDOFF_NOTES_MAX_LENGTH,
  LEGAL_BASES,
  TARGET_GROUPS,
  type OrganisationType,
  type ProblemDetails,
} from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from '@ketenkaart/web-ui';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useSession } from '../../../lib/session';
import {
  createHandoff,
  transitionHandoff,
  updateHandoff,
  useFunctionInboxes,
  useMunicipalities,
  useOrganisationsOfTypes,
  useOrganisation,
  usePaths,
  useReceiverProposals,
} from '../api/handoffs';
import type { FunctionInbox, HandoffDetail, ReceiverProposals } from '../api/types';
import {
  bodyOf,
  EMPTY_HANDOFF_FORM,
  functionInboxProblem,
  serverErrors,
  validateHandoff,
  valuesOf,
  type HandoffFieldErrors,
  type HandoffFormValues,
  type ReceiverKind,
} from '../lib/form-model';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { useHandoffLabels, type HandoffLabels } from '../lib/labels';
import { fieldId, FormErrors } from './form-errors';
import { RadioGroup, SelectField, TextField, type Option } from '../../../components/form-controls';
import '../handoffs.css';

const FORM_ID = 'handoff';
const collator = new Intl.Collator('nl');

function todayInNetherlands(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export interface HandoffFormProps {
  /** A concept to resume; none: a new hand-off. */
  handoff?: HandoffDetail;
}

/**
 * New hand-off (or a concept resumed): save as concept, or send. The wie-doet-wat matrix proposes the
 * receiver for the path and gemeente; the browser checks what the API checks, and the API's field errors
 * land at the same fields.
 */
export function HandoffForm({ handoff }: HandoffFormProps) {
  const { t, i18n } = useTranslation();
  const labels = useHandoffLabels();
  const navigate = useNavigate();
  const { account } = useSession();
  const [values, setValues] = useState<HandoffFormValues>(() =>
    handoff ? valuesOf(handoff) : EMPTY_HANDOFF_FORM,
  );
  // One key per form: a retried "create" (double click, lost answer) returns the same concept.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(
    handoff ? { id: handoff.id, version: handoff.version } : null,
  );
  const [receiverChosen, setReceiverChosen] = useState(Boolean(handoff));
  const [inboxChosen, setInboxChosen] = useState(Boolean(handoff));
  const [errors, setErrors] = useState<HandoffFieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState<'concept' | 'send' | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const { data: pathList } = usePaths();
  const { data: municipalities } = useMunicipalities();
  const { data: ownOrganisation } = useOrganisation(account?.organisationId);
  const path = pathList?.items.find((item) => item.code === values.pathCode);
  const proposalQuery =
    values.pathCode && values.municipalityCode
      ? {
          path: values.pathCode,
          municipality: values.municipalityCode,
          exploitationForm: values.exploitationForm,
          targetGroup: values.targetGroup,
        }
      : null;
  const proposals = useReceiverProposals(proposalQuery);
  const { data: usualReceivers, isLoading: receiversLoading } = useOrganisationsOfTypes(
    path?.receiverTypes ?? [],
  );
  const toInbox = values.receiverKind === 'inbox';
  const { data: inboxes, isLoading: inboxesLoading } = useFunctionInboxes(toInbox);

  // The matrix proposes the receiver (an organisation, or the path's function inbox in the gemeente's regions)
  // until the user chooses one themselves.
  const proposedId = proposals.data?.proposal?.organisation.id ?? '';
  const proposedInbox = proposals.data?.inboxes[0];
  const effective: HandoffFormValues = {
    ...values,
    ...(receiverChosen ? {} : { receiverOrganisationId: proposedId }),
    ...(inboxChosen || !proposedInbox
      ? {}
      : { receiverRegionId: proposedInbox.region.id, receiverFunctionType: proposedInbox.functionType }),
  };
  const inboxProblem = functionInboxProblem(t, labels, effective, inboxes);

  const set = <K extends keyof HandoffFormValues>(field: K, value: HandoffFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  // Another region or function: the live check below replaces what the last submit said about the old one.
  const chooseInbox = () => {
    setInboxChosen(true);
    setErrors((current) => {
      const {
        'receiver.inbox.regionId': _region,
        'receiver.inbox.functionType': _function,
        ...rest
      } = current;
      return rest;
    });
  };

  const receiverGroups = useMemo(() => {
    const proposed = (proposals.data?.proposals ?? []).map((proposal) => ({
      value: proposal.organisation.id,
      label: proposal.level
        ? `${proposal.organisation.name} (${labels.level(proposal.level)})`
        : proposal.organisation.name,
    }));
    const proposedIds = new Set(proposed.map((option) => option.value));
    const others = (usualReceivers ?? [])
      .filter(
        (organisation) => !proposedIds.has(organisation.id) && organisation.id !== account?.organisationId,
      )
      .map((organisation) => ({ value: organisation.id, label: organisation.name }));
    const current = handoff?.receiver.organisation;
    if (current && !proposedIds.has(current.id) && !others.some((option) => option.value === current.id))
      others.unshift({ value: current.id, label: current.name });
    return [
      { label: t('handoffs.form.proposedGroup'), options: proposed },
      { label: t('handoffs.form.otherGroup'), options: others },
    ];
  }, [proposals.data, usualReceivers, account?.organisationId, handoff, labels, t]);

  const focusSummary = () => window.setTimeout(() => summaryRef.current?.focus(), 0);

  const submit = async (mode: 'concept' | 'send') => {
    setProblem(null);
    setGeneral(null);
    const found = validateHandoff(t, labels, effective, {
      sending: mode === 'send',
      senderType: (ownOrganisation?.type as OrganisationType | undefined) ?? null,
      today: todayInNetherlands(),
      inboxes,
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusSummary();
      return;
    }
    setBusy(mode);
    let current = saved;
    try {
      const body = bodyOf(effective);
      const detail = current
        ? await updateHandoff(current.id, { ...body, version: current.version })
        : await createHandoff(body, idempotencyKey);
      current = { id: detail.id, version: detail.version };
      setSaved(current);
      if (mode === 'send')
        await transitionHandoff(detail.id, { transition: 'send', version: detail.version });
      navigate(paths.handoff.getHref(detail.id), { state: { flash: mode === 'send' ? 'sent' : 'saved' } });
    } catch (error) {
      const details = toProblemDetails(error);
      setProblem(details);
      const fromServer = serverErrors(t, labels, details.invalidParams, effective.receiverKind);
      if (details.code === ErrorCode.consentRequired)
        fromServer['consent'] = t('handoffs.form.consentRequired');
      setErrors(fromServer);
      if (details.code === ErrorCode.versionConflict) setGeneral(t('handoffs.conflict'));
      else if (details.code === ErrorCode.identifyingData) setGeneral(t('handoffs.form.identifyingDataWhy'));
      else if (current && !handoff && mode === 'send') setGeneral(t('handoffs.form.savedNotSent'));
      focusSummary();
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit('send');
  };

  const id = (field: string) => fieldId(FORM_ID, field);
  const sortedMunicipalities = [...(municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  const under16 = values.ageBand === 'under-12' || values.ageBand === '12-15';

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="ketenkaart-handoff-form"
      aria-labelledby="handoff-form-title"
    >
      <FormErrors
        formId={FORM_ID}
        errors={errors}
        problem={problem}
        general={general}
        summaryRef={summaryRef}
      />
      <Paragraph>{t('handoffs.form.privacy')}</Paragraph>

      <Fieldset>
        <FieldsetLegend>{t('handoffs.form.routeLegend')}</FieldsetLegend>
        <SelectField
          id={id('pathCode')}
          label={t('handoffs.form.path')}
          required
          value={values.pathCode}
          onChange={(value) => set('pathCode', value)}
          emptyLabel={t('handoffs.form.choose')}
          busy={!pathList}
          options={(pathList?.items ?? []).map((item) => ({
            value: item.code,
            label: labels.path(item.code),
          }))}
          description={path ? <PathFacts labels={labels} path={path} /> : undefined}
          error={errors['pathCode']}
        />
        <SelectField
          id={id('municipalityCode')}
          label={t('handoffs.form.municipality')}
          description={t('handoffs.form.municipalityHint')}
          required
          value={values.municipalityCode}
          onChange={(value) => set('municipalityCode', value)}
          emptyLabel={t('handoffs.form.choose')}
          busy={!municipalities}
          options={sortedMunicipalities.map((municipality) => ({
            value: municipality.code,
            label: municipality.name,
          }))}
          error={errors['municipalityCode']}
        />
        <RadioGroup
          id={id('receiver.kind')}
          legend={t('handoffs.form.receiverKind')}
          required
          description={t('handoffs.form.receiverKindHint')}
          value={values.receiverKind}
          onChange={(value) => set('receiverKind', value as ReceiverKind)}
          options={[
            { value: 'organisation', label: t('handoffs.form.receiverKindOrganisation') },
            { value: 'inbox', label: t('handoffs.form.receiverKindInbox') },
          ]}
        />
        {toInbox ? (
          <>
            <SelectField
              id={id('receiver.inbox.regionId')}
              label={t('handoffs.form.inboxRegion')}
              required
              value={effective.receiverRegionId}
              onChange={(value) => {
                chooseInbox();
                setValues((current) => ({
                  ...current,
                  receiverRegionId: value,
                  receiverFunctionType: effective.receiverFunctionType,
                }));
              }}
              emptyLabel={t('handoffs.form.chooseRegion')}
              busy={inboxesLoading}
              groups={regionGroups(inboxes, effective.receiverRegionId, handoff, i18n.language, {
                current: t('handoffs.form.currentRegion'),
              })}
              description={t('handoffs.form.inboxRegionHint')}
              error={errors['receiver.inbox.regionId']}
            />
            <SelectField
              id={id('receiver.inbox.functionType')}
              label={t('handoffs.form.inboxFunction')}
              required
              value={effective.receiverFunctionType}
              onChange={(value) => {
                chooseInbox();
                setValues((current) => ({
                  ...current,
                  receiverRegionId: effective.receiverRegionId,
                  receiverFunctionType: value,
                }));
              }}
              emptyLabel={t('handoffs.form.chooseFunction')}
              busy={inboxesLoading}
              options={functionOptions(labels, t, inboxes, effective.receiverRegionId)}
              description={
                <InboxExplanation
                  labels={labels}
                  asked={Boolean(proposalQuery)}
                  proposals={proposals.data}
                  inboxes={inboxes}
                  regionId={effective.receiverRegionId}
                  functionType={effective.receiverFunctionType}
                />
              }
              // Nobody (else) holds it: said at once, not only after "Versturen" (the API refuses it too).
              error={inboxProblem ?? errors['receiver.inbox.functionType']}
            />
          </>
        ) : (
          <SelectField
            id={id('receiver.organisationId')}
            label={t('handoffs.form.receiver')}
            required
            value={effective.receiverOrganisationId}
            onChange={(value) => {
              setReceiverChosen(true);
              set('receiverOrganisationId', value);
            }}
            emptyLabel={t('handoffs.form.chooseReceiver')}
            busy={proposals.isLoading || receiversLoading}
            groups={receiverGroups}
            description={
              <ProposalExplanation
                labels={labels}
                loading={proposals.isLoading}
                asked={Boolean(proposalQuery)}
                proposals={proposals.data}
                chosenId={effective.receiverOrganisationId}
              />
            }
            error={errors['receiver.organisationId']}
          />
        )}
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('handoffs.form.caseLegend')}</FieldsetLegend>
        <SelectField
          id={id('exploitationForm')}
          label={t('handoffs.form.exploitationForm')}
          required
          value={values.exploitationForm}
          onChange={(value) => set('exploitationForm', value)}
          emptyLabel={t('handoffs.form.choose')}
          options={EXPLOITATION_FORMS.map((form) => ({ value: form, label: labels.form(form) }))}
          error={errors['exploitationForm']}
        />
        <SelectField
          id={id('targetGroup')}
          label={t('handoffs.form.targetGroup')}
          required
          value={values.targetGroup}
          onChange={(value) => set('targetGroup', value)}
          emptyLabel={t('handoffs.form.choose')}
          options={TARGET_GROUPS.map((group) => ({ value: group, label: labels.targetGroup(group) }))}
          error={errors['targetGroup']}
        />
        <RadioGroup
          id={id('minor')}
          legend={t('handoffs.form.minor')}
          required
          value={values.minor}
          onChange={(value) => set('minor', value as HandoffFormValues['minor'])}
          options={[
            { value: 'yes', label: t('handoffs.yes') },
            { value: 'no', label: t('handoffs.no') },
          ]}
          error={errors['minor']}
        />
        <SelectField
          id={id('ageBand')}
          label={t('handoffs.form.ageBand')}
          description={t('handoffs.form.ageBandHint')}
          required
          value={values.ageBand}
          onChange={(value) => set('ageBand', value)}
          emptyLabel={t('handoffs.form.choose')}
          options={AGE_BANDS.map((band) => ({ value: band, label: labels.ageBand(band) }))}
          error={errors['ageBand']}
        />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('handoffs.form.consentLegend')}</FieldsetLegend>
        <RadioGroup
          id={id('consent')}
          legend={t('handoffs.form.consentGiven')}
          required
          value={values.consentGiven}
          onChange={(value) => set('consentGiven', value as HandoffFormValues['consentGiven'])}
          options={[
            { value: 'yes', label: t('handoffs.form.consentYes') },
            { value: 'no', label: t('handoffs.form.consentNo') },
          ]}
          description={path ? <ConsentRule labels={labels} path={path} /> : t('handoffs.form.consentHint')}
          error={errors['consent']}
        />
        {values.consentGiven === 'yes' ? (
          <>
            <TextField
              id={id('consent.date')}
              label={t('handoffs.form.consentDate')}
              type="date"
              required
              value={values.consentDate}
              onChange={(value) => set('consentDate', value)}
              error={errors['consent.date']}
            />
            <RadioGroup
              id={id('consent.givenBy')}
              legend={t('handoffs.form.consentGivenBy')}
              required
              description={under16 ? t('handoffs.form.consentUnder16') : undefined}
              value={values.consentGivenBy}
              onChange={(value) => set('consentGivenBy', value)}
              options={CONSENT_GIVERS.map((giver) => ({ value: giver, label: labels.consentGivenBy(giver) }))}
              error={errors['consent.givenBy']}
            />
          </>
        ) : null}
        <SelectField
          id={id('legalBasis')}
          label={t('handoffs.form.legalBasis')}
          required
          value={values.legalBasis}
          onChange={(value) => set('legalBasis', value)}
          emptyLabel={t('handoffs.form.choose')}
          options={LEGAL_BASES.map((basis) => ({ value: basis, label: labels.legalBasis(basis) }))}
          error={errors['legalBasis']}
        />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('handoffs.form.notesLegend')}</FieldsetLegend>
        <TextField
          id={id('externalReference')}
          label={t('handoffs.form.externalReference')}
          description={t('handoffs.form.externalReferenceHint')}
          value={values.externalReference}
          onChange={(value) => set('externalReference', value)}
          maxLength={60}
          error={errors['externalReference']}
        />
        <TextField
          id={id('notes')}
          label={t('handoffs.form.notes')}
          description={t('handoffs.form.notesHint', { max: HANDOFF_NOTES_MAX_LENGTH })}
          multiline
          value={values.notes}
          onChange={(value) => set('notes', value)}
          maxLength={HANDOFF_NOTES_MAX_LENGTH}
          error={errors['notes']}
        />
      </Fieldset>

      <ButtonGroup className="ketenkaart-handoff-form__buttons">
        <Button type="submit" appearance="primary-action" busy={busy === 'send'} disabled={busy !== null}>
          {t('handoffs.form.send')}
        </Button>
        <Button
          appearance="secondary-action"
          busy={busy === 'concept'}
          disabled={busy !== null}
          onClick={() => void submit('concept')}
        >
          {t('handoffs.form.saveConcept')}
        </Button>
        <Link
          className="utrecht-link utrecht-link--html-a"
          to={saved ? paths.handoff.getHref(saved.id) : paths.handoffOutbox.getHref()}
        >
          {t('handoffs.form.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}

function PathFacts({
  labels,
  path,
}: {
  labels: HandoffLabels;
  path: { responseWorkingDays: number; receiverTypes: readonly string[] };
}) {
  const { t } = useTranslation();
  return (
    <>
      {t('handoffs.form.pathFacts', {
        days: path.responseWorkingDays,
        receivers: path.receiverTypes.map(labels.organisationType).join(', '),
      })}
    </>
  );
}

function ConsentRule({
  labels,
  path,
}: {
  labels: HandoffLabels;
  path: { needsConsent: boolean; legalBasisExemptSenderTypes: readonly string[] };
}) {
  const { t } = useTranslation();
  if (!path.needsConsent) return <>{t('handoffs.form.consentNotNeeded')}</>;
  if (path.legalBasisExemptSenderTypes.length === 0) return <>{t('handoffs.form.consentNeeded')}</>;
  return (
    <>
      {t('handoffs.form.consentNeededExempt', {
        exempt: path.legalBasisExemptSenderTypes.map(labels.organisationType).join(', '),
      })}
    </>
  );
}

/** Why the form proposes this receiver: the matrix row (task × type, level) and the agreement or default. */
function ProposalExplanation({
  labels,
  loading,
  asked,
  proposals,
  chosenId,
}: {
  labels: HandoffLabels;
  loading: boolean;
  asked: boolean;
  proposals: ReceiverProposals | undefined;
  chosenId: string;
}) {
  const { t } = useTranslation();
  if (!asked) return <>{t('handoffs.proposal.askFirst')}</>;
  if (loading || !proposals) return <>{t('handoffs.proposal.loading')}</>;
  const proposal = proposals.proposal;
  const notResponsible = proposals.notResponsible.map((entry) =>
    labels.organisationType(entry.organisationType),
  );
  return (
    <span className="ketenkaart-handoff-proposal" data-testid="handoff-proposal">
      {proposal ? (
        <>
          <strong>{t('handoffs.proposal.proposed', { organisation: proposal.organisation.name })}</strong>{' '}
          {t('handoffs.proposal.why', {
            type: labels.organisationType(proposal.organisationType),
            level: proposal.level ? labels.level(proposal.level) : t('handoffs.proposal.usualReceiver'),
            task: labels.task(proposals.task, proposals.taskLabel),
            municipality: proposals.municipalityName,
          })}{' '}
          {proposal.origin === 'regional-agreement'
            ? t('handoffs.proposal.agreement', { region: proposal.agreementRegion?.name ?? '' })
            : proposal.origin
              ? t('handoffs.proposal.nationalDefault')
              : null}
          {proposal.source ? ` ${t('handoffs.proposal.source', { source: proposal.source.title })}` : null}
          {chosenId && chosenId !== proposal.organisation.id
            ? ` ${t('handoffs.proposal.otherChosen')}`
            : null}
        </>
      ) : (
        t('handoffs.proposal.none')
      )}
      {notResponsible.length > 0
        ? ` ${t('handoffs.proposal.notResponsible', { types: notResponsible.join(', ') })}`
        : null}
      {proposals.inboxes[0]
        ? ` ${t('handoffs.proposal.inboxAlternative', { inbox: inboxName(labels, proposals.inboxes[0]) })}`
        : null}
    </span>
  );
}

/** "Zorgcoördinator · Twente". */
function inboxName(labels: HandoffLabels, inbox: FunctionInbox): string {
  return labels.receiver({
    organisation: null,
    regionName: inbox.region.name,
    functionType: inbox.functionType,
  });
}

function holderNames(inbox: FunctionInbox): string {
  return inbox.holders.map((holder) => holder.name).join(', ');
}

/**
 * The regions that have a function inbox someone else holds, under their region type (optgroup). A concept's
 * region stays choosable even when nobody holds anything there any more (the error then says so).
 */
export function regionGroups(
  inboxes: readonly FunctionInbox[] | undefined,
  chosen: string,
  handoff: HandoffDetail | undefined,
  language: string,
  text: { current: string },
): { label: string; options: Option[] }[] {
  const groups = new Map<string, { label: string; options: Option[] }>();
  const seen = new Set<string>();
  for (const inbox of inboxes ?? []) {
    if (inbox.ownOnly || seen.has(inbox.region.id)) continue;
    seen.add(inbox.region.id);
    const label = language.startsWith('en') ? inbox.region.typeNameEn : inbox.region.typeName;
    const group = groups.get(inbox.region.typeCode) ?? { label, options: [] };
    group.options.push({ value: inbox.region.id, label: inbox.region.name });
    groups.set(inbox.region.typeCode, group);
  }
  const result = [...groups.values()];
  if (chosen && !seen.has(chosen)) {
    const name =
      inboxes?.find((inbox) => inbox.region.id === chosen)?.region.name ??
      (handoff?.receiver.regionId === chosen ? handoff.receiver.regionName : null) ??
      chosen;
    result.unshift({ label: text.current, options: [{ value: chosen, label: name }] });
  }
  return result;
}

/** Every function; those held in the chosen region name their holder, the others say nobody holds them there. */
export function functionOptions(
  labels: HandoffLabels,
  t: TFunction,
  inboxes: readonly FunctionInbox[] | undefined,
  regionId: string,
): Option[] {
  return FUNCTION_TYPES.map((functionType) => {
    const inbox = regionId
      ? inboxes?.find((item) => item.region.id === regionId && item.functionType === functionType)
      : undefined;
    const name = labels.functionType(functionType);
    return {
      value: functionType,
      label: !regionId
        ? name
        : inbox
          ? t('handoffs.form.functionHeldBy', { function: name, holders: holderNames(inbox) })
          : t('handoffs.form.functionUnheld', { function: name }),
    };
  });
}

/** What the matrix proposes for a function inbox, and who receives the one chosen. */
function InboxExplanation({
  labels,
  asked,
  proposals,
  inboxes,
  regionId,
  functionType,
}: {
  labels: HandoffLabels;
  asked: boolean;
  proposals: ReceiverProposals | undefined;
  inboxes: readonly FunctionInbox[] | undefined;
  regionId: string;
  functionType: string;
}) {
  const { t } = useTranslation();
  const proposed = proposals?.inboxes[0];
  const chosen = inboxes?.find((item) => item.region.id === regionId && item.functionType === functionType);
  const parts: string[] = [];
  if (proposed)
    parts.push(
      t('handoffs.proposal.inboxProposed', {
        inbox: inboxName(labels, proposed),
        holders: holderNames(proposed),
      }),
    );
  else if (asked && proposals) parts.push(t('handoffs.proposal.inboxNone'));
  if (chosen && !chosen.ownOnly)
    parts.push(t('handoffs.form.inboxReceivedBy', { holders: holderNames(chosen) }));
  if (parts.length === 0) parts.push(t('handoffs.form.inboxFunctionHint'));
  return (
    <span className="ketenkaart-handoff-proposal" data-testid="handoff-inbox-proposal">
      {parts.join(' ')}
    </span>
  );
}
