import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, ErrorCode, SessionStage, SSO_ERROR_PARAM, SsoError } from '@ketenkaart/shared-domain';
import type { CookieSerializeOptions as CookieOptions } from '@fastify/cookie';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { LessThan, Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { preferredMediaType } from '../../common/content-negotiation';
import { ProblemException } from '../../common/problem.exception';
import { AppConfig } from '../../config/app-config';
import { foldEmail } from '../account-mapper';
import { AccountEntity } from '../account.entity';
import { randomToken, sha256Hex } from '../secure-random';
import { SessionService } from '../session.service';
import { SsoInfoDto } from './dto/oidc.dto';
import { OidcClient } from './oidc-client';
import { OidcLoginEntity } from './oidc-login.entity';
import { providerDidMultiFactor } from './provider-mfa';

/** Cookie that binds a pending sign-in to the browser that started it (login CSRF, RFC 9700 §4.7). */
export const OIDC_BROWSER_COOKIE = 'kk_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
/** How long the identity provider may take to send the browser back. */
export const PENDING_LOGIN_MINUTES = 10;
export const OIDC_LOGIN_PATH = '/api/v1/auth/oidc/login';

/** Web pages the browser is sent to afterwards (apps/web/src/config/paths.ts). */
const WEB_SIGN_IN = '/inloggen';
const WEB_SECOND_FACTOR = '/inloggen/tweede-stap';
const WEB_TWO_FACTOR_ENROLMENT = '/mijn-account/tweestapsverificatie';
const WEB_RETURN_PARAM = 'terug';

/**
 * A top-level navigation of a browser (the identity provider's redirect), as opposed to fetch or an API client:
 * `Sec-Fetch-Mode: navigate`, or an Accept header that prefers HTML to JSON. Browsers list `text/html` first and
 * "anything" at a lower weight; fetch and most clients send "anything" or nothing, which counts as JSON here.
 */
export function isPageNavigation(request: Request): boolean {
  if (request.headers['sec-fetch-mode'] === 'navigate') return true;
  return (
    preferredMediaType(request.headers.accept, [
      'application/problem+json',
      'application/json',
      'text/html',
    ]) === 'text/html'
  );
}

function notConfigured(): ProblemException {
  return new ProblemException(404, ErrorCode.notFound, 'Single sign-on is not configured.');
}

/** Why a sign-in through the identity provider gave no session; only the audit trail sees the difference. */
type RefusalReason =
  | 'invalid-state'
  | 'provider-error'
  | 'token-error'
  | 'email-missing'
  | 'email-not-verified'
  | 'unknown-account'
  | 'account-invited'
  | 'account-disabled';

class SsoRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly userError: SsoError,
    readonly details: Record<string, unknown> = {},
    readonly account: AccountEntity | null = null,
  ) {
    super(reason);
  }
}

