/**
 * Monitoring of the 2026 goals (issue 7, DOMAIN.md §1): the VNG Kader status per gemeente, coverage of the
 * network of ketenregisseurs and zorgcoördinatoren, and hand-off figures. Framework-free: the API computes with
 * these rules, the web shows the same labels.
 */
export const KADER_SOURCE = 'VNG Kader voor de aanpak van mensenhandel door gemeenten (2021)';

export const KaderTheme = {
  beleidsmatigeBasis: 'beleidsmatige-basis',
  signalerendVermogen: 'signalerend-vermogen',
  bewustwording: 'bewustwording',
  samenwerking: 'samenwerking-keten-regio',
  opvangEnHulpverlening: 'opvang-en-hulpverlening',
} as const;
export type KaderTheme = (typeof KaderTheme)[keyof typeof KaderTheme];
export const KADER_THEMES = Object.values(KaderTheme);

export const KADER_THEME_LABELS: Record<KaderTheme, string> = {
  'beleidsmatige-basis': 'Beleidsmatige basis',
  'signalerend-vermogen': 'Signalerend vermogen',
  bewustwording: 'Bewustwording',
  'samenwerking-keten-regio': 'Samenwerking in keten en regio',
  'opvang-en-hulpverlening': 'Opvang en hulpverlening',
};

export const KaderLevel = { basis: 'basis', verdieping: 'verdieping' } as const;
export type KaderLevel = (typeof KaderLevel)[keyof typeof KaderLevel];
export const KADER_LEVELS = Object.values(KaderLevel);

export const KaderStatus = {
  voldoet: 'voldoet',
  deels: 'deels',
  voldoetNiet: 'voldoet-niet',
  onbekend: 'onbekend',
} as const;
export type KaderStatus = (typeof KaderStatus)[keyof typeof KaderStatus];
export const KADER_STATUSES = Object.values(KaderStatus);

export const KADER_STATUS_LABELS: Record<KaderStatus, string> = {
  voldoet: 'Voldoet',
  deels: 'Voldoet deels',
  'voldoet-niet': 'Voldoet niet',
  onbekend: 'Onbekend',
};

/**
 * Worst first. "Voldoet niet" and "deels" are known shortfalls and so outrank "onbekend"; a theme is
 * `voldoet` only when every criterion in it is.
 */
const SEVERITY: readonly KaderStatus[] = ['voldoet-niet', 'deels', 'onbekend', 'voldoet'];

/** The worst status of a theme; a theme without criteria or assessments is `onbekend`. */
export function worstKaderStatus(statuses: readonly KaderStatus[]): KaderStatus {
  if (statuses.length === 0) return KaderStatus.onbekend;
  return SEVERITY.find((status) => statuses.includes(status)) ?? KaderStatus.onbekend;
}

/** Whether a gemeente meets the basis level: yes, no (a known shortfall), or unknown (not all assessed). */
export const BasisVerdict = { yes: 'yes', no: 'no', unknown: 'unknown' } as const;
export type BasisVerdict = (typeof BasisVerdict)[keyof typeof BasisVerdict];

/** A gemeente meets the basis level when every basis criterion is `voldoet`. */
export function basisVerdict(basisStatuses: readonly KaderStatus[]): BasisVerdict {
  if (basisStatuses.length === 0) return BasisVerdict.unknown;
  if (basisStatuses.every((status) => status === KaderStatus.voldoet)) return BasisVerdict.yes;
  if (basisStatuses.some((status) => status === KaderStatus.voldoetNiet || status === KaderStatus.deels))
    return BasisVerdict.no;
  return BasisVerdict.unknown;
}

/** A half-year period as VNG reports it: `2025-H1`, `2025-H2`. */
export const KADER_PERIOD_PATTERN = /^(20\d{2})-H([12])$/;

/** First and last day of a period (`2025-H1` → 2025-01-01 … 2025-06-30). */
export function kaderPeriodBounds(period: string): { start: string; end: string } {
  const match = KADER_PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  const [, year, half] = match;
  return half === '1'
    ? { start: `${year}-01-01`, end: `${year}-06-30` }
    : { start: `${year}-07-01`, end: `${year}-12-31` };
}

/** The period a date (YYYY-MM-DD) falls in. */
export function kaderPeriodOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-H${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** Default minimum hours per week for an aandachtsfunctionaris ("enough time"; configurable, KADER_MIN_AF_HOURS). */
export const DEFAULT_KADER_MIN_AF_HOURS = 4;

/** Region types the coverage of the network is reported on. */
export const COVERAGE_REGION_TYPES = ['veiligheidsregio', 'ketenregie', 'zorgcoordinatie'] as const;
export type CoverageRegionType = (typeof COVERAGE_REGION_TYPES)[number];

/**
 * Small-count suppression: a figure below this threshold is shown as `SUPPRESSED` to anyone who may not see
 * single hand-offs, so no person can be singled out (issue 7).
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED = '<5' as const;
export type Suppressed = typeof SUPPRESSED;
/** A count, or `<5` when it is suppressed. */
export type Figure = number | Suppressed;

/** Periods from `from` to `to` inclusive, in order (`2024-H2`, `2025-H1` → both). Empty when `from` is after `to`. */
export function kaderPeriodsBetween(from: string, to: string): string[] {
  const index = (period: string) => {
    const match = KADER_PERIOD_PATTERN.exec(period);
    if (!match) throw new Error(`not a period: ${period}`);
    return Number(match[1]) * 2 + Number(match[2]) - 1;
  };
  const periods: string[] = [];
  for (let i = index(from); i <= index(to); i++) periods.push(`${Math.floor(i / 2)}-H${(i % 2) + 1}`);
  return periods;
}

/** The trend shows at most this many half-years (ten years). */
export const KADER_TREND_MAX_PERIODS = 20;

/**
 * The two reports VNG owes (issue 7 §5): the interim report over a half-year (`2025-H1`) and the yearly overview
 * over a year (`2026`), which takes per gemeente the latest half-year with a recorded assessment.
 */
export const KaderReportKind = {
  tussenrapportage: 'tussenrapportage',
  jaaroverzicht: 'jaaroverzicht',
} as const;
export type KaderReportKind = (typeof KaderReportKind)[keyof typeof KaderReportKind];
export const KADER_REPORT_KINDS = Object.values(KaderReportKind);

export const KADER_REPORT_KIND_LABELS: Record<KaderReportKind, string> = {
  tussenrapportage: 'Tussenrapportage',
  jaaroverzicht: 'Jaaroverzicht',
};

/** The period of a yearly overview: a year such as `2026`. */
export const KADER_YEAR_PATTERN = /^(20\d{2})$/;

/** The tables a report offers as CSV: one row per gemeente, or one row per region (coverage of the network). */
export const KADER_REPORT_TABLES = ['gemeenten', 'regios'] as const;
export type KaderReportTable = (typeof KADER_REPORT_TABLES)[number];
