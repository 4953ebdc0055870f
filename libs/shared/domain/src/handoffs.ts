import { FunctionType, OrganisationType } from './directory';

/**
 * Hand-offs (issue 6, DOMAIN.md §5): Ketenkaart records THAT a case was handed to another organisation and how
 * it goes, never who the victim is. Framework-free: the API enforces this table, the web shows the same moves.
 */
export const HandoffState = {
  concept: 'concept',
  verstuurd: 'verstuurd',
  geaccepteerd: 'geaccepteerd',
  afgewezen: 'afgewezen',
  inBehandeling: 'in-behandeling',
  afgerond: 'afgerond',
  ingetrokken: 'ingetrokken',
  doorgestuurd: 'doorgestuurd',
} as const;
export type HandoffState = (typeof HandoffState)[keyof typeof HandoffState];
export const HANDOFF_STATES = Object.values(HandoffState);

export const HANDOFF_STATE_LABELS: Record<HandoffState, string> = {
  concept: 'Concept',
  verstuurd: 'Verstuurd',
  geaccepteerd: 'Geaccepteerd',
  afgewezen: 'Afgewezen',
  'in-behandeling': 'In behandeling',
  afgerond: 'Afgerond',
  ingetrokken: 'Ingetrokken',
  doorgestuurd: 'Doorgestuurd',
};

/** No move leaves these states; a declined hand-off is followed up by a new one to the suggested alternative. */
export const TERMINAL_HANDOFF_STATES: readonly HandoffState[] = [
  HandoffState.afgewezen,
  HandoffState.afgerond,
  HandoffState.ingetrokken,
  HandoffState.doorgestuurd,
];

export const HandoffTransition = {
  send: 'send',
  withdraw: 'withdraw',
  accept: 'accept',
  decline: 'decline',
  start: 'start',
  complete: 'complete',
  forward: 'forward',
} as const;
export type HandoffTransition = (typeof HandoffTransition)[keyof typeof HandoffTransition];
export const HANDOFF_TRANSITIONS = Object.values(HandoffTransition);

/** The side of a hand-off a caller is on, by their organisation. */
export const HandoffParty = { sender: 'sender', receiver: 'receiver' } as const;
export type HandoffParty = (typeof HandoffParty)[keyof typeof HandoffParty];
export const HANDOFF_PARTIES = Object.values(HandoffParty);

export type HandoffTransitionInput = 'reason' | 'alternativeOrganisationId' | 'forwardTo';

export interface HandoffTransitionRule {
  transition: HandoffTransition;
  from: readonly HandoffState[];
  to: HandoffState;
  party: HandoffParty;
  /** Inputs the move cannot do without. */
  requires: readonly HandoffTransitionInput[];
  label: string;
}

/** THE transition table. One row per move; nothing else moves a hand-off. */
export const HANDOFF_TRANSITION_TABLE: readonly HandoffTransitionRule[] = [
  {
    transition: 'send',
    from: ['concept'],
    to: 'verstuurd',
    party: 'sender',
    requires: [],
    label: 'Versturen',
  },
  {
    // The sender withdraws before acceptance (a concept that is no longer needed, or a sent one).
    transition: 'withdraw',
    from: ['concept', 'verstuurd'],
    to: 'ingetrokken',
    party: 'sender',
    requires: [],
    label: 'Intrekken',
  },
  {
    transition: 'accept',
    from: ['verstuurd'],
    to: 'geaccepteerd',
    party: 'receiver',
    requires: [],
    label: 'Accepteren',
  },
  {
    // DOMAIN.md §5: the receiver declines with a coded reason and a suggested alternative organisation.
    transition: 'decline',
    from: ['verstuurd'],
    to: 'afgewezen',
    party: 'receiver',
    requires: ['reason', 'alternativeOrganisationId'],
    label: 'Afwijzen',
  },
  {
    transition: 'start',
    from: ['geaccepteerd'],
    to: 'in-behandeling',
    party: 'receiver',
    requires: [],
    label: 'In behandeling nemen',
  },
  {
    transition: 'complete',
    from: ['in-behandeling'],
    to: 'afgerond',
    party: 'receiver',
    requires: [],
    label: 'Afronden',
  },
  {
    // Creates a new hand-off from the receiver to `forwardTo`, linked to this one.
    transition: 'forward',
    from: ['verstuurd', 'geaccepteerd'],
    to: 'doorgestuurd',
    party: 'receiver',
    requires: ['forwardTo'],
    label: 'Doorsturen',
  },
];

