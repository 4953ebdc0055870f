import { DataSource, EntityManager } from 'typeorm';

/**
 * Settings of a search transaction, local to it (`is_local`), the same on PGlite and the server:
 * - search matches "typo-tolerant" with `kk_fold(q) <% name`, which is `word_similarity(…) >= threshold` but,
 *   unlike the function call, can use the trigram GIN indexes; pg_trgm reads the threshold from a setting
 *   (default 0.6), and search wants 0.5;
 * - no sequential scans: the matching rows are always found through the GIN indexes (BitmapOr). The planner's
 *   guess for `<%`/LIKE is several thousand rows, so it otherwise scans all organisations, 3–4× slower at 10× data.
 */
export const SEARCH_SETTINGS_SQL = `SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true), set_config('enable_seqscan', 'off', true)`;

/** Runs `work` in a transaction with the search settings (above): there `<%` means word_similarity >= 0.5. */
export function withSearchThreshold<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(SEARCH_SETTINGS_SQL);
    return work(manager);
  });
}

/** At most this many words of a query must each match; further words still count in the relevance score. */
export const MAX_SEARCH_WORDS = 6;

/**
 * The words of a search text that must each match: split on white space, LIKE's wildcards and escape character
 * removed (they carry no meaning in names), duplicates and empty words dropped, the first MAX_SEARCH_WORDS kept.
 */
export function searchWords(text: string): string[] {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/[\\%_]/g, ''))
    .filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/**
 * Every word (one placeholder each) matches `column`, as a substring or typo-tolerant (`<%`: word_similarity ≥ 0.5
 * inside withSearchThreshold()). Each arm is served by the column's trigram GIN index: a BitmapAnd of BitmapOrs.
 * "aandachtsfunctionaris zwolle" thus finds Zwolle's aandachtsfunctionaris, not every aandachtsfunctionaris whose
 * label alone comes close to the whole query. Without words: FALSE (the caller's other arms decide).
 */
export function everyWordMatches(column: string, wordParams: readonly string[]): string {
  if (wordParams.length === 0) return 'FALSE';
  return `(${wordParams
    .map((word) => `(${column} LIKE '%' || kk_fold(${word}) || '%' OR kk_fold(${word}) <% ${column})`)
    .join(' AND ')})`;
}
