import {
  consentProblems,
  consentRefusal,
  EXTERNAL_REFERENCE_PATTERN,
  findIdentifyingData,
  HANDOFF_NOTES_MAX_LENGTH,
  handoffPath,
  MINOR_AGE_BANDS,
  UNDER_16_AGE_BANDS,
  type AgeBand,
  type HandoffPathCode,
  type OrganisationType,
} from '@ketenkaart/shared-domain';
import type { TFunction } from 'i18next';
import type { CreateHandoffBody, FunctionInbox, HandoffDetail } from '../api/types';
import type { HandoffLabels } from './labels';

/** To an organisation, or to a function inbox: whoever holds a function in a region. */
export type ReceiverKind = 'organisation' | 'inbox';

/** The form's own state: strings as the controls hold them ('' = not chosen yet). */
export interface HandoffFormValues {
  pathCode: string;
  municipalityCode: string;
  receiverKind: ReceiverKind;
  receiverOrganisationId: string;
  receiverRegionId: string;
  receiverFunctionType: string;
  exploitationForm: string;
  targetGroup: string;
  minor: '' | 'yes' | 'no';
  ageBand: string;
  consentGiven: '' | 'yes' | 'no';
  consentDate: string;
  consentGivenBy: string;
  legalBasis: string;
  externalReference: string;
  notes: string;
}

/** Fields by the names the API uses in `invalidParams`, so client and server errors land at the same control. */
export const HANDOFF_FIELDS = [
  'pathCode',
  'municipalityCode',
  'receiver.organisationId',
  'receiver.inbox.regionId',
  'receiver.inbox.functionType',
  'exploitationForm',
  'targetGroup',
  'minor',
  'ageBand',
  'consent',
  'consent.date',
  'consent.givenBy',
  'legalBasis',
  'externalReference',
  'notes',
] as const;
export type HandoffField = (typeof HANDOFF_FIELDS)[number];
export type HandoffFieldErrors = Partial<Record<string, string>>;

export const EMPTY_HANDOFF_FORM: HandoffFormValues = {
  pathCode: '',
  municipalityCode: '',
  receiverKind: 'organisation',
  receiverOrganisationId: '',
  receiverRegionId: '',
  receiverFunctionType: '',
  exploitationForm: '',
  targetGroup: '',
  minor: '',
  ageBand: '',
  consentGiven: '',
  consentDate: '',
  consentGivenBy: '',
  legalBasis: '',
  externalReference: '',
  notes: '',
};

export function valuesOf(detail: HandoffDetail): HandoffFormValues {
  return {
    pathCode: detail.pathCode,
    municipalityCode: detail.municipalityCode,
    receiverKind: detail.receiver.organisation ? 'organisation' : 'inbox',
    receiverOrganisationId: detail.receiver.organisation?.id ?? '',
    receiverRegionId: detail.receiver.organisation ? '' : (detail.receiver.regionId ?? ''),
    receiverFunctionType: detail.receiver.organisation ? '' : (detail.receiver.functionType ?? ''),
    exploitationForm: detail.exploitationForm,
    targetGroup: detail.targetGroup,
    minor: detail.minor ? 'yes' : 'no',
    ageBand: detail.ageBand,
    consentGiven: detail.consent ? (detail.consent.given ? 'yes' : 'no') : '',
    consentDate: detail.consent?.date ?? '',
    consentGivenBy: detail.consent?.givenBy ?? '',
    legalBasis: detail.legalBasis,
    externalReference: detail.externalReference ?? '',
    notes: detail.notes ?? '',
  };
}