/**
 * Single sign-on with OpenID Connect: Authorization Code flow with PKCE (S256), `state` and `nonce`. The pending
 * sign-in is a row in PostgreSQL (any API instance can finish it) and is used once. The identity provider only
 * proves who someone is: the account must already exist here, be active, and its address must be verified by
 * the provider. The session is an ordinary Ketenkaart session (SessionService), marked `sso`.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    @InjectRepository(OidcLoginEntity) private readonly logins: Repository<OidcLoginEntity>,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly oidc: OidcClient,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  info(): SsoInfoDto {
    if (!this.config.oidcEnabled) return { enabled: false };
    return { enabled: true, displayName: this.config.OIDC_DISPLAY_NAME, loginPath: OIDC_LOGIN_PATH };
  }

  /**
   * Null while single sign-on is configured. Without it, a browser's page navigation (an old bookmark, a provider
   * still configured to call back) is sent to the sign-in page with `unavailable` rather than shown a raw JSON
   * error; any other caller gets the 404 problem.
   */
  whenDisabled(request: Request, returnPath: string | null): string | null {
    if (this.config.oidcEnabled) return null;
    if (isPageNavigation(request)) return this.signInPage(SsoError.unavailable, returnPath);
    throw notConfigured();
  }

  /** Starts a sign-in: stores the pending login and returns where to send the browser (the provider). */
  async start(returnTo: string | undefined, response: Response): Promise<string> {
    this.assertEnabled();
    let provider: Awaited<ReturnType<OidcClient['get']>>;
    try {
      provider = await this.oidc.get();
    } catch (error) {
      this.logger.warn({ err: error }, 'The identity provider could not be reached (discovery failed)');
      return this.signInPage(SsoError.unavailable, returnTo ?? null);
    }
    const { client, configuration } = provider;
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const browserToken = randomToken();
    const now = this.clock.now();
    // Pending logins nobody finished are removed whenever a new one starts.
    await this.logins.delete({ expiresAt: LessThan(now) });
    await this.logins.insert({
      stateHash: sha256Hex(state),
      browserHash: sha256Hex(browserToken),
      nonce,
      codeVerifier,
      returnPath: returnTo ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PENDING_LOGIN_MINUTES * 60_000),
    });
    response.cookie(OIDC_BROWSER_COOKIE, browserToken, {
      ...this.browserCookieOptions(),
      maxAge: PENDING_LOGIN_MINUTES * 60, // seconds (@fastify/cookie)
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.oidcRedirectUri,
      scope: this.config.OIDC_SCOPES,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /**
   * The provider's answer; every outcome is a redirect to the web: the next sign-in step, or the sign-in page with
   * an SsoError code that never tells whether an account exists. An unknown, expired, reused or foreign `state`
   * sends a browser's page navigation to the sign-in page with `expired` (a raw JSON error would be the whole
   * page); any other caller gets `400 sso_state_invalid` as problem+json. Such an answer belongs to no pending
   * sign-in, so nothing from it (its return path, its provider error) is trusted.
   */
  async callback(request: Request, response: Response): Promise<string> {
    this.assertEnabled();
    const query = request.query as Record<string, unknown>;
    const state = typeof query.state === 'string' ? query.state : '';
    const browserToken = (request.cookies as Record<string, unknown> | undefined)?.[OIDC_BROWSER_COOKIE];
    response.clearCookie(OIDC_BROWSER_COOKIE, this.browserCookieOptions());
    const pending =
      state && typeof browserToken === 'string' ? await this.consume(state, browserToken) : null;
    if (!pending) {
      await this.audit.record({
        action: 'auth.sso.refused',
        outcome: 'denied',
        request,
        details: { reason: 'invalid-state' satisfies RefusalReason },
      });
      if (isPageNavigation(request)) return this.signInPage(SsoError.expired, null);
      throw new ProblemException(
        400,
        ErrorCode.ssoStateInvalid,
        'This single sign-on answer is unknown, expired, used already or was started in another browser. Sign in again.',
      );
    }
    try {
      const { account, providerMultiFactor, amr } = await this.identify(request, pending);
      const resolved = await this.sessions.start(account, providerMultiFactor, request, response, 'sso');
      await this.accounts.update({ id: account.id }, { lastSignInAt: this.clock.now() });
      await this.audit.record({
        action: 'auth.sso.signed-in',
        request,
        principal: resolved.principal,
        recordType: 'account',
        recordId: account.id,
        details: { stage: resolved.principal.stage, providerMultiFactor, amr },
      });
      return this.nextStep(resolved.principal.stage, pending.returnPath);
    } catch (error) {
      if (!(error instanceof SsoRefusal)) throw error;
      await this.audit.record({
        action: 'auth.sso.refused',
        outcome: 'denied',
        request,
        principal: { actor: 'anonymous', accountId: error.account?.id ?? null },
        recordType: error.account ? 'account' : undefined,
        recordId: error.account?.id,
        details: { reason: error.reason, ...error.details },
      });
      return this.signInPage(error.userError, pending.returnPath);
    }
  }

  /** Deletes and returns the pending login of this state and browser, if it is still valid: it works once. */
  private async consume(state: string, browserToken: string): Promise<OidcLoginEntity | null> {
    const result = await this.logins
      .createQueryBuilder()
      .delete()
      .where('state_hash = :stateHash AND browser_hash = :browserHash', {
        stateHash: sha256Hex(state),
        browserHash: sha256Hex(browserToken),
      })
      .returning('id, nonce, code_verifier, return_path, expires_at')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    if (!row || new Date(row.expires_at as string | Date) <= this.clock.now()) return null;
    return Object.assign(new OidcLoginEntity(), {
      id: row.id,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      returnPath: row.return_path ?? null,
    });
  }

  /** Redeems the code (PKCE, state, nonce, ID token signature and claims) and finds the account. */
  private async identify(
    request: Request,
    pending: OidcLoginEntity,
  ): Promise<{ account: AccountEntity; providerMultiFactor: boolean; amr: string[] }> {
    const query = request.query as Record<string, unknown>;
    if (typeof query.error === 'string') {
      const providerError = /^[\w.-]{1,60}$/.test(query.error) ? query.error : 'other';
      throw new SsoRefusal(
        'provider-error',
        providerError === 'access_denied' ? SsoError.cancelled : SsoError.failed,
        { providerError },
      );
    }
    const { client, configuration } = await this.oidc.get().catch(() => {
      throw new SsoRefusal('token-error', SsoError.unavailable, { error: 'discovery-failed' });
    });
    const currentUrl = new URL(this.config.oidcRedirectUri);
    currentUrl.search = new URL(request.originalUrl, 'http://callback.invalid').search;
    let claims: Record<string, unknown>;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: query.state as string,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      accessToken = tokens.access_token;
      if (typeof claims.email !== 'string' || typeof claims.email_verified !== 'boolean') {
        // Some providers put the e-mail claims in the userinfo response only; take both from one source.
        const userinfo = await client.fetchUserInfo(configuration, accessToken, claims.sub as string);
        claims.email = userinfo.email;
        claims.email_verified = userinfo.email_verified;
      }
    } catch (error) {
      // Never log or audit tokens: only the library's error code and message.
      const code = (error as { code?: unknown }).code;
      this.logger.warn(
        { code, message: (error as Error).message },
        'Single sign-on: the code or ID token was refused',
      );
      throw new SsoRefusal('token-error', SsoError.failed, {
        error: typeof code === 'string' ? code : 'other',
      });
    }
    if (typeof claims.email !== 'string' || !claims.email.includes('@')) {
      throw new SsoRefusal('email-missing', SsoError.noAccess);
    }
    const email = foldEmail(claims.email);
    const account = await this.accounts.findOne({ where: { email } });
    if (claims.email_verified !== true) {
      throw new SsoRefusal('email-not-verified', SsoError.noAccess, {}, account);
    }
    if (!account) throw new SsoRefusal('unknown-account', SsoError.noAccess);
    if (account.status !== AccountStatus.active) {
      throw new SsoRefusal(`account-${account.status}` as RefusalReason, SsoError.noAccess, {}, account);
    }
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((m) => typeof m === 'string').slice(0, 10) : [];
    const mfaAcrValues = (this.config.OIDC_MFA_ACR_VALUES ?? '').split(/\s+/).filter(Boolean);
    return { account, providerMultiFactor: providerDidMultiFactor(claims, mfaAcrValues), amr };
  }

  private nextStep(stage: SessionStage, returnPath: string | null): string {
    const back = returnPath ? `?${WEB_RETURN_PARAM}=${encodeURIComponent(returnPath)}` : '';
    if (stage === SessionStage.secondFactorRequired)
      return `${this.config.PUBLIC_URL}${WEB_SECOND_FACTOR}${back}`;
    if (stage === SessionStage.enrolmentRequired) {
      return `${this.config.PUBLIC_URL}${WEB_TWO_FACTOR_ENROLMENT}${back}`;
    }
    return `${this.config.PUBLIC_URL}${returnPath ?? '/'}`;
  }

  private signInPage(error: SsoError, returnPath: string | null): string {
    const params = new URLSearchParams({ [SSO_ERROR_PARAM]: error });
    if (returnPath) params.set(WEB_RETURN_PARAM, returnPath);
    return `${this.config.PUBLIC_URL}${WEB_SIGN_IN}?${params.toString()}`;
  }

  private assertEnabled(): void {
    if (!this.config.oidcEnabled) throw notConfigured();
  }

  private browserCookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      secure: this.config.SESSION_COOKIE_SECURE,
      sameSite: 'lax',
      path: OIDC_COOKIE_PATH,
    };
  }
}
