/**
 * The directory's vocabularies (issue 3, DOMAIN.md §2–§4). Codes are stable English-free slugs as used in the
 * field; labels are the Dutch terms the UI shows.
 */
export const OrganisationType = {
  gemeente: 'gemeente',
  politie: 'politie',
  kmar: 'kmar',
  nla: 'nla',
  om: 'om',
  ind: 'ind',
  riec: 'riec',
  zorgEnVeiligheidshuis: 'zorg-en-veiligheidshuis',
  comensha: 'comensha',
  zorgcoordinatie: 'zorgcoordinatie',
  cosm: 'cosm',
  opvang: 'opvang',
  jeugdzorg: 'jeugdzorg',
  veiligThuis: 'veilig-thuis',
  nidos: 'nidos',
  coa: 'coa',
  fairwork: 'fairwork',
  slachtofferhulp: 'slachtofferhulp',
  emm: 'emm',
  ngo: 'ngo',
} as const;
export type OrganisationType = (typeof OrganisationType)[keyof typeof OrganisationType];
export const ORGANISATION_TYPES = Object.values(OrganisationType);

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  gemeente: 'Gemeente',
  politie: 'Politie',
  kmar: 'Koninklijke Marechaussee',
  nla: 'Nederlandse Arbeidsinspectie',
  om: 'Openbaar Ministerie',
  ind: 'IND',
  riec: 'RIEC/LIEC',
  'zorg-en-veiligheidshuis': 'Zorg- en Veiligheidshuis',
  comensha: 'CoMensha',
  zorgcoordinatie: 'Zorgcoördinatie-aanbieder',
  cosm: 'COSM',
  opvang: 'Vrouwen-/maatschappelijke opvang',
  jeugdzorg: 'Jeugdzorg',
  'veilig-thuis': 'Veilig Thuis',
  nidos: 'Nidos',
  coa: 'COA',
  fairwork: 'FairWork',
  slachtofferhulp: 'Slachtofferhulp Nederland',
  emm: 'Expertisecentrum Mensenhandel en Mensensmokkel',
  ngo: 'Andere maatschappelijke organisatie',
};

export const ExploitationForm = {
  seksueel: 'seksuele-uitbuiting',
  arbeid: 'arbeidsuitbuiting',
  crimineel: 'criminele-uitbuiting',
  orgaanverwijdering: 'gedwongen-orgaanverwijdering',
} as const;
export type ExploitationForm = (typeof ExploitationForm)[keyof typeof ExploitationForm];
export const EXPLOITATION_FORMS = Object.values(ExploitationForm);

export const TargetGroup = {
  nlAdult: 'nl-adult',
  euAdult: 'eu-adult',
  nonEuAdult: 'non-eu-adult',
  minor: 'minor',
  amv: 'amv',
} as const;
export type TargetGroup = (typeof TargetGroup)[keyof typeof TargetGroup];
export const TARGET_GROUPS = Object.values(TargetGroup);

export const FunctionType = {
  ketenregisseur: 'ketenregisseur',
  zorgcoordinator: 'zorgcoordinator',
  aandachtsfunctionaris: 'aandachtsfunctionaris',
  riecContact: 'riec-contact',
  zvhProcesregisseur: 'zvh-procesregisseur',
  comenshaConsulent: 'comensha-consulent',
} as const;
export type FunctionType = (typeof FunctionType)[keyof typeof FunctionType];
export const FUNCTION_TYPES = Object.values(FunctionType);

export const FUNCTION_TYPE_LABELS: Record<FunctionType, string> = {
  ketenregisseur: 'Ketenregisseur',
  zorgcoordinator: 'Zorgcoördinator',
  aandachtsfunctionaris: 'Aandachtsfunctionaris',
  'riec-contact': 'RIEC-contactpersoon',
  'zvh-procesregisseur': 'ZVH-procesregisseur',
  'comensha-consulent': 'CoMensha-consulent',
};

/** The kinds of directory entry; search results and history carry one. */
export const DirectoryKind = {
  organisation: 'organisation',
  person: 'person',
  function: 'function',
} as const;
export type DirectoryKind = (typeof DirectoryKind)[keyof typeof DirectoryKind];

/** A function in a region or gemeente is held by someone, only by CoMensha "op afstand", or vacant. */
export const CoverageStatus = {
  filled: 'filled',
  opAfstand: 'op-afstand',
  vacant: 'vacant',
} as const;
export type CoverageStatus = (typeof CoverageStatus)[keyof typeof CoverageStatus];

/** Default months after which an entry that nobody verified counts as stale (overridable by configuration). */
export const DEFAULT_DIRECTORY_STALE_MONTHS = 12;