export function bodyOf(values: HandoffFormValues): CreateHandoffBody {
  const given = values.consentGiven === 'yes';
  return {
    pathCode: values.pathCode as CreateHandoffBody['pathCode'],
    receiver:
      values.receiverKind === 'inbox'
        ? {
            inbox: {
              regionId: values.receiverRegionId,
              functionType: values.receiverFunctionType as NonNullable<
                CreateHandoffBody['receiver']['inbox']
              >['functionType'],
            },
          }
        : { organisationId: values.receiverOrganisationId },
    municipalityCode: values.municipalityCode,
    exploitationForm: values.exploitationForm as CreateHandoffBody['exploitationForm'],
    targetGroup: values.targetGroup as CreateHandoffBody['targetGroup'],
    minor: values.minor === 'yes',
    ageBand: values.ageBand as CreateHandoffBody['ageBand'],
    consent: given
      ? {
          given: true,
          date: values.consentDate || null,
          givenBy: (values.consentGivenBy || null) as CreateHandoffBody['consent']['givenBy'],
        }
      : { given: false },
    legalBasis: values.legalBasis as CreateHandoffBody['legalBasis'],
    externalReference: values.externalReference.trim() || null,
    notes: values.notes.trim() || null,
  };
}

/** "Wat is er gevonden" in one free-text field, in the user's language, without echoing the value. */
export function identifyingDataMessage(
  t: TFunction,
  labels: HandoffLabels,
  text: string,
): string | undefined {
  const kinds = [...new Set(findIdentifyingData(text).map((finding) => finding.kind))];
  if (kinds.length === 0) return undefined;
  return t('handoffs.form.identifyingData', { what: kinds.map(labels.identifyingData).join(', ') });
}

/**
 * Why the chosen function inbox cannot receive (the API refuses it the same way), or undefined: nobody holds the
 * function in that region, or only the sender's own organisation does. `inboxes` undefined: not loaded yet.
 */
export function functionInboxProblem(
  t: TFunction,
  labels: HandoffLabels,
  values: Pick<HandoffFormValues, 'receiverKind' | 'receiverRegionId' | 'receiverFunctionType'>,
  inboxes: readonly FunctionInbox[] | undefined,
): string | undefined {
  if (values.receiverKind !== 'inbox' || !inboxes || !values.receiverRegionId || !values.receiverFunctionType)
    return undefined;
  const inbox = inboxes.find(
    (item) => item.region.id === values.receiverRegionId && item.functionType === values.receiverFunctionType,
  );
  const region = inboxes.find((item) => item.region.id === values.receiverRegionId)?.region.name ?? '';
  const params = { function: labels.functionType(values.receiverFunctionType), region };
  if (!inbox) return t('handoffs.form.inboxUnheld', params);
  if (inbox.ownOnly) return t('handoffs.form.inboxOwn', params);
  return undefined;
}

/**
 * The API's rules, checked in the browser first (the API checks them again): required choices, consent
 * consistency, minor vs age band, the external reference pattern and identifying data in free text.
 * `sending` adds the send rule: a path that needs consent goes only with consent, unless the sender is exempt.
 */
