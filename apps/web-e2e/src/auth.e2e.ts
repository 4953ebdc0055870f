import { Permission, ROLE_PERMISSIONS, Role } from '@ketenkaart/shared-domain';
import type { Page } from 'playwright-core';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { DEMO_ACCOUNTS, type DemoAccount, demoAccount } from './support/demo-accounts';
import { nextTotpCode } from './support/totp';

/** Identity in the browser (issue 4, points 3–5, 7, 8): sign-in with 2FA, role-aware navigation, audit trail. */
describe('Sign-in, navigation per role and the audit trail', () => {
  let browser: Browser;
  let signIns = 0;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    const errors = browser.takeErrors();
    if (errors.length > 0) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  });

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

  async function fillCredentials(page: Page, email: string, password: string): Promise<void> {
    await heading(page, 'Inloggen').waitFor();
    await page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }

  /** Signs in on the page that is open (the sign-in page), answering the second factor where needed. */
  async function signIn(page: Page, account: DemoAccount, options: { axeOnChallenge?: boolean } = {}) {
    await fillCredentials(page, account.email, account.password);
    if (account.totpSecret) {
      await heading(page, 'Tweestapsverificatie').waitFor();
      const code = page.getByLabel('Code uit de authenticator-app', { exact: true });
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      if (options.axeOnChallenge) await expectNoWcagViolations(page, 'the second-factor challenge (nl)');
      await code.fill(nextTotpCode(account.totpSecret));
      await page.getByRole('button', { name: 'Doorgaan', exact: true }).click();
    }
    await page.getByText(`Ingelogd als ${account.displayName}`, { exact: true }).waitFor();
    signIns += 1;
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.getByText('U bent uitgelogd.', { exact: true }).waitFor();
    await heading(page, 'Inloggen').waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session).toMatchObject({ authenticated: false });
  }

  /** Every menu entry that needs a permission is one the role has; the identity entries follow the role. */
  async function expectNavigationFor(page: Page, role: Role): Promise<void> {
    const granted: readonly string[] = ROLE_PERMISSIONS[role];
    const nav = mainNav(page);
    await nav.getByRole('link', { name: "Regio's", exact: true }).waitFor();
    const needed = await nav
      .locator('[data-permission]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('data-permission') ?? ''));
    expect(needed.filter((permission) => !granted.includes(permission))).toEqual([]);
    const shown = async (name: string) => (await nav.getByRole('link', { name, exact: true }).count()) > 0;
    expect(await shown('Gebruikersbeheer')).toBe(granted.includes(Permission.accountManage));
    expect(await shown('Audittrail')).toBe(granted.includes(Permission.auditRead));
  }

  it('shows an accessible sign-in page, in Dutch and in English', async () => {
    const { page } = browser;
    await page.goto('/inloggen');
    await heading(page, 'Inloggen').waitFor();
    expect(await page.getByLabel('E-mailadres', { exact: true }).getAttribute('autocomplete')).toBe(
      'username',
    );
    expect(await page.getByLabel('Wachtwoord', { exact: true }).getAttribute('autocomplete')).toBe(
      'current-password',
    );
    await expectNoWcagViolations(page, '/inloggen (nl)');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await heading(page, 'Sign in').waitFor();
    await expectNoWcagViolations(page, '/inloggen (en)');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await heading(page, 'Inloggen').waitFor();
  });

  it('refuses a wrong password and an unknown address with the same message, focused in the error summary', async () => {
    const { page } = browser;
    const monitor = demoAccount(Role.landelijkMonitor);
    const messages: string[] = [];
    for (const email of [monitor.email, 'niemand@demo.ketenkaart.nl']) {
      await page.goto('/inloggen');
      await fillCredentials(page, email, 'Dit-is-niet-het-wachtwoord-1');
      const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
      await summary.waitFor();
      await eventually(async () =>
        expect(await summary.evaluate((element) => element.contains(document.activeElement))).toBe(true),
      );
      messages.push((await summary.innerText()).trim());
    }
    expect(messages[0]).toContain('Het e-mailadres of het wachtwoord is niet juist.');
    expect(messages[1]).toBe(messages[0]);
    await expectNoWcagViolations(page, '/inloggen with an error (nl)');
  });

  it('sends the public from a protected page to sign-in and back, through the second factor', async () => {
    const { page } = browser;
    await page.goto('/beheer/gebruikers');
    await heading(page, 'Inloggen').waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/beheer/gebruikers');

    await signIn(page, demoAccount(Role.beheerder), { axeOnChallenge: true });
    await heading(page, 'Gebruikersbeheer').waitFor();
    expect(new URL(page.url()).pathname).toBe('/beheer/gebruikers');
    await page.getByRole('link', { name: 'Demo Privacy officer', exact: true }).waitFor();
    await expectNoWcagViolations(page, '/beheer/gebruikers (nl)');

    await page.getByRole('link', { name: 'Account aanmaken', exact: true }).click();
    await heading(page, 'Account aanmaken').waitFor();
    await page.getByRole('checkbox', { name: 'Ketenregie Amsterdam-Amstelland (demo)' }).waitFor();
    await expectNoWcagViolations(page, '/beheer/gebruikers/nieuw (nl)');

    await mainNav(page).getByRole('link', { name: 'Gebruikersbeheer', exact: true }).click();
    await page.getByRole('link', { name: 'Demo Ontvanger', exact: true }).click();
    await heading(page, 'Demo Ontvanger').waitFor();
    await expectNoWcagViolations(page, '/beheer/gebruikers/:id (nl)');

    await page.getByRole('link', { name: 'Mijn account', exact: true }).click();
    await heading(page, 'Mijn account').waitFor();
    await page.getByRole('cell', { name: 'Deze sessie', exact: true }).waitFor();
    // How this session began: password, then the code from the app.
    await page.getByRole('columnheader', { name: 'Ingelogd met', exact: true }).waitFor();
    const thisSession = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Deze sessie', exact: true }) });
    await thisSession
      .getByRole('cell', { name: 'Wachtwoord en tweestapsverificatie', exact: true })
      .waitFor();
    await expectNoWcagViolations(page, '/mijn-account (nl)');

    await signOut(page);
  });

  it.each(DEMO_ACCOUNTS.map((account) => [account.role, account] as const))(
    'shows %s only the menu entries of that role, and signs out',
    async (role, account) => {
      const { page } = browser;
      await page.goto('/inloggen');
      await signIn(page, account);
      await expectNavigationFor(page, role);
      await signOut(page);
      await expectNavigationFor(page, Role.public);
    },
  );

  it('lets the privacy officer see the sign-ins just made in the audit trail', async () => {
    const { page } = browser;
    await page.goto('/audittrail');
    await signIn(page, demoAccount(Role.privacyOfficer));
    await heading(page, 'Audittrail').waitFor();
    await page.getByRole('table').waitFor();
    await expectNoWcagViolations(page, '/audittrail (nl)');

    await page.getByLabel('Actie', { exact: true }).fill('auth.sign-in');
    await page.getByRole('button', { name: 'Filteren', exact: true }).click();
    await eventually(() => expect(new URL(page.url()).searchParams.get('actie')).toBe('auth.sign-in'));
    const caption = page.locator('caption');
    await eventually(async () => {
      const total = Number((await caption.innerText()).match(/\d+/)?.[0] ?? 0);
      // Every successful sign-in of this file plus the two refused ones.
      expect(total).toBeGreaterThanOrEqual(signIns + 2);
    });
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'Mislukt' }).first().waitFor();
    await rows.filter({ hasText: 'Gelukt' }).first().waitFor();
    await signOut(page);
  });
});
