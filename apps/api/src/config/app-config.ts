import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import * as path from 'node:path';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1';
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Every setting of the API, read once from the environment and validated at boot.
 * This is the only place that reads `process.env`; `.env.example` documents each variable.
 */
export class AppConfig {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** PostgreSQL server; when unset the embedded PGlite database is used. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  @IsString() @MinLength(1)
  PGLITE_DATA_DIR = '.data/pglite';

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Upper bound of one SQL statement, so that no request hangs forever. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 15_000;

  @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 3_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  /** Load the clearly labelled demo seed when the database has no data of its own yet. */
  @Transform(toBoolean) @IsBoolean()
  DEMO_SEED = true;

  /** Built web app served on the same origin; empty disables static serving. */
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web';

  /** Reference data (CBS municipalities, regions, boundaries) shipped with the portal. */
  @IsString() @MinLength(1)
  REFERENCE_DATA_DIR = 'apps/api/data';

  /** Bearer token for directory and region writes until sign-in exists (issue 4). */
  @IsOptional() @IsString() @MinLength(24, { message: 'must be at least 24 characters' })
  ADMIN_TOKEN?: string;

  /** Seconds SIGTERM waits for requests in flight before the process exits anyway. */
  @Transform(toInt) @IsInt() @Min(1) @Max(60)
  SHUTDOWN_GRACE_SECONDS = 8;

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }

  resolvePath(relative: string): string {
    return path.resolve(process.cwd(), relative);
  }
}

export class ConfigError extends Error {}

/** Validates an environment; throws a ConfigError naming every wrong variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const value = raw[error.property];
      const shown = /TOKEN|PASSWORD|SECRET|URL/.test(error.property) ? '(hidden)' : JSON.stringify(value);
      return `  ${error.property}=${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
