import type { FieldChange } from '@ketenkaart/web-api-client';

/** Display text of one side of a change; objects (contact points) as their readable values. */
export function describeValue(
  value: unknown,
  words: { empty: string; yes: string; no: string },
  label: (field: string, value: string) => string,
  field: string,
): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    return value.map((item) => describeValue(item, words, label, field)).join('; ');
  }
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((part) => part !== null && part !== undefined && part !== '')
      .map(String)
      .join(', ');
  }
  return label(field, String(value));
}

/** Fields the history shows first (the ones people look for), then the rest alphabetically. */
const ORDER = ['name', 'type', 'functionType', 'personId', 'organisationId', 'regionId', 'municipalityCode'];

export function sortChanges(changes: readonly FieldChange[]): FieldChange[] {
  const rank = (field: string) => {
    const index = ORDER.indexOf(field);
    return index === -1 ? ORDER.length : index;
  };
  return [...changes].sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field));
}