/** Why a receiver declines (coded, so that figures can count them; a short remark may add context). */
export const DeclineReason = {
  notResponsible: 'niet-verantwoordelijk',
  outsideArea: 'buiten-werkgebied',
  noCapacity: 'geen-capaciteit',
  targetGroupMismatch: 'doelgroep-past-niet',
  insufficientInformation: 'onvoldoende-informatie',
  noConsent: 'geen-toestemming',
  other: 'anders',
} as const;
export type DeclineReason = (typeof DeclineReason)[keyof typeof DeclineReason];
export const DECLINE_REASONS = Object.values(DeclineReason);
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  'niet-verantwoordelijk': 'Niet onze taak (zie wie-doet-wat)',
  'buiten-werkgebied': 'Buiten ons werkgebied',
  'geen-capaciteit': 'Geen capaciteit of plaats',
  'doelgroep-past-niet': 'Doelgroep past niet bij ons aanbod',
  'onvoldoende-informatie': 'Onvoldoende informatie om te beoordelen',
  'geen-toestemming': 'Toestemming of grondslag ontbreekt',
  anders: 'Anders (toelichting in de opmerking)',
};

/** Why a sender withdraws (optional). */
export const WithdrawReason = {
  wrongReceiver: 'verkeerde-ontvanger',
  noLongerNeeded: 'niet-meer-nodig',
  duplicate: 'dubbel',
  consentWithdrawn: 'toestemming-ingetrokken',
  other: 'anders',
} as const;
export type WithdrawReason = (typeof WithdrawReason)[keyof typeof WithdrawReason];
export const WITHDRAW_REASONS = Object.values(WithdrawReason);

/** The reason codes a transition accepts; transitions not listed take no reason. */
export const HANDOFF_REASONS: Partial<Record<HandoffTransition, readonly string[]>> = {
  decline: DECLINE_REASONS,
  withdraw: WITHDRAW_REASONS,
};

export function isTerminal(state: HandoffState): boolean {
  return TERMINAL_HANDOFF_STATES.includes(state);
}

/** The moves `party` may make from `state`, in table order. */
export function allowedTransitions(state: HandoffState, party: HandoffParty): HandoffTransition[] {
  return HANDOFF_TRANSITION_TABLE.filter((rule) => rule.party === party && rule.from.includes(state)).map(
    (rule) => rule.transition,
  );
}

export function transitionRule(transition: HandoffTransition): HandoffTransitionRule {
  const rule = HANDOFF_TRANSITION_TABLE.find((candidate) => candidate.transition === transition);
  if (!rule) throw new Error(`unknown hand-off transition '${transition}'`);
  return rule;
}

export interface HandoffTransitionRequest {
  transition: HandoffTransition;
  party: HandoffParty;
  reason?: string | null;
  alternativeOrganisationId?: string | null;
  forwardTo?: unknown;
}

export type HandoffTransitionRefusal =
  | { code: 'unknown_transition' }
  | { code: 'terminal_state'; state: HandoffState }
  | { code: 'not_allowed_from_state'; state: HandoffState }
  | { code: 'wrong_party'; party: HandoffParty; requiredParty: HandoffParty }
  | { code: 'missing_input'; input: HandoffTransitionInput }
  | { code: 'unknown_reason'; allowed: readonly string[] }
  | { code: 'unexpected_input'; input: HandoffTransitionInput };

export type HandoffTransitionResult =
  { ok: true; from: HandoffState; to: HandoffState } | { ok: false; refusal: HandoffTransitionRefusal };

