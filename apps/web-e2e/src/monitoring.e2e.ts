import { kaderPeriodOf, Role } from '@ketenkaart/shared-domain';
import type { Locator, Page } from 'playwright-core';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { demoAccount } from './support/demo-accounts';
import { getJson } from './support/regions-page';
import { signIn, signOut } from './support/sign-in';

const KETENREGISSEUR = demoAccount(Role.ketenregisseur);
const MONITOR = demoAccount(Role.landelijkMonitor);
const OWN_REGION = 'Ketenregie Amsterdam-Amstelland (demo)';
const AMSTERDAM = 'GM0363';
const AMSTELVEEN = 'GM0362';
/** The current half-year: the dashboards open on it. */
const PERIOD = kaderPeriodOf(new Date().toISOString().slice(0, 10));
/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
const A4 = { width: 595.28, height: 841.89 };

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });

async function ownRegionId(): Promise<string> {
  const regions = await getJson<{ items: { id: string; name: string; municipalityCodes: string[] }[] }>(
    '/api/v1/regions?type=ketenregie&pageSize=100',
  );
  const region = regions.items.find((item) => item.name === OWN_REGION);
  if (!region) throw new Error(`no region named ${OWN_REGION}`);
  return region.id;
}

/** The Kader choropleth's path of one gemeente (the map is an image; each path carries its status). */
const kaderMapPath = (page: Page, code: string): Locator =>
  page.locator(`.ketenkaart-monitoring__kader-map path[data-code="${code}"]`);
const kaderTableRow = (page: Page, code: string): Locator =>
  page.getByTestId('kader-table').locator(`tr[data-code="${code}"]`);

/** Chooses one status for every criterion of the form whose legend matches `level` (e.g. "· basis"). */
async function chooseForAll(form: Locator, level: RegExp, status: string): Promise<number> {
  const criteria = form.locator('fieldset[data-criterion]').filter({ hasText: level });
  const count = await criteria.count();
  for (let index = 0; index < count; index += 1)
    await criteria.nth(index).getByRole('radio', { name: status, exact: true }).check();
  return count;
}

/** The page sizes of a PDF, read from its MediaBox entries. */
function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
    (match) => ({
      width: Number(match[3]) - Number(match[1]),
      height: Number(match[4]) - Number(match[2]),
    }),
  );
}

/**
 * Monitoring of the 2026 goals in the browser (issue 7, done-when): a ketenregisseur records the Kader status
 * of the gemeenten in their region and sees the map change; the national overview lists which gemeenten meet the
 * Kader and which do not, per theme, with small hand-off counts suppressed; the printed report has the maps and
 * tables on A4. The tests run in order: the national overview shows what the ketenregisseur recorded.
 */
