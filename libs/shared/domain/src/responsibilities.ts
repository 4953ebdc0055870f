/**
 * The wie-doet-wat matrix (issue 5, DOMAIN.md §4): tasks × organisation types, per exploitation form and target
 * group where it differs. Codes are stable slugs; the labels are the Dutch terms the UI and the CSV show.
 */
export const ResponsibilityTask = {
  preventie: 'preventie',
  signalering: 'signalering',
  melding: 'melding',
  registratie: 'registratie',
  opvang: 'opvang',
  zorgcoordinatie: 'zorgcoordinatie',
  hulpverlening: 'hulpverlening',
  verblijfsrecht: 'verblijfsrecht',
  opsporing: 'opsporing',
  vervolging: 'vervolging',
  bestuurlijkeAanpak: 'bestuurlijke-aanpak',
  ketenregie: 'ketenregie',
} as const;
export type ResponsibilityTask = (typeof ResponsibilityTask)[keyof typeof ResponsibilityTask];
export const RESPONSIBILITY_TASKS = Object.values(ResponsibilityTask);

export const RESPONSIBILITY_TASK_LABELS: Record<ResponsibilityTask, string> = {
  preventie: 'Preventie en bewustwording',
  signalering: 'Signalering',
  melding: 'Melding en aangifte',
  registratie: 'Registratie (aanmelding)',
  opvang: 'Opvang',
  zorgcoordinatie: 'Zorgcoördinatie',
  hulpverlening: 'Hulpverlening',
  verblijfsrecht: 'Verblijfsrecht',
  opsporing: 'Opsporing',
  vervolging: 'Vervolging',
  'bestuurlijke-aanpak': 'Bestuurlijke aanpak',
  ketenregie: 'Ketenregie',
};

/** L · C · R · — of DOMAIN.md §4. "Not responsible" is stated on purpose: it saves the caller a wrong call. */
export const ResponsibilityLevel = {
  lead: 'lead',
  contributes: 'contributes',
  refersOn: 'refers-on',
  notResponsible: 'not-responsible',
} as const;
export type ResponsibilityLevel = (typeof ResponsibilityLevel)[keyof typeof ResponsibilityLevel];
export const RESPONSIBILITY_LEVELS = Object.values(ResponsibilityLevel);

export const RESPONSIBILITY_LEVEL_LABELS: Record<ResponsibilityLevel, string> = {
  lead: 'Verantwoordelijk (L)',
  contributes: 'Draagt bij (C)',
  'refers-on': 'Verwijst door (R)',
  'not-responsible': 'Niet verantwoordelijk (—)',
};

/** A regional agreement is proposed, then approved (by the region's ketenregisseur or a beheerder) or rejected. */
export const OverrideStatus = {
  proposed: 'proposed',
  approved: 'approved',
  rejected: 'rejected',
} as const;
export type OverrideStatus = (typeof OverrideStatus)[keyof typeof OverrideStatus];
export const OVERRIDE_STATUSES = Object.values(OverrideStatus);

/** Region types that can hold regional agreements on the matrix. */
export const MATRIX_REGION_TYPES: readonly string[] = ['ketenregie', 'veiligheidsregio'];

/** What a caller of "Wie moet ik bellen?" needs. */
export const LookupNeed = {
  opvang: 'opvang',
  aangifte: 'aangifte',
  verblijf: 'verblijf',
  zorgcoordinatie: 'zorgcoordinatie',
  bestuurlijkeInterventie: 'bestuurlijke-interventie',
  advies: 'advies',
} as const;
export type LookupNeed = (typeof LookupNeed)[keyof typeof LookupNeed];
export const LOOKUP_NEEDS = Object.values(LookupNeed);

/**
 * Which matrix tasks answer a need. Data, not logic: change it here and the lookup follows.
 * "Advies" goes to whoever leads signalering and registratie: the aandachtsfunctionaris and CoMensha's
 * helpdesk advise on signals and on the aanmelding.
 */
export const NEED_TASKS: Record<LookupNeed, readonly ResponsibilityTask[]> = {
  opvang: [ResponsibilityTask.opvang],
  aangifte: [ResponsibilityTask.melding, ResponsibilityTask.opsporing],
  verblijf: [ResponsibilityTask.verblijfsrecht],
  zorgcoordinatie: [ResponsibilityTask.zorgcoordinatie],
  'bestuurlijke-interventie': [ResponsibilityTask.bestuurlijkeAanpak],
  advies: [ResponsibilityTask.signalering, ResponsibilityTask.registratie],
};

/** What the region check reports: no lead, more than one lead, or a lead organisation nobody can be reached at. */
export const ResponsibilityGapKind = {
  noLead: 'no-lead',
  multipleLeads: 'multiple-leads',
  leadWithoutContact: 'lead-without-contact',
} as const;
export type ResponsibilityGapKind = (typeof ResponsibilityGapKind)[keyof typeof ResponsibilityGapKind];
export const RESPONSIBILITY_GAP_KINDS = Object.values(ResponsibilityGapKind);

/** Where an effective cell comes from. */
export const CellOrigin = {
  nationalDefault: 'national-default',
  regionalAgreement: 'regional-agreement',
} as const;
export type CellOrigin = (typeof CellOrigin)[keyof typeof CellOrigin];