/** Checks one move against the table; pure, so the API, the web and the property tests share it. */
export function applyTransition(
  state: HandoffState,
  request: HandoffTransitionRequest,
): HandoffTransitionResult {
  const rule = HANDOFF_TRANSITION_TABLE.find((candidate) => candidate.transition === request.transition);
  const refuse = (refusal: HandoffTransitionRefusal): HandoffTransitionResult => ({ ok: false, refusal });
  if (!rule) return refuse({ code: 'unknown_transition' });
  if (isTerminal(state)) return refuse({ code: 'terminal_state', state });
  if (!rule.from.includes(state)) return refuse({ code: 'not_allowed_from_state', state });
  if (rule.party !== request.party)
    return refuse({ code: 'wrong_party', party: request.party, requiredParty: rule.party });
  const given: Record<HandoffTransitionInput, boolean> = {
    reason: request.reason !== undefined && request.reason !== null && request.reason !== '',
    alternativeOrganisationId: !!request.alternativeOrganisationId,
    forwardTo: request.forwardTo !== undefined && request.forwardTo !== null,
  };
  for (const input of rule.requires) if (!given[input]) return refuse({ code: 'missing_input', input });
  const reasons = HANDOFF_REASONS[rule.transition];
  if (given.reason) {
    if (!reasons) return refuse({ code: 'unexpected_input', input: 'reason' });
    if (!reasons.includes(request.reason as string))
      return refuse({ code: 'unknown_reason', allowed: reasons });
  }
  for (const input of ['alternativeOrganisationId', 'forwardTo'] as const) {
    if (given[input] && !rule.requires.includes(input)) return refuse({ code: 'unexpected_input', input });
  }
  return { ok: true, from: state, to: rule.to };
}

/** Human explanation of a refusal (English, for problem+json `detail`; the web translates the code). */
export function describeRefusal(transition: string, refusal: HandoffTransitionRefusal): string {
  switch (refusal.code) {
    case 'unknown_transition':
      return `'${transition}' is not a hand-off transition.`;
    case 'terminal_state':
      return `The hand-off is ${refusal.state}; nothing can change it any more.`;
    case 'not_allowed_from_state':
      return `'${transition}' is not possible while the hand-off is ${refusal.state}.`;
    case 'wrong_party':
      return `Only the ${refusal.requiredParty === 'sender' ? 'sending' : 'receiving'} organisation may '${transition}'.`;
    case 'missing_input':
      return `'${transition}' needs '${refusal.input}'.`;
    case 'unknown_reason':
      return `The reason must be one of: ${refusal.allowed.join(', ')}.`;
    case 'unexpected_input':
      return `'${transition}' does not take '${refusal.input}'.`;
  }
}

/** Timeline kinds: every change is an event; `created` and `edited` do not change the state. */
export const HandoffEventKind = {
  created: 'created',
  edited: 'edited',
  /** The deadline passed unanswered: the ketenregisseur(s) of the regions involved were alerted (once). */
  escalated: 'escalated',
  ...HandoffTransition,
} as const;
export type HandoffEventKind = (typeof HandoffEventKind)[keyof typeof HandoffEventKind];

export interface HandoffTimelineStep {
  kind: HandoffEventKind;
  party: HandoffParty;
  fromState: HandoffState | null;
  toState: HandoffState;
}

/**
 * The state a timeline leads to, checking every step against the table (the stored state must always equal
 * this). Throws on a timeline that the table could not have produced.
 */
