import { AccountStatus, ErrorCode, Role, SessionStage } from '@ketenkaart/shared-domain';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionClient } from '../../test/session-client';
import { createTestApp } from '../../test/test-app';
import { AccountEntity } from '../account.entity';
import { SecretBox } from '../secret-box';
import { totpCode } from '../totp';
import { OIDC_BROWSER_COOKIE } from './oidc.service';

const PUBLIC_URL = 'http://localhost:4200';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const CLIENT_ID = 'ketenkaart';
const CLIENT_SECRET = 'test-client-secret-0123456789abcdef';
const TOTP_SECRET = 'KKSSOTESTBEHEERDERAAAAAAAAAAAAAA';

interface ProviderUser {
  email: string;
  email_verified: boolean;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on loopback, with the portal registered as a confidential client
 * that must use PKCE. Its sign-in page is replaced by a test hook: `GET /interaction/<uid>?login=<sub>&amr=pwd,mfa`
 * signs that user in with those methods and grants the requested scopes (`?cancel=1` cancels instead).
 */
async function startProvider(users: Map<string, ProviderUser>): Promise<{ issuer: string; server: Server }> {
  // oidc-provider warns about its development defaults (in-memory adapter) and Node 20; both are fine here.
  const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { default: Provider } = await import('oidc-provider');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Entra ID and Keycloak put amr in every ID token; oidc-provider does when the openid scope lists it.
    claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    jwks: {
      keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })],
    },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 300,
      Interaction: 600,
      Session: 600,
    },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      return user ? { accountId: sub, claims: () => ({ sub, ...user, name: 'Test User' }) } : undefined;
    },
  });
  quiet.mockRestore();
  const handle = provider.callback();
  const interact = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const details = await provider.interactionDetails(req, res);
    if (url.searchParams.get('cancel')) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'cancelled' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const accountId = url.searchParams.get('login')!;
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId, amr: (url.searchParams.get('amr') ?? 'pwd').split(',') }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      interact(req, res, url).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void handle(req, res);
  });
  return { issuer, server };
}

