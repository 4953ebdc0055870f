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
