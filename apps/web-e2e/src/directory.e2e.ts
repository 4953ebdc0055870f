import { expectNoWcagViolations } from './support/axe';
import type { Page } from 'playwright-core';
import { type Browser, eventually, openBrowser } from './support/browser';
import { getJson } from './support/regions-page';
import { nextTotpCode } from './support/totp';

/**
 * The Sociale kaart as issue 3 says a new user tries it: find "politie" in a gemeente by typing a
 * misspelled name; open a region's chain and see a vacancy; sign in, edit an entry and see the diff.
 * Every page is checked with axe (Dutch), and one in English at the end (the language sticks to the profile).
 */

interface ChainSummary {
  roles: { functionType: string; label: string; status: string }[];
  summary: { vacantRoles: number };
}

const BEHEERDER = {
  email: 'beheerder@demo.ketenkaart.nl',
  password: 'Demo-Beheerder-2026!',
  totpSecret: 'KKDEMOBEHEERDERAAAAAAAAAAAAAAAAA',
};

/** Signs in as the demo beheerder through the API (password, then TOTP), unless a session is already complete. */
async function signInAsBeheerder(page: Page): Promise<void> {
  await page.goto('/sociale-kaart');
  const stage = await page.evaluate(async () => {
    const response = await fetch('/api/v1/auth/session', { headers: { Accept: 'application/json' } });
    const session = (await response.json()) as { authenticated?: boolean; stage?: string };
    return session.authenticated ? session.stage : undefined;
  });
  if (stage === 'complete') return;
  const signedIn = await page.evaluate(
    async ({ email, password, code }) => {
      const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
      const first = await fetch('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, password }),
      });
      if (!first.ok) return `sign-in ${first.status}`;
      const csrf = /(?:^|; )kk_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const second = await fetch('/api/v1/auth/sign-in/totp', {
        method: 'POST',
        headers: { ...json, 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify({ code }),
      });
      return second.ok ? 'ok' : `totp ${second.status}: ${await second.text()}`;
    },
    { email: BEHEERDER.email, password: BEHEERDER.password, code: nextTotpCode(BEHEERDER.totpSecret) },
  );
  expect(signedIn).toBe('ok');
}