/** Cookies of the provider's origin, as a browser would keep them (paths ignored: all go back to the provider). */
class ProviderCookies {
  private readonly jar = new Map<string, string>();
  absorb(setCookie: string[] | string | undefined): void {
    for (const line of ([] as string[]).concat(setCookie ?? [])) {
      const [name, value] = line.split(';')[0].split('=');
      if (value) this.jar.set(name, value);
      else this.jar.delete(name);
    }
  }
  get header(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** What Chromium sends for a page navigation. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('single sign-on with OpenID Connect against a real provider', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let dataSource: DataSource;
  let provider: { issuer: string; server: Server };
  const run = randomUUID().slice(0, 8);
  const users = new Map<string, ProviderUser>();
  const emails = {
    monitor: `sso-monitor-${run}@example.org`,
    beheerder: `sso-beheerder-${run}@example.org`,
    zorgcoordinator: `sso-zorg-${run}@example.org`,
    disabled: `sso-disabled-${run}@example.org`,
  };

  /** The browser's whole journey: portal → provider (sign-in as `login`) → portal's redirect URI. */
  async function signInThroughProvider(
    login: string,
    options: { amr?: string[]; returnTo?: string; cancel?: boolean } = {},
  ) {
    const browser = new SessionClient(http);
    const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
    const start = await browser.get(`/api/v1/auth/oidc/login${query}`);
    expect(start.status).toBe(302);
    const browserCookie = browser.cookies.get(OIDC_BROWSER_COOKIE);
    expect(browserCookie).toBeDefined();
    const authorization = new URL(start.headers.location);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    const state = authorization.searchParams.get('state')!;
    const providerCookies = new ProviderCookies();
    let location = authorization.href;
    for (let hop = 0; hop < 10 && !location.startsWith(REDIRECT_URI); hop++) {
      const url = new URL(location, provider.issuer);
      if (url.pathname.startsWith('/interaction/')) {
        url.searchParams.set('login', login);
        url.searchParams.set('amr', (options.amr ?? ['pwd']).join(','));
        if (options.cancel) url.searchParams.set('cancel', '1');
      }
      const answer = await request(provider.issuer)
        .get(url.pathname + url.search)
        .set('Cookie', providerCookies.header);
      providerCookies.absorb(answer.headers['set-cookie']);
      expect([302, 303]).toContain(answer.status);
      location = answer.headers.location;
    }
    const callbackUrl = new URL(location);
    expect(callbackUrl.origin + callbackUrl.pathname).toBe(REDIRECT_URI);
    const callbackPath = callbackUrl.pathname + callbackUrl.search;
    const callback = await browser.get(callbackPath);
    return { browser, callback, callbackPath, state, browserCookie: browserCookie! };
  }

  const pendingLogins = async (state: string) =>
    Number(
      (
        await dataSource.query(`SELECT count(*)::int AS n FROM oidc_login WHERE state_hash = $1`, [
          sha256(state),
        ])
      )[0].n,
    );
  const auditOf = async (action: string, accountEmail?: string) =>
    dataSource.query(
      `SELECT e.outcome, e.details FROM audit_event e LEFT JOIN account a ON a.id = e.actor_account_id
        WHERE e.action = $1 AND ($2::text IS NULL OR a.email = $2) ORDER BY e.occurred_at DESC`,
      [action, accountEmail ?? null],
    ) as Promise<{ outcome: string; details: Record<string, unknown> }[]>;

  beforeAll(async () => {
    provider = await startProvider(users);
    app = await createTestApp({
      PUBLIC_URL,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_DISPLAY_NAME: 'Test-IdP',
    });
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
    const accounts = dataSource.getRepository(AccountEntity);
    const now = new Date();
    const account = (email: string, roles: Role[], extra: Partial<AccountEntity> = {}) =>
      accounts.create({
        email,
        displayName: `SSO test ${roles.join(',')}`,
        roles,
        regionIds: [],
        status: AccountStatus.active,
        createdAt: now,
        updatedAt: now,
        ...extra,
      });
    await accounts.save([
      account(emails.monitor, [Role.landelijkMonitor]),
      account(emails.beheerder, [Role.beheerder], {
        totpSecret: app.get(SecretBox).seal(TOTP_SECRET),
        totpEnabledAt: now,
      }),
      account(emails.zorgcoordinator, [Role.zorgcoordinator]),
      account(emails.disabled, [Role.landelijkMonitor], { status: AccountStatus.disabled }),
    ]);
    // The provider's users: the case differs from the account's address on purpose.
    users.set('monitor', { email: emails.monitor.toUpperCase(), email_verified: true });
    users.set('beheerder', { email: emails.beheerder, email_verified: true });
    users.set('zorgcoordinator', { email: emails.zorgcoordinator, email_verified: true });
    users.set('stranger', { email: `stranger-${run}@example.org`, email_verified: true });
    users.set('unverified', { email: emails.monitor, email_verified: false });
    users.set('disabled', { email: emails.disabled, email_verified: true });
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => provider?.server.close(resolve));
  });

  it('tells the web that single sign-on is on, and under which name', async () => {
    const response = await request(http).get('/api/v1/auth/sso');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      enabled: true,
      displayName: 'Test-IdP',
      loginPath: '/api/v1/auth/oidc/login',
    });
  });

  it('signs a known, verified address in (any case) with a session that can call a protected route', async () => {
    const { browser, callback, state } = await signInThroughProvider('monitor', { returnTo: '/monitoring' });
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe(`${PUBLIC_URL}/monitoring`);
    const setCookies = ([] as string[]).concat(callback.headers['set-cookie'] ?? []);
    const sessionCookie = setCookies.find((line) => line.startsWith('kk_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/Secure/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(setCookies.some((line) => line.startsWith('kk_csrf='))).toBe(true);
    expect(browser.cookies.has(OIDC_BROWSER_COOKIE)).toBe(false);

    const session = await browser.get('/api/v1/auth/session');
    expect(session.body).toMatchObject({ authenticated: true, stage: SessionStage.complete });
    expect(session.body.account.email).toBe(emails.monitor);
    const sessions = await browser.get('/api/v1/account/sessions');
    expect(sessions.status).toBe(200);
    // The account page shows how each session began.
    expect(sessions.body.items).toEqual([
      expect.objectContaining({ current: true, authMethod: 'sso', twoFactorPassed: false }),
    ]);
    const [row] = await dataSource.query(
      `SELECT s.auth_method, s.two_factor_passed FROM session s JOIN account a ON a.id = s.account_id WHERE a.email = $1`,
      [emails.monitor],
    );
    expect(row).toEqual({ auth_method: 'sso', two_factor_passed: false });
    // A write needs the CSRF token of the new session, as after a password sign-in.
    expect((await browser.post('/api/v1/auth/sign-out', undefined, { csrf: null })).status).toBe(403);

    expect(await pendingLogins(state)).toBe(0);
    const [event] = await auditOf('auth.sso.signed-in', emails.monitor);
    expect(event.outcome).toBe('success');
    expect(event.details).toMatchObject({
      stage: SessionStage.complete,
      providerMultiFactor: false,
      amr: ['pwd'],
    });
    expect(JSON.stringify(event.details)).not.toMatch(/eyJ/); // no tokens in the audit trail
  });

  it.each([
    ['an unknown address', 'stranger', 'unknown-account'],
    ['an address the provider did not verify', 'unverified', 'email-not-verified'],
    ['a disabled account', 'disabled', 'account-disabled'],
  ])('gives %s no session and the same "no access" answer', async (_what, login, reason) => {
    const before = (await auditOf('auth.sso.refused')).length;
    const { browser, callback, state } = await signInThroughProvider(login, { returnTo: '/sociale-kaart' });
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe(
      `${PUBLIC_URL}/inloggen?sso-fout=no-access&terug=%2Fsociale-kaart`,
    );
    expect(browser.cookies.has('kk_session')).toBe(false);
    expect((await browser.get('/api/v1/auth/session')).body.authenticated).toBe(false);
    expect((await browser.get('/api/v1/account/sessions')).status).toBe(401);
    expect(await pendingLogins(state)).toBe(0);
    const events = await auditOf('auth.sso.refused');
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ outcome: 'denied', details: { reason } });
  });

  it('refuses a replayed answer: the pending sign-in is used once', async () => {
    const { callback, callbackPath, state, browserCookie } = await signInThroughProvider('monitor');
    expect(callback.status).toBe(303);
    expect(await pendingLogins(state)).toBe(0);
    const replay = await request(http)
      .get(callbackPath)
      .set('Cookie', `${OIDC_BROWSER_COOKIE}=${browserCookie}`);
    expect(replay.status).toBe(400);
    expect(replay.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(replay.body.code).toBe(ErrorCode.ssoStateInvalid);
    expect(replay.headers['set-cookie']?.toString() ?? '').not.toMatch(/kk_session=[^;]/);
  });

  it('sends a browser that comes back with a spent or expired state to the sign-in page, not to a JSON error', async () => {
    const { callbackPath, browserCookie } = await signInThroughProvider('monitor', { returnTo: '/regios' });
    // The back button or a reload after the sign-in: the browser asks for the same callback again, as a page.
    const before = (await auditOf('auth.sso.refused')).length;
    const reload = await request(http)
      .get(callbackPath)
      .set('Cookie', `${OIDC_BROWSER_COOKIE}=${browserCookie}`)
      .set('Accept', BROWSER_ACCEPT)
      .set('Sec-Fetch-Mode', 'navigate');
    expect(reload.status).toBe(303);
    // Nothing of a spent answer is trusted: no return path from it.
    expect(reload.headers.location).toBe(`${PUBLIC_URL}/inloggen?sso-fout=expired`);
    expect(reload.headers['cache-control']).toBe('no-store');
    expect(reload.headers['set-cookie']?.toString() ?? '').not.toMatch(/kk_session=[^;]/);
    const events = await auditOf('auth.sso.refused');
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ outcome: 'denied', details: { reason: 'invalid-state' } });

    // Ten minutes passed at the provider: the pending sign-in expired (an Accept header alone marks a page).
    const browser = new SessionClient(http);
    const start = await browser.get('/api/v1/auth/oidc/login');
    const state = new URL(start.headers.location).searchParams.get('state')!;
    await dataSource.query(
      `UPDATE oidc_login SET expires_at = now() - interval '1 second' WHERE state_hash = $1`,
      [sha256(state)],
    );
    const late = await request(http)
      .get(`/api/v1/auth/oidc/callback?code=abc&state=${state}`)
      .set('Cookie', browser.cookieHeader)
      .set('Accept', BROWSER_ACCEPT);
    expect(late.status).toBe(303);
    expect(late.headers.location).toBe(`${PUBLIC_URL}/inloggen?sso-fout=expired`);

    // A provider error on an answer that belongs to no pending sign-in is not believed either.
    const stray = await request(http)
      .get('/api/v1/auth/oidc/callback?error=access_denied&state=unknown')
      .set('Sec-Fetch-Mode', 'navigate');
    expect(stray.status).toBe(303);
    expect(stray.headers.location).toBe(`${PUBLIC_URL}/inloggen?sso-fout=expired`);
    const missing = await request(http).get('/api/v1/auth/oidc/callback').set('Accept', BROWSER_ACCEPT);
    expect(missing.headers.location).toBe(`${PUBLIC_URL}/inloggen?sso-fout=expired`);
    // fetch (Accept: */*, Sec-Fetch-Mode: cors) keeps the problem+json answer.
    const fetched = await request(http)
      .get('/api/v1/auth/oidc/callback?code=abc&state=unknown')
      .set('Accept', '*/*')
      .set('Sec-Fetch-Mode', 'cors');
    expect(fetched.status).toBe(400);
    expect(fetched.body.code).toBe(ErrorCode.ssoStateInvalid);
  });

  it('refuses a forged state and an answer carried to another browser, without spending the real one', async () => {
    const browser = new SessionClient(http);
    const start = await browser.get('/api/v1/auth/oidc/login');
    const state = new URL(start.headers.location).searchParams.get('state')!;
    expect(await pendingLogins(state)).toBe(1);

    const forged = await browser.get(`/api/v1/auth/oidc/callback?code=abc&state=${state}x`);
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe(ErrorCode.ssoStateInvalid);
    const missing = await browser.get('/api/v1/auth/oidc/callback?code=abc');
    expect(missing.status).toBe(400);
    // Another browser (no kk_oidc cookie, or a different one) cannot use this browser's state.
    const elsewhere = await request(http)
      .get(`/api/v1/auth/oidc/callback?code=abc&state=${state}`)
      .set('Cookie', `${OIDC_BROWSER_COOKIE}=${'A'.repeat(43)}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers['set-cookie']?.toString() ?? '').not.toMatch(/kk_session=[^;]/);
    expect(await pendingLogins(state)).toBe(1);
    const refusals = await auditOf('auth.sso.refused');
    expect(refusals[0].details).toEqual({ reason: 'invalid-state' });
  });

  it('asks for the account’s own TOTP step when the provider did not do multi-factor authentication', async () => {
    const { browser, callback } = await signInThroughProvider('beheerder', {
      returnTo: '/beheer/gebruikers',
    });
    expect(callback.headers.location).toBe(`${PUBLIC_URL}/inloggen/tweede-stap?terug=%2Fbeheer%2Fgebruikers`);
    expect((await browser.get('/api/v1/auth/session')).body.stage).toBe(SessionStage.secondFactorRequired);
    expect((await browser.get('/api/v1/accounts')).status).toBe(403);

    const second = await browser.post('/api/v1/auth/sign-in/totp', {
      code: totpCode(TOTP_SECRET, new Date()),
    });
    expect(second.status).toBe(200);
    expect(second.body.stage).toBe(SessionStage.complete);
    expect((await browser.get('/api/v1/accounts')).status).toBe(200);
  });

  it('trusts multi-factor authentication at the provider (amr mfa) instead of the TOTP step', async () => {
    const { browser, callback } = await signInThroughProvider('beheerder', { amr: ['pwd', 'mfa'] });
    expect(callback.headers.location).toBe(`${PUBLIC_URL}/`);
    expect((await browser.get('/api/v1/auth/session')).body.stage).toBe(SessionStage.complete);
    expect((await browser.get('/api/v1/accounts')).status).toBe(200);
    const [event] = await auditOf('auth.sso.signed-in', emails.beheerder);
    expect(event.details).toMatchObject({ providerMultiFactor: true, amr: ['pwd', 'mfa'] });
  });

  it('sends a role that needs 2FA but has none enrolled to enrolment', async () => {
    const { browser, callback } = await signInThroughProvider('zorgcoordinator');
    expect(callback.headers.location).toBe(`${PUBLIC_URL}/mijn-account/tweestapsverificatie`);
    expect((await browser.get('/api/v1/auth/session')).body.stage).toBe(SessionStage.enrolmentRequired);
  });

  it('sends the browser back to the sign-in page when the person cancels at the provider', async () => {
    const { browser, callback } = await signInThroughProvider('monitor', { cancel: true });
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe(`${PUBLIC_URL}/inloggen?sso-fout=cancelled`);
    expect(browser.cookies.has('kk_session')).toBe(false);
  });

  it('refuses a return path that would leave the portal', async () => {
    const response = await request(http).get('/api/v1/auth/oidc/login?returnTo=%2F%2Fevil.example');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ErrorCode.validationFailed);
  });
});

describe('single sign-on switched off (no OIDC_ISSUER)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ PUBLIC_URL });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says so to the web and has no sign-in or callback to offer', async () => {
    const http = app.getHttpServer();
    expect((await request(http).get('/api/v1/auth/sso')).body).toEqual({ enabled: false });
    const login = await request(http).get('/api/v1/auth/oidc/login');
    expect(login.status).toBe(404);
    expect(login.headers['set-cookie']).toBeUndefined();
    const callback = await request(http).get('/api/v1/auth/oidc/callback?code=abc&state=xyz');
    expect(callback.status).toBe(404);
    expect(callback.body.code).toBe(ErrorCode.notFound);
    // fetch (Accept: */*, Sec-Fetch-Mode: cors) keeps the problem+json answer too.
    const fetched = await request(http)
      .get('/api/v1/auth/oidc/login')
      .set('Accept', '*/*')
      .set('Sec-Fetch-Mode', 'cors');
    expect(fetched.status).toBe(404);
    expect(fetched.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends a browser that navigates to the sign-in or callback URL to the sign-in page, not to a JSON error', async () => {
    const http = app.getHttpServer();
    // An old bookmark of the SSO button (with its return path), as a page.
    const login = await request(http)
      .get('/api/v1/auth/oidc/login?returnTo=/regios')
      .set('Accept', BROWSER_ACCEPT)
      .set('Sec-Fetch-Mode', 'navigate');
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe(`${PUBLIC_URL}/inloggen?sso-fout=unavailable&terug=%2Fregios`);
    expect(login.headers['cache-control']).toBe('no-store');
    expect(login.headers['set-cookie']).toBeUndefined();
    // A provider still configured to call back (an Accept header alone marks a page): no return path is trusted.
    const callback = await request(http)
      .get('/api/v1/auth/oidc/callback?code=abc&state=xyz')
      .set('Accept', BROWSER_ACCEPT);
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe(`${PUBLIC_URL}/inloggen?sso-fout=unavailable`);
    expect(callback.headers['set-cookie']).toBeUndefined();
  });
});
