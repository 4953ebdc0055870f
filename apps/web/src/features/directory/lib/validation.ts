import { GM_CODE_PATTERN } from '@ketenkaart/shared-domain';

/**
 * The API's input rules (apps/api/src/directory/dto), repeated here so the form can say what is wrong
 * before sending. The API stays the judge: its `invalidParams` are shown at the same fields.
 */
export const PHONE_PATTERN = /^[+0-9][0-9 ()-]{2,39}$/;
// Deliberately loose: the server's IsEmail decides; this only catches the obvious slips.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isPhone = (value: string) => PHONE_PATTERN.test(value.trim());
export const isEmail = (value: string) => EMAIL_PATTERN.test(value.trim());
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** "GM0363, gm0599 GM0014" → codes (upper-cased) and the parts that are not codes. */
export function parseGmCodes(text: string): { codes: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toUpperCase())
    .filter(Boolean);
  return {
    codes: [...new Set(parts.filter((part) => GM_CODE_PATTERN.test(part)))],
    invalid: parts.filter((part) => !GM_CODE_PATTERN.test(part)),
  };
}

/** 0–60 with at most one decimal; the comma is the Dutch decimal separator. */
export function parseHours(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^\d{1,2}(\.\d)?$/.test(trimmed)) return 'invalid';
  const hours = Number(trimmed);
  return hours >= 0 && hours <= 60 ? hours : 'invalid';
}