export function validateHandoff(
  t: TFunction,
  labels: HandoffLabels,
  values: HandoffFormValues,
  options: {
    sending: boolean;
    senderType: OrganisationType | null;
    today: string;
    /** The function inboxes someone holds (to refuse one nobody holds before the API does). */
    inboxes?: readonly FunctionInbox[];
  },
): HandoffFieldErrors {
  const errors: HandoffFieldErrors = {};
  const receiver: [HandoffField, string][] =
    values.receiverKind === 'inbox'
      ? [
          ['receiver.inbox.regionId', values.receiverRegionId],
          ['receiver.inbox.functionType', values.receiverFunctionType],
        ]
      : [['receiver.organisationId', values.receiverOrganisationId]];
  const required: [HandoffField, string][] = [
    ['pathCode', values.pathCode],
    ['municipalityCode', values.municipalityCode],
    ...receiver,
    ['exploitationForm', values.exploitationForm],
    ['targetGroup', values.targetGroup],
    ['minor', values.minor],
    ['ageBand', values.ageBand],
    ['consent', values.consentGiven],
    ['legalBasis', values.legalBasis],
  ];
  for (const [field, value] of required)
    if (!value) errors[field] = t(`handoffs.form.required.${field.replace(/\./g, '_')}` as never) as string;
  const inboxProblem = functionInboxProblem(t, labels, values, options.inboxes);
  if (inboxProblem) errors['receiver.inbox.functionType'] = inboxProblem;
  const ageBand = values.ageBand as AgeBand;
  if (
    values.minor &&
    ageBand &&
    ageBand !== 'unknown' &&
    MINOR_AGE_BANDS.includes(ageBand) !== (values.minor === 'yes')
  )
    errors['minor'] = t('handoffs.form.minorMismatch', { ageBand: labels.ageBand(ageBand) });
  if (values.consentGiven === 'yes') {
    if (!values.consentDate) errors['consent.date'] = t('handoffs.form.required.consent_date');
    else if (values.consentDate > options.today)
      errors['consent.date'] = t('handoffs.form.consentDateFuture');
    if (!values.consentGivenBy) errors['consent.givenBy'] = t('handoffs.form.required.consent_givenBy');
    else if (UNDER_16_AGE_BANDS.includes(ageBand) && values.consentGivenBy !== 'parent-guardian')
      errors['consent.givenBy'] = t('handoffs.form.consentUnder16');
  }
  if (values.legalBasis === 'toestemming' && values.consentGiven === 'no')
    errors['legalBasis'] = t('handoffs.form.legalBasisNeedsConsent');
  const reference = values.externalReference.trim();
  if (reference && !EXTERNAL_REFERENCE_PATTERN.test(reference))
    errors['externalReference'] = t('handoffs.form.referencePattern');
  const inReference = identifyingDataMessage(t, labels, reference);
  if (inReference) errors['externalReference'] = inReference;
  if (values.notes.length > HANDOFF_NOTES_MAX_LENGTH)
    errors['notes'] = t('handoffs.form.notesTooLong', { max: HANDOFF_NOTES_MAX_LENGTH });
  const inNotes = identifyingDataMessage(t, labels, values.notes);
  if (inNotes) errors['notes'] = inNotes;
  if (options.sending && values.pathCode && options.senderType && !errors['consent']) {
    const path = handoffPath(values.pathCode as HandoffPathCode);
    const refusal = consentRefusal(path, options.senderType, {
      given: values.consentGiven === 'yes',
    });
    if (refusal) errors['consent'] = t('handoffs.form.consentRequired');
  }
  // The shared check of the fields together (same function as the API's).
  if (
    values.consentGiven === 'yes' &&
    !errors['consent.date'] &&
    !errors['consent.givenBy'] &&
    ageBand &&
    consentProblems(
      {
        given: true,
        date: values.consentDate,
        givenBy: values.consentGivenBy as 'person' | 'parent-guardian',
      },
      ageBand,
      options.today,
    ).length > 0
  )
    errors['consent'] = t('handoffs.form.consentInconsistent');
  return errors;
}

/**
 * The API's `invalidParams` by field, translated where the code is known (identifying data names the kind
 * found). Fields the form does not show keep their own name, so the error summary still lists them.
 */
export function serverErrors(
  t: TFunction,
  labels: HandoffLabels,
  invalidParams: readonly { name: string; code: string; reason: string }[] | undefined,
  receiverKind: ReceiverKind = 'organisation',
): HandoffFieldErrors {
  const errors: HandoffFieldErrors = {};
  for (const param of invalidParams ?? []) {
    const name =
      param.name === 'receiver' || param.name === 'receiver.inbox'
        ? receiverKind === 'inbox'
          ? 'receiver.inbox.functionType'
          : 'receiver.organisationId'
        : param.name;
    let message = param.reason;
    if (param.code === 'function_inbox_unheld') message = t('handoffs.form.inboxUnheldServer');
    else if (param.code === 'own_organisation') message = t('handoffs.form.ownOrganisation');
    else if (param.code.startsWith('identifying_data.'))
      message = t('handoffs.form.identifyingData', {
        what: labels.identifyingData(param.code.slice('identifying_data.'.length)),
      });
    errors[name] = errors[name] ? `${errors[name]} ${message}` : message;
  }
  return errors;
}
