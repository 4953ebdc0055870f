import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions, console errors and failed requests since the last `takeErrors()`. */
  takeErrors(): string[];
  close(): Promise<void>;
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url)
    throw new Error('E2E_BASE_URL is not set: run the journeys through jest -c apps/web-e2e/jest.config.ts');
  return url.replace(/\/$/, '');
}

/**
 * Debian's chromium driven by playwright-core (Playwright's own browser download does not work here).
 * The flags keep it offline and quiet; `--user-data-dir` is set by the persistent context itself.
 */
export async function openBrowser(): Promise<Browser> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'ketenkaart-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL: baseUrl(),
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());

  let errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // Failed requests are judged by their status below, not by Chromium's console echo of them.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    // A 4xx from the API can be an answer the page handles; a server error or a missing asset is a bug.
    if (response.status() >= 500 || (response.status() === 404 && !pathname.startsWith('/api/'))) {
      errors.push(`HTTP ${response.status()} for ${response.request().method()} ${pathname}`);
    }
  });

  return {
    context,
    page,
    takeErrors() {
      const taken = errors;
      errors = [];
      return taken;
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Retries an assertion until it passes or the time is up, then throws its last error: the web-first
 * assertion of @playwright/test, for Jest. Use it instead of sleeps.
 */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
