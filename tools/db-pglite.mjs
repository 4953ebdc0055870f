// Opens an embedded Ketenkaart database (a PGlite data dir) the way the API does, for the backup tools.
import { mkdirSync } from 'node:fs';

/** `loadDataDir`: a tarball made by dumpDataDir() to start a fresh data dir from. */
export async function openPglite(dataDir, loadDataDir) {
  mkdirSync(dataDir, { recursive: true });
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  return PGlite.create({
    dataDir,
    extensions: { pg_trgm, unaccent },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}
