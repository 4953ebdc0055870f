import { createHmac } from 'node:crypto';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { getJson } from './support/regions-page';

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

/** RFC 6238 code of a base32 secret, as the authenticator app of the demo beheerder would show it. */
function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '')) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const digest = createHmac('sha1', key).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return ((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
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
    await page.goto('/sociale-kaart');
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
      { email: BEHEERDER.email, password: BEHEERDER.password, code: totp(BEHEERDER.totpSecret) },
    );
    expect(signedIn).toBe('ok');

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

  it('has no WCAG A/AA violations in English', async () => {
    const { page } = browser;
    await page.goto('/sociale-kaart?q=politie');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Social map' }).waitFor();
    await eventually(async () => expect(await page.getAttribute('html', 'lang')).toMatch(/^en\b/));
    await expectNoWcagViolations(page, '/sociale-kaart (en)');
  });
});