describe('Monitoring of the 2026 goals (issue 7)', () => {
  let browser: Browser;
  let regionId: string;

  beforeAll(async () => {
    browser = await openBrowser();
    regionId = await ownRegionId();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    const errors = browser.takeErrors();
    if (errors.length > 0) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  });

  it('lets the ketenregisseur record the Kader status of the gemeenten in their region and shows the map change', async () => {
    const { page } = browser;
    await signIn(page, KETENREGISSEUR);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Monitoring' })
      .click();
    await heading(page, 'Monitoring doelen 2026').waitFor();
    // A regional role sees its own region, chosen for it and kept in the URL-free default.
    await page
      .getByRole('heading', { level: 2, name: `VNG Kader per gemeente – ${OWN_REGION}, ${PERIOD}` })
      .waitFor();
    await eventually(async () =>
      expect(await kaderMapPath(page, AMSTERDAM).getAttribute('data-status')).toBe('onbekend'),
    );
    expect(await kaderTableRow(page, AMSTERDAM).innerText()).toMatch(/Onbekend \(niet alles beoordeeld\)/);
    // Gemeenten outside the region are drawn for orientation only.
    expect(await kaderMapPath(page, 'GM0599').getAttribute('data-status')).toBe('outside');
    await page.getByTestId('coverage-table').waitFor();
    await expectNoWcagViolations(page, 'the monitoring dashboard of a ketenregisseur');

    // Bulk entry: every basis criterion "voldoet" for all gemeenten of the region at once.
    await page.getByRole('link', { name: `Kader-status invoeren voor ${OWN_REGION}` }).click();
    await heading(page, `Kader-beoordeling ${OWN_REGION}`).waitFor();
    const bulkForm = page.locator('form.ketenkaart-assessment-form');
    await bulkForm.waitFor();
    const members = await page.getByTestId('region-municipalities').locator('tbody tr').count();
    expect(members).toBeGreaterThan(1);
    expect(await chooseForAll(bulkForm, /· basis/, 'Voldoet')).toBeGreaterThanOrEqual(5);
    await expectNoWcagViolations(page, 'the region assessment form');
    await bulkForm.getByRole('button', { name: `Opslaan voor alle ${members} gemeenten` }).click();
    await page.getByText(`De beoordeling is opgeslagen voor ${members} gemeenten`).waitFor();
    await eventually(async () =>
      expect(
        await page.getByTestId('region-municipalities').locator('tr[data-status="voldoet"]').count(),
      ).toBe(members),
    );

    // One gemeente: Amsterdam falls short on its policy basis; a wrong evidence link is refused first.
    await page
      .getByTestId('region-municipalities')
      .getByRole('link', { name: 'Amsterdam', exact: true })
      .click();
    await heading(page, 'Kader-beoordeling Amsterdam').waitFor();
    await page.getByTestId('af-check').getByText('Getraind en met genoeg tijd').waitFor();
    const form = page.locator('form.ketenkaart-assessment-form');
    const bb1 = form.locator('fieldset[data-criterion="BB-1"]');
    expect(await bb1.getByRole('radio', { name: 'Voldoet', exact: true }).isChecked()).toBe(true);
    await bb1.getByRole('radio', { name: 'Voldoet niet', exact: true }).check();
    await bb1.getByLabel('Bewijs bij BB-1 (link)').fill('beleid van 2024');
    await form.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'moet een link zijn' });
    await summary.waitFor();
    await expectNoWcagViolations(page, 'the gemeente assessment form with an error');
    await bb1.getByLabel('Bewijs bij BB-1 (link)').fill('https://lokaleregelgeving.overheid.nl/CVDR123456');
    await form.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await page.getByText(`De beoordeling van Amsterdam voor ${PERIOD} is opgeslagen`).waitFor();
    await eventually(async () =>
      expect(await page.getByTestId('derived-status').innerText()).toMatch(/Voldoet niet aan de basis/),
    );
    // Adopted policy as evidence: a small form beside the assessment.
    const policy = page.getByTestId('policy-documents');
    await policy.getByText('Er is nog geen vastgesteld beleid vastgelegd.').waitFor();
    await policy.getByLabel('Titel', { exact: true }).fill('Beleidskader aanpak mensenhandel 2025–2028');
    await policy
      .getByLabel('Link naar de vastgestelde tekst')
      .fill('https://lokaleregelgeving.overheid.nl/CVDR700000');
    await policy.getByLabel('Vastgesteld op').fill('2025-03-01');
    await policy.getByLabel('Seksuele uitbuiting').check();
    await policy.getByLabel('Arbeidsuitbuiting').check();
    await policy.getByRole('button', { name: 'Beleidsdocument opslaan' }).click();
    await policy.getByText('“Beleidskader aanpak mensenhandel 2025–2028” is vastgelegd.').waitFor();
    const policyRow = policy.getByRole('row', { name: /Beleidskader aanpak mensenhandel/ });
    await policyRow.waitFor();
    expect(await policyRow.innerText()).toMatch(/Seksuele uitbuiting, Arbeidsuitbuiting/);
    await expectNoWcagViolations(page, 'the gemeente assessment form');

    // Back on the dashboard the map and the table show the change.
    await page.getByRole('link', { name: 'Terug naar het dashboard' }).click();
    await heading(page, 'Monitoring doelen 2026').waitFor();
    await eventually(async () =>
      expect(await kaderMapPath(page, AMSTERDAM).getAttribute('data-status')).toBe('voldoet-niet'),
    );
    expect(await kaderMapPath(page, AMSTELVEEN).getAttribute('data-status')).toBe('voldoet');
    const row = await kaderTableRow(page, AMSTERDAM).innerText();
    expect(row).toMatch(/Voldoet niet aan de basis/);
    expect(row).toMatch(/Beleidsmatige basis/);
    expect(await page.getByTestId('kader-totals').innerText()).toMatch(
      new RegExp(`voldoen er ${members - 1} aan de basis van het Kader, 1 niet`),
    );
    await signOut(page);
  });

  it('shows the landelijk monitor the national overview per theme, with small hand-off counts as "<5"', async () => {
    const { page } = browser;
    await signIn(page, MONITOR);
    await page.goto(`/monitoring?periode=${PERIOD}`);
    await heading(page, 'Monitoring doelen 2026').waitFor();
    await page
      .getByRole('heading', { level: 2, name: `VNG Kader per gemeente – Heel Nederland, ${PERIOD}` })
      .waitFor();
    expect(await page.getByLabel('Regio', { exact: true }).inputValue()).toBe('');
    // Every current gemeente is on the national map and in the table.
    await eventually(async () =>
      expect(await page.getByTestId('kader-table').locator('tbody tr').count()).toBeGreaterThan(300),
    );
    expect(await kaderMapPath(page, AMSTERDAM).getAttribute('data-status')).toBe('voldoet-niet');
    expect(await kaderMapPath(page, 'GM0599').getAttribute('data-status')).toBe('onbekend');
    // Which gemeenten meet the Kader, which do not and on which theme.
    const verdicts = page.getByTestId('kader-verdicts');
    expect(await verdicts.getByTestId('verdicts-meets').innerText()).toMatch(/Amstelveen/);
    const failing = await verdicts
      .getByTestId('verdicts-fails')
      .locator(`tr[data-code="${AMSTERDAM}"]`)
      .innerText();
    expect(failing).toMatch(/Amsterdam/);
    expect(failing).toMatch(/Beleidsmatige basis \(voldoet niet\)/);
    // Per theme: the counts of each status.
    const theme = await page
      .getByRole('row', { name: /^Beleidsmatige basis/ })
      .first()
      .innerText();
    expect(theme).toMatch(/Beleidsmatige basis/);
    // Hand-off figures for the national monitor: every count below 5 is "<5".
    const figures = page.getByTestId('handoff-figures');
    await figures.waitFor();
    await figures.getByText('Aantallen onder de 5 staan er als “<5”', { exact: false }).waitFor();
    // Other journeys share the database and add hand-offs, so no single figure is fixed: each is "<5" or at least 5.
    const shown = await figures
      .locator('[data-figure]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-figure') ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    for (const value of shown) expect(value === '<5' || Number(value) >= 5).toBe(true);
    expect(shown).toContain('<5');
    expect(await figures.locator('dd').first().innerText()).toBe(
      shown[0] === '<5' ? '<5' : Number(shown[0]).toLocaleString('nl-NL'),
    );
    // The trend over the half-years, as a table with bars.
    const trendRow = page.getByTestId('kader-trend').locator(`tr[data-period="${PERIOD}"]`);
    await trendRow.waitFor();
    expect(await trendRow.locator('td').first().innerText()).toMatch(/^\d+$/);
    // Choosing a region puts it in the URL (shareable) and narrows the map.
    await page.getByLabel('Regio', { exact: true }).selectOption(regionId);
    await eventually(async () => expect(new URL(page.url()).searchParams.get('regio')).toBe(regionId));
    await page
      .getByRole('heading', { level: 2, name: `VNG Kader per gemeente – ${OWN_REGION}, ${PERIOD}` })
      .waitFor();
    await eventually(async () =>
      expect(await kaderMapPath(page, 'GM0599').getAttribute('data-status')).toBe('outside'),
    );
    await expectNoWcagViolations(page, 'the national monitoring dashboard');
  });

  it('renders the report with maps and tables and prints it on A4 pages', async () => {
    const { page } = browser;
    await page.goto(`/monitoring/rapportage?periode=${PERIOD}&regio=${regionId}`);
    await heading(page, `Tussenrapportage ${PERIOD} – ${OWN_REGION}`).waitFor();
    await eventually(async () =>
      expect(await page.locator('article.ketenkaart-report').getAttribute('data-ready')).toBe('true'),
    );
    // Three maps (Kader, ketenregisseur, zorgcoördinatie), each an image with a name.
    expect(await page.getByRole('img', { name: /^Kaart:/ }).count()).toBe(3);
    await page.getByRole('table', { name: /Gemeenten die niet aan de basis voldoen/ }).waitFor();
    await page.getByRole('table', { name: /Dekking per regio/ }).waitFor();
    await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
    // The CSV has the same rows as the page (the report endpoint, for the signed-in monitor).
    const csvHref = await page.getByRole('link', { name: 'Download CSV (gemeenten)' }).getAttribute('href');
    expect(csvHref).toBe(
      `/api/v1/monitoring/reports/kader?kind=tussenrapportage&period=${PERIOD}&format=csv&table=gemeenten&region=${regionId}`,
    );
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/Amsterdam/);
    await expectNoWcagViolations(page, 'the monitoring report');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(
      await page
        .getByRole('img', { name: /^Kaart:/ })
        .first()
        .isVisible(),
    ).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(A4.width, 0);
      expect(size.height).toBeCloseTo(A4.height, 0);
    }
    await page.emulateMedia({ media: 'screen' });

    // The yearly overview of the same year is one choice away, and is in the URL.
    await page.getByLabel('Soort rapportage').selectOption('jaaroverzicht');
    await heading(page, `Jaaroverzicht ${PERIOD.slice(0, 4)} – ${OWN_REGION}`).waitFor();
    expect(new URL(page.url()).searchParams.get('soort')).toBe('jaaroverzicht');
    await eventually(async () =>
      expect(await page.getByTestId('verdicts-fails').locator(`tr[data-code="${AMSTERDAM}"]`).count()).toBe(
        1,
      ),
    );
  });
});
