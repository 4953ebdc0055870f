/**
 * Detector of identifying data in free text (issue 6 §2). Hand-offs record that a case was referred, never who
 * the person is (DOMAIN.md §5), so notes, references and remarks are refused when they hold a BSN, a date (a
 * date of birth is the usual one), a phone number, an e-mail address, a postcode with house number or an IBAN.
 * Pure and shared: the API refuses, the web can warn while typing. A finding never carries the value itself.
 */
export const IdentifyingDataKind = {
  bsn: 'bsn',
  date: 'date',
  phone: 'phone',
  email: 'email',
  postcodeHouseNumber: 'postcode-house-number',
  iban: 'iban',
} as const;
export type IdentifyingDataKind = (typeof IdentifyingDataKind)[keyof typeof IdentifyingDataKind];
export const IDENTIFYING_DATA_KINDS = Object.values(IdentifyingDataKind);

/** What was found, in words the user understands (English for the API; the web translates the kind). */
export const IDENTIFYING_DATA_DESCRIPTIONS: Record<IdentifyingDataKind, string> = {
  bsn: 'a burgerservicenummer (a 9-digit number that passes the 11-test)',
  date: 'a calendar date (such as a date of birth)',
  phone: 'a Dutch phone number',
  email: 'an e-mail address',
  'postcode-house-number': 'a postcode with a house number (an address)',
  iban: 'a bank account number (IBAN)',
};

export const IDENTIFYING_DATA_REASON =
  'Ketenkaart records that a hand-off happened, never who the person is: names, BSN, addresses, dates of birth ' +
  'and contact details of victims or suspects stay in your own case system. Use the pseudonymous case reference, ' +
  'the age band and the consent date fields instead.';

export interface IdentifyingDataFinding {
  kind: IdentifyingDataKind;
  description: string;
  /** Zero-based offset of the match, so a form can point at it without the API echoing the value. */
  offset: number;
}

/** Elfproef of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros). */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 8; index += 1) sum += Number(digits[index]) * (9 - index);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, the result mod 97 is 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

const validDayMonth = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
const plausibleYear = (year: number) => year >= 1900 && year <= 2100;

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'january|february|march|may|june|july|august|october|' +
  'jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec';

interface Detector {
  kind: IdentifyingDataKind;
  pattern: RegExp;
  /** Extra check on the match (checksums, ranges); a failing match is a near-miss and allowed. */
  accept?: (match: RegExpExecArray) => boolean;
}

const DETECTORS: readonly Detector[] = [
  {
    kind: 'bsn',
    // 9 digits, optionally grouped 4-2-3 or 3-3-3 with dots or spaces, not part of a longer number.
    pattern: /(?<![\d])(\d{9}|\d{4}[. ]\d{2}[. ]\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?![\d])/g,
    accept: (match) => passesElevenTest(match[1].replace(/[. ]/g, '')),
  },
  {
    kind: 'date',
    // dd-mm-yyyy, d/m/yyyy, dd.mm.yyyy
    pattern: /(?<![\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])/g,
    accept: (match) => validDayMonth(Number(match[1]), Number(match[2])) && plausibleYear(Number(match[3])),
  },
  {
    kind: 'date',
    // yyyy-mm-dd (ISO), also with slashes
    pattern: /(?<![\d])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/g,
    accept: (match) => validDayMonth(Number(match[3]), Number(match[2])) && plausibleYear(Number(match[1])),
  },
  {
    kind: 'date',
    // "12 maart 2001", "3 mrt. 1999", "1 January 2000"
    pattern: new RegExp(`(?<![\\d])(\\d{1,2})\\s+(?:${MONTHS})\\.?\\s+(\\d{4})(?![\\d])`, 'gi'),
    accept: (match) => Number(match[1]) >= 1 && Number(match[1]) <= 31 && plausibleYear(Number(match[2])),
  },
  {
    kind: 'phone',
    // +31 6 12345678, 0031-20-1234567, +31 (0)6 1234 5678
    pattern: /(?<![\dA-Za-z+])(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}(?![\d])/g,
  },
  {
    kind: 'phone',
    // 0612345678, 06-12345678, 06 12 34 56 78, 020-1234567, 0546 123456 (10 digits starting with 0)
    pattern: /(?<![\dA-Za-z+])0[1-9](?:[\s-]?\d){8}(?![\d])/g,
  },
  {
    kind: 'email',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  {
    kind: 'postcode-house-number',
    // 1234 AB 12, 1234AB, 12a; letters in capitals when spaced, to spare ordinary words ("2026 en 12").
    pattern: /(?<![\dA-Za-z])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![A-Za-z])[ ,]*\d{1,5}(?![\d])/g,
  },
  {
    kind: 'postcode-house-number',
    // Dorpsstraat 12, 1234 AB (house number before the postcode)
    pattern: /(?<![\d])\d{1,5}[a-zA-Z]?, ?[1-9]\d{3} ?[A-Z]{2}(?![A-Za-z])/g,
  },
  {
    kind: 'iban',
    pattern:
      /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g,
    accept: (match) => isValidIban(match[0]),
  },
];

/** All kinds of identifying data in `text`, one finding per kind (first occurrence), in a stable order. */
export function findIdentifyingData(text: string): IdentifyingDataFinding[] {
  const found = new Map<IdentifyingDataKind, IdentifyingDataFinding>();
  for (const detector of DETECTORS) {
    if (found.has(detector.kind)) continue;
    detector.pattern.lastIndex = 0;
    for (let match = detector.pattern.exec(text); match; match = detector.pattern.exec(text)) {
      if (detector.accept && !detector.accept(match)) continue;
      found.set(detector.kind, {
        kind: detector.kind,
        description: IDENTIFYING_DATA_DESCRIPTIONS[detector.kind],
        offset: match.index,
      });
      break;
    }
  }
  return IDENTIFYING_DATA_KINDS.flatMap((kind) => (found.has(kind) ? [found.get(kind)!] : []));
}
