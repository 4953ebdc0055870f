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
  ValidationError,
} from 'class-validator';
import * as path from 'node:path';
import { DEFAULT_KADER_MIN_AF_HOURS } from '@ketenkaart/shared-domain';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1';
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Every setting of the API, read once from the environment and validated at boot.
 * This is the only place that reads `process.env`; `.env.example` documents each variable.
 */
export class AppConfig {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL server; when unset the embedded PGlite database is used. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  @IsString()
  @MinLength(1)
  PGLITE_DATA_DIR = '.data/pglite';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Upper bound of one SQL statement, so that no request hangs forever. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 15_000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 3_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  /** Load the clearly labelled demo seed when the database has no data of its own yet. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_SEED = true;

  /** Built web app served on the same origin; empty disables static serving. */
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web';

  /** Reference data (CBS municipalities, regions, boundaries) shipped with the portal. */
  @IsString()
  @MinLength(1)
  REFERENCE_DATA_DIR = 'apps/api/data';

  /**
   * Service token for automation and tests: `Authorization: Bearer <token>` acts as a service principal with the
   * beheerder role. Unset disables it; browsers cannot use it (refused on requests that carry Sec-Fetch headers).
   */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters' })
  ADMIN_TOKEN?: string;

  /** Where people open the portal; used in e-mailed links and accepted as request Origin besides the API's own host. */
  @Matches(/^https?:\/\/[^/\s]+$/, { message: 'must be an origin such as https://ketenkaart.nl (no path)' })
  PUBLIC_URL = 'http://localhost:4200';

  /** A session ends after this many minutes without a request (ASVS 3.3.2 / BIO). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many hours after sign-in, active or not. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  SESSION_ABSOLUTE_HOURS = 12;

  /** The `Secure` flag of the session cookies; may be off only when PUBLIC_URL is plain-http localhost. */
  @Transform(toBoolean)
  @IsBoolean()
  SESSION_COOKIE_SECURE = true;

  /** Hours an invitation link stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(336)
  INVITATION_VALID_HOURS = 72;

  /** Minutes a password-reset link stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_VALID_MINUTES = 60;

  /** Mail server, e.g. smtps://user:pass@mail.example.nl:465. Unset: links are logged (refused in production). */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Ketenkaart <no-reply@ketenkaart.nl>';

  /**
   * Key (>= 32 characters) that encrypts TOTP secrets at rest (AES-256-GCM). Unset: a fixed development key is
   * used, and in production two-factor enrolment and sign-in are refused until it is set.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  TOTP_ENCRYPTION_KEY?: string;

  /** Months after which a directory entry that nobody verified is flagged stale and listed for CoMensha. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  DIRECTORY_STALE_MONTHS = 12;

  /**
   * Result pages of /search kept per API instance, under the directory's revision (a committed change anywhere
   * makes them unreachable at once, on every instance); 0 turns the cache off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  SEARCH_CACHE_ENTRIES = 1000;

  /** Minimum hours per week of an aandachtsfunctionaris for the Kader check "trained and with enough time". */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(40)
  KADER_MIN_AF_HOURS = DEFAULT_KADER_MIN_AF_HOURS;

  /** Seconds SIGTERM waits for requests in flight before the process exits anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
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
  if (
    config.SESSION_COOKIE_SECURE === false &&
    !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(config.PUBLIC_URL)
  ) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'SESSION_COOKIE_SECURE',
        constraints: { secureCookie: 'may be false only when PUBLIC_URL is plain-http localhost' },
      }),
    );
  }
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const value = raw[error.property];
      const shown = /TOKEN|PASSWORD|SECRET|KEY|URL/.test(error.property) ? '(hidden)' : JSON.stringify(value);
      return `  ${error.property}=${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
