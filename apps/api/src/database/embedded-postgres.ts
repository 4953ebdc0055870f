import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { mkdirSync } from 'node:fs';

export const MEMORY_DATA_DIR = 'memory://';

/**
 * Opens the embedded PostgreSQL (PGlite). It runs in this process and serves one session at a time, so the
 * pool in front of it must have exactly one client: every transaction is then serialized instead of sharing
 * a session with concurrent requests (see ../shared/NOTES.md). `relaxedDurability` avoided the hang under
 * concurrent load that default durability showed with a data dir on disk. With a data dir on disk it changes no
 * durability in PGlite 0.5.17 (NodeFS.syncToFs is a no-op; every WAL write goes straight to the file), and
 * acknowledged writes survive `kill -9` (bench/stress-embedded.mjs checks both).
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

/**
 * node-postgres options that route the pool's single client to the PGlite instance.
 *
 * PGlite runs each protocol message synchronously and the adapter chains them with promises, so while requests
 * wait for the pool the process never got back to the event loop: new connections stayed in the accept queue
 * and their requests waited 10 s or more, and `SIGTERM` (server.close()) then reset them with ECONNRESET
 * (bench/stress-embedded.mjs). Yielding to the event loop before every message lets I/O interleave.
 */
export function embeddedPoolOptions(pglite: PGlite): Record<string, unknown> {
  const yieldingPglite: Pick<PGlite, 'waitReady' | 'execProtocolStream'> = {
    waitReady: pglite.waitReady,
    execProtocolStream: async (message, options) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return pglite.execProtocolStream(message, options);
    },
  };
  const pgConfig = createPgConfig(yieldingPglite as PGlite);
  return { connection: pgConfig.connection, max: 1 };
}