export function replayTimeline(steps: readonly HandoffTimelineStep[]): HandoffState {
  let state: HandoffState | null = null;
  steps.forEach((step, index) => {
    const where = `timeline step ${index + 1} (${step.kind})`;
    if (step.kind === 'created') {
      if (state !== null || step.fromState !== null) throw new Error(`${where}: created twice`);
      // A forwarded hand-off, too, is created as a concept and then sent (two steps of one transaction).
      if (step.toState !== 'concept') throw new Error(`${where}: created as ${step.toState}`);
      state = 'concept';
      return;
    }
    if (state === null) throw new Error(`${where}: before creation`);
    if (step.fromState !== state)
      throw new Error(`${where}: recorded from ${step.fromState}, replay is at ${state}`);
    if (step.kind === 'edited') {
      if (state !== 'concept' || step.toState !== 'concept')
        throw new Error(`${where}: edit outside concept`);
      return;
    }
    if (step.kind === 'escalated') {
      if (state !== 'verstuurd' || step.toState !== 'verstuurd')
        throw new Error(`${where}: escalation outside verstuurd`);
      return;
    }
    const rule = transitionRule(step.kind);
    if (rule.party !== step.party || !rule.from.includes(state) || rule.to !== step.toState)
      throw new Error(`${where}: ${state} → ${step.toState} by ${step.party} is not in the table`);
    state = rule.to;
  });
  if (state === null) throw new Error('empty timeline');
  return state;
}

/** Age bands (never a date of birth). Under 16 a parent or guardian gives consent. */
export const AgeBand = {
  under12: 'under-12',
  from12to15: '12-15',
  from16to17: '16-17',
  from18to23: '18-23',
  from24: '24-plus',
  unknown: 'unknown',
} as const;
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand];
export const AGE_BANDS = Object.values(AgeBand);
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  'under-12': 'Jonger dan 12',
  '12-15': '12–15 jaar',
  '16-17': '16–17 jaar',
  '18-23': '18–23 jaar',
  '24-plus': '24 jaar of ouder',
  unknown: 'Onbekend',
};
export const MINOR_AGE_BANDS: readonly AgeBand[] = ['under-12', '12-15', '16-17'];
export const UNDER_16_AGE_BANDS: readonly AgeBand[] = ['under-12', '12-15'];

export const ConsentGivenBy = { person: 'person', parentGuardian: 'parent-guardian' } as const;
export type ConsentGivenBy = (typeof ConsentGivenBy)[keyof typeof ConsentGivenBy];
export const CONSENT_GIVERS = Object.values(ConsentGivenBy);

/** The ground on which the hand-off is shared. */
export const LegalBasis = {
  consent: 'toestemming',
  statutoryRegistration: 'wettelijke-grondslag-aanmelding',
  riecConvenant: 'riec-convenant',
  wgs: 'wgs',
  jeugdwetMeldcode: 'meldcode-jeugdwet',
} as const;
export type LegalBasis = (typeof LegalBasis)[keyof typeof LegalBasis];
export const LEGAL_BASES = Object.values(LegalBasis);
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  toestemming: 'Schriftelijke toestemming',
  'wettelijke-grondslag-aanmelding': 'Wettelijke grondslag (aanmelding door politie, KMar of NLA)',
  'riec-convenant': 'RIEC-convenant en privacyprotocol',
  wgs: 'Wet gegevensverwerking door samenwerkingsverbanden (WGS)',
  'meldcode-jeugdwet': 'Meldcode / Jeugdwet',
};

export const HandoffPathCode = {
  comenshaAanmelding: 'comensha-aanmelding',
  cosmPlaatsing: 'cosm-plaatsing',
  voMoPlaatsing: 'vo-mo-plaatsing',
  overdrachtZorgcoordinator: 'overdracht-zorgcoordinator',
  zvhIntake: 'zvh-intake',
  riecIntake: 'riec-intake',
  politieNlaMelding: 'politie-nla-melding',
  hulpverlening: 'hulpverlening',
  regioOverdracht: 'regio-overdracht',
} as const;
export type HandoffPathCode = (typeof HandoffPathCode)[keyof typeof HandoffPathCode];
export const HANDOFF_PATH_CODES = Object.values(HandoffPathCode);

