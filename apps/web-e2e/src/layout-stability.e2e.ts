import { Role } from '@ketenkaart/shared-domain';
import type { Page } from 'playwright-core';
import { type Browser, openBrowser } from './support/browser';
import { type DemoAccount, demoAccount } from './support/demo-accounts';
import { nextTotpCode } from './support/totp';

/** The viewport of `npm run bench:web` (Lighthouse's desktop preset). */
const DESKTOP = { width: 1350, height: 940 };
/** Lighthouse calls below 0.1 "good"; these pages were at 0.034 from the header alone, which must show. */
const MAX_CLS = 0.01;
/** How late the session answers: on loopback it can come before the first paint and hide a shift. */
const SESSION_DELAY_MS = 400;

interface Shift {
  value: number;
  sources: string[];
}

/**
 * The layout shifts of loading `path`, measured in the browser (PerformanceObserver `layout-shift`, the entries
 * Lighthouse adds up; shifts right after input do not count), with the elements that moved.
 */
async function layoutShiftsOf(
  page: Page,
  path: string,
  ready: (page: Page) => Promise<void>,
): Promise<Shift[]> {
  await page.route('**/api/v1/auth/session', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, SESSION_DELAY_MS));
    await route.continue();
  });
  try {
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    // Anything arriving late (a font, a slow request) would shift within a moment of the content.
    await page.waitForTimeout(1_000);
  } finally {
    await page.unroute('**/api/v1/auth/session');
  }
  return page.evaluate(
    () =>
      new Promise<Shift[]>((resolve) => {
        type LayoutShift = PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources?: { node: Node | null }[];
        };
        const name = (node: Node | null) =>
          node instanceof Element
            ? [node.tagName.toLowerCase(), ...Array.from(node.classList)].join('.')
            : String(node?.nodeName);
        new PerformanceObserver((list) => {
          resolve(
            (list.getEntries() as LayoutShift[])
              .filter((entry) => !entry.hadRecentInput)
              .map((entry) => ({
                value: entry.value,
                sources: (entry.sources ?? []).map((s) => name(s.node)),
              })),
          );
        }).observe({ type: 'layout-shift', buffered: true });
        // Without any entry the observer never calls back.
        setTimeout(() => resolve([]), 500);
      }),
  );
}

/** The sum of the shifts (at least Lighthouse's CLS, which takes the worst window), naming what moved. */
function expectStable(shifts: Shift[]): void {
  const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
  if (cls >= MAX_CLS) {
    throw new Error(`layout shift ${cls.toFixed(4)} (at most ${MAX_CLS}): ${JSON.stringify(shifts)}`);
  }
}

/** Signs in through the API (password, then TOTP when the account has it), as `npm run bench:web` does. */
async function signInThroughApi(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/inloggen');
  const result = await page.evaluate(
    async ({ email, password, code }) => {
      const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
      const first = await fetch('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, password }),
      });
      if (!first.ok) return `sign-in ${first.status}`;
      if (!code) return 'ok';
      const csrf = /(?:^|; )kk_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const second = await fetch('/api/v1/auth/sign-in/totp', {
        method: 'POST',
        headers: { ...json, 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify({ code }),
      });
      return second.ok ? 'ok' : `totp ${second.status}: ${await second.text()}`;
    },
    {
      email: account.email,
      password: account.password,
      code: account.totpSecret ? nextTotpCode(account.totpSecret) : null,
    },
  );
  expect(result).toBe('ok');
}

async function signOutThroughApi(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const csrf = /(?:^|; )kk_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
    const response = await fetch('/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { 'X-CSRF-Token': decodeURIComponent(csrf) },
    });
    return response.status;
  });
  expect(status).toBe(204);
}

/**
 * Layout stability (README "Web performance", CLS): the header keeps its height when the session's entries arrive
 * (the session menu has its own row from the first paint), and the signed-in pages of `npm run bench:web` do not
 * push their content down while they load.
 */
describe('Layout stability', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
    await browser.page.setViewportSize(DESKTOP);
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    const errors = browser.takeErrors();
    if (errors.length > 0) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  });

  const headerHeight = (page: Page) =>
    page.locator('.ketenkaart-header').evaluate((header) => header.getBoundingClientRect().height);

  it('keeps the signed-in hand-off inbox still while the session and the inbox load', async () => {
    const { page } = browser;
    const ontvanger = demoAccount(Role.ontvanger);
    await signInThroughApi(page, ontvanger);
    try {
      const shifts = await layoutShiftsOf(page, '/overdrachten/inbox', async (loaded) => {
        await loaded.getByText(`Ingelogd als ${ontvanger.displayName}`, { exact: true }).waitFor();
        await loaded.getByRole('heading', { level: 1, name: 'Inbox overdrachten' }).waitFor();
      });
      expectStable(shifts);
    } finally {
      await signOutThroughApi(page);
    }
  });

  it('keeps the monitoring dashboard still while the session and the figures load', async () => {
    const { page } = browser;
    const monitor = demoAccount(Role.landelijkMonitor);
    await signInThroughApi(page, monitor);
    try {
      const shifts = await layoutShiftsOf(page, '/monitoring', async (loaded) => {
        await loaded.getByText(`Ingelogd als ${monitor.displayName}`, { exact: true }).waitFor();
        await loaded.getByRole('heading', { level: 1, name: 'Monitoring doelen 2026' }).waitFor();
      });
      expectStable(shifts);
    } finally {
      await signOutThroughApi(page);
    }
  });

  /** The header's height while the session has not answered yet, and after it answered. */
  async function headerHeightsAround(page: Page, path: string, signedIn: (page: Page) => Promise<void>) {
    let answer = () => undefined as void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/v1/auth/session', async (route) => {
      await answered;
      await route.continue();
    });
    try {
      await page.goto(path);
      await page.getByRole('button', { name: 'English', exact: true }).waitFor();
      const whileLoading = await headerHeight(page);
      // The row is held by the language button, not by placeholders: no empty link or button while loading.
      const empty = await page
        .locator('.ketenkaart-header')
        .locator('a, button')
        .evaluateAll((controls) => controls.filter((control) => !control.textContent?.trim()).length);
      expect(empty).toBe(0);
      answer();
      await signedIn(page);
      return { whileLoading, after: await headerHeight(page) };
    } finally {
      await page.unroute('**/api/v1/auth/session');
    }
  }

  it('keeps the header height when the session answers, for the public and for a signed-in person', async () => {
    const { page } = browser;
    const publicHeader = await headerHeightsAround(page, '/regios', (loaded) =>
      loaded.locator('.ketenkaart-header').getByRole('link', { name: 'Inloggen', exact: true }).waitFor(),
    );
    expect(publicHeader.after).toBe(publicHeader.whileLoading);

    const monitor = demoAccount(Role.landelijkMonitor);
    await signInThroughApi(page, monitor);
    try {
      const signedIn = await headerHeightsAround(page, '/regios', (loaded) =>
        loaded.getByText(`Ingelogd als ${monitor.displayName}`, { exact: true }).waitFor(),
      );
      expect(signedIn).toEqual({ whileLoading: publicHeader.whileLoading, after: publicHeader.whileLoading });
    } finally {
      await signOutThroughApi(page);
    }
  });
});
