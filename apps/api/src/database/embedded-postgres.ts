import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { mkdirSync } from 'node:fs';

export const MEMORY_DATA_DIR = 'memory://';

/**
 * Opens the embedded PostgreSQL (PGlite). It runs in this process and serves one session at a time, so the
 * pool in front of it must have exactly one client: every transaction is then serialized instead of sharing
 * a session with concurrent requests (see ../shared/NOTES.md). `relaxedDurability` avoided the hang under
 * concurrent load that default durability showed with a data dir on disk; writes still survived `kill -9`.
 */
export async function openEmbeddedPostgres(dataDir: string): Promise<PGlite> {
  if (dataDir !== MEMORY_DATA_DIR) mkdirSync(dataDir, { recursive: true });
  // The contrib modules ship typings for their ESM build only, hence dynamic imports.
  const [{ pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  // PGlite.create, not the constructor: only create() loads the extension bundles.
  return PGlite.create({
    ...(dataDir === MEMORY_DATA_DIR ? {} : { dataDir }),
    relaxedDurability: true,
    extensions: { pg_trgm, unaccent },
  });
}

/** node-postgres options that route the pool's single client to the PGlite instance. */
export function embeddedPoolOptions(pglite: PGlite): Record<string, unknown> {
  const pgConfig = createPgConfig(pglite);
  return { connection: pgConfig.connection, max: 1 };
}