export interface HandoffPath {
  code: HandoffPathCode;
  label: string;
  /** Whether the victim's written consent is needed before sending (DOMAIN.md §5). */
  needsConsent: boolean;
  /** Sender organisation types that may send without consent on a legal basis. */
  legalBasisExemptSenderTypes: readonly OrganisationType[];
  /** Working days (Mon–Fri) the receiver has to accept or decline. Configurable data *(to verify)*. */
  responseWorkingDays: number;
  /** Organisation types that usually receive this path (a hint for the receiver picker, not a rule). */
  receiverTypes: readonly OrganisationType[];
}

/**
 * The catalogue of paths (DOMAIN.md §5). Consent and exemptions follow §5: police, KMar and NLA register at
 * CoMensha on a legal basis; every other referrer needs written consent. Deadlines are defaults *(to verify)*.
 */
export const HANDOFF_PATHS: readonly HandoffPath[] = [
  {
    code: 'comensha-aanmelding',
    label: 'Aanmelding bij CoMensha',
    needsConsent: true,
    legalBasisExemptSenderTypes: ['politie', 'kmar', 'nla'],
    responseWorkingDays: 2,
    receiverTypes: ['comensha'],
  },
  {
    code: 'cosm-plaatsing',
    label: 'Plaatsing COSM',
    needsConsent: true,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 2,
    receiverTypes: ['cosm'],
  },
  {
    code: 'vo-mo-plaatsing',
    label: 'Plaatsing vrouwen-/maatschappelijke opvang',
    needsConsent: true,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 3,
    receiverTypes: ['opvang'],
  },
  {
    code: 'overdracht-zorgcoordinator',
    label: 'Overdracht aan de regionale zorgcoördinator',
    needsConsent: true,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 5,
    receiverTypes: ['zorgcoordinatie'],
  },
  {
    code: 'zvh-intake',
    label: 'Casusintake Zorg- en Veiligheidshuis',
    needsConsent: false,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 10,
    receiverTypes: ['zorg-en-veiligheidshuis'],
  },
  {
    code: 'riec-intake',
    label: 'Casusintake RIEC (integrale casusaanpak)',
    needsConsent: false,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 10,
    receiverTypes: ['riec'],
  },
  {
    code: 'politie-nla-melding',
    label: 'Melding bij politie of Arbeidsinspectie',
    needsConsent: false,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 5,
    receiverTypes: ['politie', 'nla'],
  },
  {
    code: 'hulpverlening',
    label: 'Verwijzing naar hulpverlening',
    needsConsent: true,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 5,
    receiverTypes: ['slachtofferhulp', 'fairwork', 'jeugdzorg', 'ngo', 'ind', 'nidos', 'coa'],
  },
  {
    code: 'regio-overdracht',
    label: 'Overdracht naar een andere regio (verhuizing)',
    needsConsent: true,
    legalBasisExemptSenderTypes: [],
    responseWorkingDays: 5,
    receiverTypes: ['zorgcoordinatie', 'comensha'],
  },
];

export function handoffPath(code: HandoffPathCode): HandoffPath {
  const path = HANDOFF_PATHS.find((candidate) => candidate.code === code);
  if (!path) throw new Error(`unknown hand-off path '${code}'`);
  return path;
}

export interface HandoffConsent {
  given: boolean;
  date?: string | null;
  givenBy?: ConsentGivenBy | null;
}

/**
 * The send rule of DOMAIN.md §5: a path that needs consent is sent only with consent, unless the sender's
 * organisation type is exempt on a legal basis for that path. Returns why it may not be sent, or null.
 */
export function consentRefusal(
  path: HandoffPath,
  senderType: OrganisationType,
  consent: HandoffConsent,
): string | null {
  if (!path.needsConsent || consent.given) return null;
  if (path.legalBasisExemptSenderTypes.includes(senderType)) return null;
  return `The path '${path.code}' needs the written consent of the person (under 16: a parent or guardian) before it is sent; only ${
    path.legalBasisExemptSenderTypes.length > 0
      ? path.legalBasisExemptSenderTypes.join(', ')
      : 'no organisation type'
  } may send it on a legal basis without consent.`;
}

