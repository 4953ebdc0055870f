import { PGlite } from '@electric-sql/pglite';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { embeddedPoolOptions, openEmbeddedPostgres } from './embedded-postgres';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Locks every instance out of migrations and reference imports while one instance runs them. */
const SETUP_LOCK_KEY = 727_100_001;

export interface DatabaseHandle {
  dataSource: DataSource;
  embedded?: PGlite;
}

function baseOptions(): Pick<DataSourceOptions, 'entities' | 'migrations' | 'synchronize' | 'migrationsRun'> {
  return { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false };
}

/** One code path for both modes: the `postgres` driver, pointed at a server or at embedded PGlite. */
export async function createDataSource(config: AppConfig): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const dataSource = new DataSource({
      type: 'postgres',
      url: config.DATABASE_URL,
      ...baseOptions(),
      installExtensions: false,
      uuidExtension: 'pgcrypto',
      poolSize: config.DATABASE_POOL_SIZE,
      connectTimeoutMS: config.DATABASE_CONNECT_TIMEOUT_MS,
      applicationName: 'ketenkaart-api',
      extra: {
        // JIT compiles plans above jit_above_cost (~0.5 s each): pointless for these short OLTP statements.
        options: '-c jit=off',
        statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
        query_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS + 1_000,
        // A row lock held by a vanished instance (power loss, network split) is released when the server drops its
        // idle transaction; meanwhile a waiting request gives up after a third of the statement timeout (503).
        lock_timeout: Math.ceil(config.DATABASE_STATEMENT_TIMEOUT_MS / 3),
        idle_in_transaction_session_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
      },
    });
    return { dataSource };
  }
  const embedded = await openEmbeddedPostgres(config.PGLITE_DATA_DIR);
  const dataSource = new DataSource({
    type: 'postgres',
    host: 'localhost',
    username: 'postgres',
    password: 'embedded',
    database: 'postgres',
    ...baseOptions(),
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: embeddedPoolOptions(embedded),
  });
  return { dataSource, embedded };
}

/** Closes the pool and then the embedded database (pool.end() alone leaves PGlite running). */
export async function closeDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.dataSource.isInitialized) await handle.dataSource.destroy();
  if (handle.embedded && !handle.embedded.closed) await handle.embedded.close();
}

/**
 * Runs setup work (migrations, reference data, demo seed) under a cluster-wide advisory lock, so API instances
 * started together on one server take turns. The embedded database belongs to a single process: no lock needed.
 */
export async function withSetupLock<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (handle.embedded) return work();
  const runner = handle.dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
