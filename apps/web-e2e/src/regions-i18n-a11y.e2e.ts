import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { ARTIFACTS_DIR } from './support/paths';
import { open, regionsPage as ui } from './support/regions-page';

/**
 * Language and accessibility of the Regio's page. Kept apart from the journeys because the language
 * choice sticks to the browser profile: this file switches to English only after the Dutch checks.
 */
describe("Regio's page: languages and WCAG 2.1 AA", () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    const errors = browser.takeErrors();
    if (errors.length > 0) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  });

  /** The contract names the map in Dutch only; in English the gemeenten themselves are waited for. */
  async function waitUntilDrawn(language: 'nl' | 'en' = 'nl'): Promise<void> {
    const scope = language === 'nl' ? ui.map(browser.page) : browser.page;
    await eventually(
      async () => expect(await ui.municipalityShapes(scope).count()).toBeGreaterThan(0),
      20_000,
    );
  }

  it('has no WCAG A/AA violations in Dutch: empty, with suggestions open, and with a gemeente chosen', async () => {
    const { page } = browser;
    await open(page, '/regios');
    expect(await page.getAttribute('html', 'lang')).toMatch(/^nl\b/);
    await waitUntilDrawn();
    await expectNoWcagViolations(page, '/regios (nl)');

    await ui.municipalitySearch(page).fill('sud');
    await (await ui.suggestion(page, 'Súdwest-Fryslân')).waitFor();
    await expectNoWcagViolations(page, '/regios with suggestions for "sud" (nl)');

    await open(page, '/regios?gemeente=GM0363');
    await waitUntilDrawn();
    await page.getByRole('heading', { level: 2, name: 'Amsterdam', exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'regios-nl.png'), fullPage: true });
    await expectNoWcagViolations(page, '/regios?gemeente=GM0363 (nl)');
  });

  it('switches to English with the "English" button and has no WCAG A/AA violations there', async () => {
    const { page } = browser;
    await open(page, '/regios?gemeente=GM0363');
    await page.getByRole('button', { name: 'English', exact: true }).click();

    await ui.heading(page, 'Regions').waitFor();
    await eventually(async () => expect(await page.getAttribute('html', 'lang')).toMatch(/^en\b/));
    await waitUntilDrawn('en');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'regios-en.png'), fullPage: true });
    await expectNoWcagViolations(page, '/regios?gemeente=GM0363 (en)');
  });
});
