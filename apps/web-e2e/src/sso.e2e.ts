import { Role } from '@ketenkaart/shared-domain';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { demoAccount } from './support/demo-accounts';
import { freePort, type RunningPortal, startPortal, stopPortal } from './support/portal';

const START_TIMEOUT_MS = 240_000;

/**
 * Single sign-on in the browser (issue 4, point 2): a second portal configured for OpenID Connect against a real
 * provider (oidc-provider in its own process, its quick-start login page), signed in by clicking through.
 */
describe('Single sign-on with OpenID Connect', () => {
  let browser: Browser;
  let portal: RunningPortal;
  let provider: ChildProcess;

  beforeAll(async () => {
    const providerPort = await freePort();
    const issuer = `http://127.0.0.1:${providerPort}`;
    portal = await startPortal({
      logName: 'portal-sso.log',
      extraEnv: () => ({
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'ketenkaart-e2e',
        OIDC_CLIENT_SECRET: 'e2e-client-secret-0123456789abcdef',
        OIDC_DISPLAY_NAME: 'Test-IdP',
      }),
    });
    provider = spawn(process.execPath, [path.join(__dirname, 'support', 'oidc-test-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_PORT: String(providerPort),
        REDIRECT_URI: `${portal.baseUrl}/api/v1/auth/oidc/callback`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [ready] = (await once(provider.stdout!, 'data')) as [Buffer];
    expect(ready.toString()).toContain(`ready ${issuer}`);
    browser = await openBrowser();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    if (provider && provider.exitCode === null) {
      provider.kill('SIGTERM');
      await once(provider, 'exit');
    }
    if (portal) await stopPortal(portal);
  });

  afterEach(() => {
    const errors = browser?.takeErrors() ?? [];
    if (errors.length > 0) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  });

  /** The provider's quick-start pages: type the user id (any password), then allow the portal. */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs a known account in through the identity provider and back to the page it came for', async () => {
    const { page } = browser;
    const monitor = demoAccount(Role.landelijkMonitor);
    await page.goto(`${portal.baseUrl}/inloggen?terug=%2Fregios`);
    const button = page.getByRole('link', { name: 'Inloggen met Test-IdP', exact: true });
    await button.waitFor();
    await expectNoWcagViolations(page, 'the sign-in page with single sign-on (nl)');
    await button.click();
    await signInAtProvider(page, 'monitor');
    await page.getByText(`Ingelogd als ${monitor.displayName}`, { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/regios');
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session).toMatchObject({ authenticated: true, stage: 'complete' });
    // The account page tells how this session began.
    await page.getByRole('link', { name: 'Mijn account', exact: true }).click();
    const thisSession = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Deze sessie', exact: true }) });
    await thisSession.getByRole('cell', { name: 'Single sign-on (SSO)', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.getByText('U bent uitgelogd.', { exact: true }).waitFor();
  });

  it('sends a browser that returns with a spent or unknown state to the sign-in page with a focused message', async () => {
    const { page } = browser;
    // What the back button or a bookmark of the provider's redirect does: the callback as a page navigation.
    await page.goto(`${portal.baseUrl}/api/v1/auth/oidc/callback?code=abc&state=verlopen-of-onbekend`);
    const message = 'Het inloggen via uw organisatie is verlopen of niet meer geldig';
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/inloggen');
    expect(url.searchParams.get('sso-fout')).toBe('expired');
    // Focused, so a screen reader reads it first and a keyboard user starts there.
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(message),
    );
    await expectNoWcagViolations(page, 'the sign-in page after an expired single sign-on (nl)');
    await page.getByRole('link', { name: 'Inloggen met Test-IdP', exact: true }).waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Signing in with your organisation has expired or is no longer valid' })
      .waitFor();
    await expectNoWcagViolations(page, 'the sign-in page after an expired single sign-on (en)');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session).toMatchObject({ authenticated: false });
  });

  it('gives an address without an account no session and one "no access" message', async () => {
    const { page } = browser;
    // Forget the provider's own session of the first journey, so that it asks who signs in.
    await browser.context.clearCookies();
    await page.goto(`${portal.baseUrl}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met Test-IdP', exact: true }).click();
    await signInAtProvider(page, 'stranger');
    await page.getByText('U heeft met dit account geen toegang tot Ketenkaart.', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await expectNoWcagViolations(page, 'the sign-in page after a refused single sign-on (nl)');
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session).toMatchObject({ authenticated: false });
  });
});
