/**
 * Folds text for search: lower case, diacritics removed ("Súdwest-Fryslân" → "sudwest-fryslan").
 * The database applies the same folding (unaccent + lower) so the UI and API agree on matches.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