/** Consistency of the consent fields and the age band (checked on every save, not only on send). */
export function consentProblems(consent: HandoffConsent, ageBand: AgeBand, today: string): string[] {
  const problems: string[] = [];
  if (!consent.given) {
    if (consent.date || consent.givenBy)
      problems.push('consent.date and consent.givenBy only go with consent.given = true.');
    return problems;
  }
  if (!consent.date) problems.push('consent.date is required when consent is given.');
  else if (consent.date > today) problems.push('consent.date lies in the future.');
  if (!consent.givenBy) problems.push('consent.givenBy is required when consent is given.');
  else if (UNDER_16_AGE_BANDS.includes(ageBand) && consent.givenBy !== 'parent-guardian')
    problems.push('Under 16 a parent or guardian gives consent (consent.givenBy = parent-guardian).');
  return problems;
}

/** A receiver: an organisation, or a function inbox ("zorgcoördinatie regio X") = region + function type. */
export type HandoffReceiver =
  | { organisationId: string; regionId?: null; functionType?: null }
  | { organisationId?: null; regionId: string; functionType: FunctionType };

/** Pseudonymous case reference: KK-<year>-XXXX-XXXX, random (never derived from anyone's identity). */
export const CASE_REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CASE_REFERENCE_PATTERN = /^KK-\d{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;
/** External references such as a RIEC case number: letters, digits and separators, e.g. RIEC-2026-123. */
export const EXTERNAL_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{1,59}$/;
export const HANDOFF_NOTES_MAX_LENGTH = 1000;
export const HANDOFF_REMARK_MAX_LENGTH = 500;

/** Easter Sunday of `year` (Gregorian calendar; anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shiftDate(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Dutch public holidays of `year` as ISO dates, as the Algemene termijnenwet (art. 3) counts them: Nieuwjaarsdag,
 * Eerste en Tweede Paasdag, Koningsdag (27 April, 26 April when the 27th is a Sunday), Bevrijdingsdag (5 May, every
 * year under that law), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag. Goede Vrijdag is
 * not a public holiday under that law. Computed, so every year works (tested for 2025–2030).
 */
export function dutchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const kingsDay = new Date(`${year}-04-27T12:00:00Z`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [
    `${year}-01-01`,
    easter,
    shiftDate(easter, 1),
    kingsDay,
    `${year}-05-05`,
    shiftDate(easter, 39),
    shiftDate(easter, 49),
    shiftDate(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ].sort();
}

/** A working day: Monday to Friday and not a Dutch public holiday. */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !dutchPublicHolidays(Number(isoDate.slice(0, 4))).includes(isoDate);
}

/** ISO date `days` working days (Mon–Fri, Dutch public holidays excluded) after `isoDate`. */
export function addWorkingDays(isoDate: string, days: number): string {
  let date = isoDate;
  let left = days;
  while (left > 0) {
    date = shiftDate(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** A sent hand-off nobody answered by its deadline (the whole `respondBefore` day counts). */
export function isOverdue(state: HandoffState, respondBefore: string | null, today: string): boolean {
  return state === 'verstuurd' && respondBefore !== null && today > respondBefore;
}

/** In-app notifications about hand-offs (and the e-mails that follow them); they name only the case reference. */
export const HandoffNotificationKind = {
  /** To the receiving organisation (or the function inbox's holders): a hand-off was sent or forwarded to it. */
  received: 'handoff-received',
  /** To the sender: accepted / declined. */
  accepted: 'handoff-accepted',
  declined: 'handoff-declined',
  /** To the ketenregisseur(s) of the regions involved: the deadline passed unanswered. */
  overdue: 'handoff-overdue',
  /** To the ketenregisseurs of both regions: a case moves to another region. */
  transferred: 'handoff-transferred',
} as const;
export type HandoffNotificationKind = (typeof HandoffNotificationKind)[keyof typeof HandoffNotificationKind];
export const HANDOFF_NOTIFICATION_KINDS = Object.values(HandoffNotificationKind);