describe('Sociale kaart', () => {
  let browser: Browser;

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

  it('finds the police in Amsterdam from a misspelled search, with filters in the URL', async () => {
    const { page } = browser;
    await page.goto('/sociale-kaart');
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await expectNoWcagViolations(page, '/sociale-kaart (nl)');

    await page.getByLabel('Zoekterm').fill('plitie');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Amsterdam' });

    const result = page.getByRole('link', { name: 'Politie eenheid Amsterdam (AVIM)' });
    await result.waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('plitie');
    expect(url.searchParams.get('gemeente')).toBe('GM0363');
    await eventually(async () =>
      expect(await page.getByRole('status').first().textContent()).toMatch(/resultaat/),
    );
    await expectNoWcagViolations(page, '/sociale-kaart?q=plitie&gemeente=GM0363 (nl)');

    await result.click();
    await page.getByRole('heading', { level: 1, name: 'Politie eenheid Amsterdam (AVIM)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Contactpunten' }).waitFor();
    expect(await page.getByText('Laatst geverifieerd').count()).toBeGreaterThan(0);
    await expectNoWcagViolations(page, 'organisation page (nl)');
  });

  it('shows a region’s whole chain with a vacancy flagged in text', async () => {
    const { page } = browser;
    const regions = await getJson<{ items: { id: string; name: string }[] }>(
      '/api/v1/regions?type=veiligheidsregio&pageSize=100',
    );
    let chosen: { id: string; name: string; vacantLabel: string } | undefined;
    for (const region of regions.items) {
      const chain = await getJson<ChainSummary>(`/api/v1/regions/${region.id}/chain`);
      const vacant = chain.roles.find((role) => role.status === 'vacant');
      if (vacant) {
        chosen = { id: region.id, name: region.name, vacantLabel: vacant.label };
        break;
      }
    }
    if (!chosen) throw new Error('the demo seed has no veiligheidsregio with a vacant function');

    await page.goto(`/regios/${chosen.id}`);
    await page.getByRole('heading', { level: 1, name: `Keten in ${chosen.name}` }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(`^${chosen.vacantLabel}\\b`) });
    await eventually(async () => expect(await row.first().textContent()).toContain('Vacant'));
    await expectNoWcagViolations(page, `/regios/${chosen.id} (nl)`);

    await page.goto('/gemeenten/GM0363');
    await page.getByRole('heading', { level: 1, name: 'Keten in gemeente Amsterdam' }).waitFor();
    await expectNoWcagViolations(page, '/gemeenten/GM0363 (nl)');
  });

  it('is reachable from the Regio’s map panel', async () => {
    const { page } = browser;
    await page.goto('/regios?gemeente=GM0363');
    await page.getByRole('link', { name: /Wie doet wat in Amsterdam/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Keten in gemeente Amsterdam' }).waitFor();
  });

  it('lets a signed-in beheerder edit an organisation and see the change as a diff', async () => {
    const { page } = browser;
    await signInAsBeheerder(page);

    const found = await getJson<{ items: { id: string; name: string }[] }>(
      '/api/v1/organisations?q=Veilig%20Thuis%20Amsterdam&pageSize=1',
    );
    const organisation = found.items[0]!;
    await page.goto(`/organisaties/${organisation.id}`);
    await page.getByRole('heading', { level: 1, name: organisation.name }).waitFor();
    await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `${organisation.name} bewerken` }).waitFor();
    await expectNoWcagViolations(page, 'organisation edit form (nl)');

    // Inline validation mirrors the API's rules: a bad website is refused before sending.
    const website = page.getByLabel('Website', { exact: false });
    await website.fill('geen-url');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('link', { name: /Vul bij website een webadres in/ }).waitFor();
    await expectNoWcagViolations(page, 'organisation edit form with errors (nl)');
    await website.fill('https://www.veiligthuis.nl');

    const description =
      'Advies- en meldpunt huiselijk geweld en kindermishandeling (gewijzigd in de browsertest).';
    await page.getByLabel('Omschrijving').fill(description);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: organisation.name }).waitFor();
    await page.getByText(description).waitFor();

    await page.getByRole('link', { name: 'Geschiedenis', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Geschiedenis van ${organisation.name}` }).waitFor();
    const diffRow = page.getByRole('row', { name: /^omschrijving/ }).first();
    await eventually(async () => expect(await diffRow.textContent()).toContain(description));
    await page
      .getByRole('button', { name: /Versie \d+ terugzetten/ })
      .first()
      .waitFor();
    await expectNoWcagViolations(page, 'history (nl)');
  });

  it('imports a CSV only when every row is valid, naming the bad row and column', async () => {
    const { page } = browser;
    await signInAsBeheerder(page);
    const stamp = Date.now().toString(36);
    const names = [`Importtest Opvang ${stamp}`, `Importtest Steunpunt ${stamp}`];
    const csv = (secondType: string) =>
      [
        'sleutel;naam;type;website',
        `E2E-${stamp}-1;${names[0]};opvang;https://www.voorbeeld.nl`,
        `E2E-${stamp}-2;${names[1]};${secondType};`,
      ].join('\n');
    const imported = async () => {
      const found = await getJson<{ items: { name: string }[] }>(
        `/api/v1/organisations?q=${encodeURIComponent(`Importtest ${stamp}`)}&pageSize=50`,
      );
      return found.items.filter((item) => names.includes(item.name)).map((item) => item.name);
    };

    await page.goto('/sociale-kaart');
    await page.getByRole('link', { name: 'Importeren (CSV)' }).click();
    await page.getByRole('heading', { level: 1, name: 'CSV importeren' }).waitFor();
    await expectNoWcagViolations(page, '/sociale-kaart/importeren (nl)');

    const file = page.getByLabel('CSV-bestand');
    await page.getByLabel('Organisaties', { exact: true }).check();
    await file.setInputFiles({
      name: 'fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv('onbekend')),
    });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    const errorTable = page.getByRole('table', { name: 'Fouten per rij en kolom' });
    await errorTable.waitFor();
    const badRow = errorTable.getByRole('row', { name: /^3\b/ });
    await eventually(async () => expect(await badRow.first().textContent()).toMatch(/type/));
    await page.getByText('Er is niets geïmporteerd').waitFor();
    await expectNoWcagViolations(page, 'import with row errors (nl)');

    // Nothing of the file was imported, not even the valid row.
    expect(await imported()).toEqual([]);
    await page.goto(`/sociale-kaart?q=${encodeURIComponent(`Importtest ${stamp}`)}`);
    await eventually(async () =>
      expect(await page.getByRole('status').first().textContent()).toMatch(/resulta|Niets gevonden/),
    );
    for (const name of names) expect(await page.getByRole('link', { name }).count()).toBe(0);

    await page.goto('/sociale-kaart/importeren');
    await page.getByRole('heading', { level: 1, name: 'CSV importeren' }).waitFor();
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles({ name: 'goed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('ngo')) });
    await page.getByRole('button', { name: 'Controleren', exact: true }).click();
    await page.getByText('Het bestand is in orde: 2 rijen gecontroleerd').waitFor();
    expect(await imported()).toEqual([]);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('2 rijen met organisaties geïmporteerd').waitFor();
    await expectNoWcagViolations(page, 'import succeeded (nl)');
    await eventually(async () => expect((await imported()).sort()).toEqual([...names].sort()));
  });

  it('has no WCAG A/AA violations in English', async () => {
    const { page } = browser;
    await page.goto('/sociale-kaart?q=politie');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Social map' }).waitFor();
    await eventually(async () => expect(await page.getAttribute('html', 'lang')).toMatch(/^en\b/));
    await expectNoWcagViolations(page, '/sociale-kaart (en)');
  });
});
