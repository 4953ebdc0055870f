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

  /**
   * Single sign-on (OpenID Connect, Authorization Code + PKCE): the identity provider's issuer, e.g.
   * https://login.microsoftonline.com/<tenant>/v2.0 or https://sso.example.nl/realms/<realm>. Unset: SSO is off.
   * Plain http only on a loopback host outside production (development and tests).
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an https:// URL (the issuer identifier)' })
  OIDC_ISSUER?: string;

  /** Client id registered at the identity provider; required when OIDC_ISSUER is set. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_ID?: string;

  /** Client secret of a confidential client (client_secret_basic); unset for a public client (PKCE only). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_SECRET?: string;

  /** Name of the identity provider on the sign-in page: "Inloggen met <name>". */
  @IsString()
  @MinLength(1)
  @Matches(/^[^<>]{1,60}$/, { message: 'must be 1 to 60 characters without < or >' })
  OIDC_DISPLAY_NAME = 'SSO';

  /** Scopes asked for, separated by spaces; must include openid and email. */
  @Matches(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, { message: 'must be scopes separated by single spaces' })
  OIDC_SCOPES = 'openid email profile';

  /**
   * `acr` values (separated by spaces) that mean the identity provider did multi-factor authentication, so the
   * account's own TOTP step is skipped. An `amr` with mfa, otp, hwk or sc counts as well.
   */
  @IsOptional()
  @IsString()
  OIDC_MFA_ACR_VALUES?: string;

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

  /** How often each instance polls the job queue (ms); 0 disables the background worker (tests run it by hand). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  JOB_POLL_INTERVAL_MS = 5_000;

  /** Minutes between overdue scans (one per time slot across all instances). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  OVERDUE_SCAN_INTERVAL_MINUTES = 15;

  /** Months after afgerond/afgewezen/ingetrokken/doorgestuurd that a hand-off keeps its notes and references. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  HANDOFF_RETENTION_MONTHS = 24;

  /** Hours an `Idempotency-Key` of POST /handoffs is remembered. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  HANDOFF_IDEMPOTENCY_KEY_HOURS = 24;

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

  get oidcEnabled(): boolean {
    return Boolean(this.OIDC_ISSUER);
  }

  /** Where the identity provider sends the browser back: on the portal's public origin. */
  get oidcRedirectUri(): string {
    return `${this.PUBLIC_URL}/api/v1/auth/oidc/callback`;
  }
}

export class ConfigError extends Error {}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function oidcErrors(config: AppConfig): ValidationError[] {
  const problem = (property: string, message: string) =>
    Object.assign(new ValidationError(), { property, constraints: { oidc: message } });
  const errors: ValidationError[] = [];
  if (!config.OIDC_ISSUER) return errors;
  const issuer = parseUrl(config.OIDC_ISSUER);
  const loopback = issuer !== null && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(issuer.hostname);
  if (!issuer || (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback))) {
    errors.push(problem('OIDC_ISSUER', 'must be an https:// URL (plain http only on localhost)'));
  } else if (issuer.protocol === 'http:' && config.NODE_ENV === 'production') {
    errors.push(problem('OIDC_ISSUER', 'must be https:// in production'));
  }
  if (!config.OIDC_CLIENT_ID) errors.push(problem('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set'));
  const scopes = config.OIDC_SCOPES.split(' ');
  if (!scopes.includes('openid') || !scopes.includes('email')) {
    errors.push(problem('OIDC_SCOPES', 'must include openid and email'));
  }
  return errors;
}

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
  errors.push(...oidcErrors(config));
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
