/** Dates as the Dutch (or English) reader expects them; the API sends ISO 8601. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', { dateStyle: 'long' }).format(
    date,
  );
}

export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}
