import { Role } from '@ketenkaart/shared-domain';
import type { Page } from 'playwright-core';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { demoAccount } from './support/demo-accounts';
import { getJson } from './support/regions-page';
import { nextTotpCode } from './support/totp';

const KETENREGISSEUR = demoAccount(Role.ketenregisseur);
const OWN_REGION = 'Ketenregie Amsterdam-Amstelland (demo)';

/** Signs in as the demo ketenregisseur through the sign-in page, answering the second factor. */
async function signIn(page: Page): Promise<void> {
  await page.goto('/inloggen');
  await page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }).waitFor();
  await page.getByLabel('E-mailadres', { exact: true }).fill(KETENREGISSEUR.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(KETENREGISSEUR.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie', exact: true }).waitFor();
  await page
    .getByLabel('Code uit de authenticator-app', { exact: true })
    .fill(nextTotpCode(KETENREGISSEUR.totpSecret!));
  await page.getByRole('button', { name: 'Doorgaan', exact: true }).click();
  await page.getByText(`Ingelogd als ${KETENREGISSEUR.displayName}`, { exact: true }).waitFor();
}

async function ownRegionId(): Promise<string> {
  const regions = await getJson<{ items: { id: string; name: string }[] }>(
    '/api/v1/regions?type=ketenregie&pageSize=100',
  );
  const region = regions.items.find((item) => item.name === OWN_REGION);
  if (!region) throw new Error(`no region named ${OWN_REGION}`);
  return region.id;
}

describe('Wie doet wat (issue 5)', () => {
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

  it('shows the matrix as an accessible table with levels in text, filters and a CSV export', async () => {
    const { page } = browser;
    await page.goto('/wie-doet-wat?doelgroep=minor&vorm=criminele-uitbuiting');
    await page.getByRole('heading', { level: 1, name: 'Wie doet wat' }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    await page.getByRole('columnheader', { name: 'Gemeente' }).waitFor();
    const opvangRow = page.getByRole('row', { name: /^Opvang/ });
    // Levels read as text (not colour only): the gemeente leads opvang for minors, COSM explicitly not.
    await eventually(async () => expect(await opvangRow.innerText()).toMatch(/Verantwoordelijk \(L\)/));
    expect(await opvangRow.innerText()).toMatch(/Niet verantwoordelijk/);
    expect(await page.getByLabel('Doelgroep').inputValue()).toBe('minor');
    const csv = await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href');
    expect(csv).toBe('/api/v1/responsibilities/export?format=csv');
    await expectNoWcagViolations(page, 'wie doet wat');
  });

  it('answers "Wie moet ik bellen?" for a minor victim of criminal exploitation in Amsterdam, reached from the Regio’s page', async () => {
    const { page } = browser;
    await page.goto('/regios?gemeente=GM0363');
    const link = page.getByRole('link', { name: 'Wie moet ik bellen in Amsterdam?' });
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Wie moet ik bellen?' }).waitFor();
    await eventually(async () => expect(await page.getByLabel('Gemeente').inputValue()).toBe('GM0363'));
    const answer = page.getByRole('heading', { level: 2, name: 'Opvang in Amsterdam' });
    // The wizard may still be settling (gemeente prefilled from the link) when the first choices are made:
    // choose again until the answer shows.
    await eventually(async () => {
      await page.getByLabel('Uitbuitingsvorm').selectOption('criminele-uitbuiting');
      await page.getByLabel('Doelgroep').selectOption('minor');
      await page.getByLabel('Wat is er nodig?').selectOption('opvang');
      await page.getByRole('button', { name: 'Toon wie ik moet bellen' }).click();
      await answer.waitFor({ timeout: 5_000 });
    }, 45_000);
    const responsible = page.locator('.ketenkaart-lookup__group--responsible');
    await eventually(async () => {
      const text = await responsible.innerText();
      expect(text).toMatch(/Gemeente Amsterdam/);
      expect(text).toMatch(/Bron: Jeugdwet/);
    });
    const notResponsible = page.locator('.ketenkaart-lookup__group--notResponsible');
    expect(await notResponsible.innerText()).toMatch(/COSM/);
    expect(new URL(page.url()).searchParams.get('gm')).toBe('GM0363');
    await expectNoWcagViolations(page, 'wie moet ik bellen');
    const api = await getJson<{ responsible: { organisationType: string }[] }>(
      '/api/v1/responsibilities/lookup?gm=GM0363&form=criminele-uitbuiting&targetGroup=minor&need=opvang',
    );
    expect(api.responsible.map((entry) => entry.organisationType)).toEqual(['gemeente']);
  });

  it('lets the ketenregisseur propose an agreement that counts only after approval, then shows it as a diff', async () => {
    const { page } = browser;
    const regionId = await ownRegionId();
    const matrixUrl = `/wie-doet-wat?regio=${regionId}&vorm=criminele-uitbuiting&doelgroep=minor`;
    await signIn(page);
    await page.goto(matrixUrl);
    await page.getByRole('heading', { level: 1, name: 'Wie doet wat' }).waitFor();
    await page.getByRole('table').waitFor();

    // The cell "Opvang" × "Vrouwen-/maatschappelijke opvang": explicitly not responsible nationally.
    const headers = await page.getByRole('columnheader').allInnerTexts();
    const column = headers.findIndex((text) => text.trim() === 'Vrouwen-/maatschappelijke opvang');
    expect(column).toBeGreaterThan(0);
    const cell = page
      .getByRole('row', { name: /^Opvang/ })
      .getByRole('cell')
      .nth(column - 1);
    await eventually(async () => expect(await cell.innerText()).toMatch(/Niet verantwoordelijk/));

    const propose = page.getByRole('region', { name: `Regionale afspraak voorstellen voor ${OWN_REGION}` });
    await propose.getByLabel('Taak', { exact: true }).selectOption('opvang');
    await propose.getByLabel('Organisatietype', { exact: true }).selectOption('opvang');
    // Name the concrete organisation that fills the role here: one of the region's opvang organisations.
    const organisationSelect = propose.getByLabel(/^Organisatie die de rol/);
    await eventually(async () =>
      expect(await organisationSelect.locator('option').count()).toBeGreaterThan(1),
    );
    const organisationName = (await organisationSelect.locator('option').nth(1).innerText()).trim();
    await organisationSelect.selectOption({ index: 1 });
    await propose.getByLabel('Uitbuitingsvorm', { exact: true }).selectOption('criminele-uitbuiting');
    await propose.getByLabel('Doelgroep', { exact: true }).selectOption('minor');
    await propose.getByLabel('Niveau', { exact: true }).selectOption('contributes');
    await propose
      .getByLabel('Toelichting', { exact: true })
      .fill('De opvangorganisatie biedt in deze regio crisisopvang voor minderjarigen.');
    await propose.getByLabel(/^Bron/).fill('Verslag ketenoverleg Amsterdam-Amstelland');
    await propose.getByRole('button', { name: 'Voorstel indienen' }).click();
    await propose.getByText('Het voorstel is ingediend en wacht op goedkeuring.').waitFor();

    // Proposed, not yet approved: the effective matrix is unchanged.
    const review = page.getByRole('region', { name: `Voorstellen en afspraken voor ${OWN_REGION}` });
    const pending = review.getByRole('listitem').filter({ hasText: 'crisisopvang voor minderjarigen' });
    await pending.waitFor();
    expect(await pending.innerText()).toMatch(/Niet verantwoordelijk[\s\S]*Draagt bij/);
    await page.reload();
    await page.getByRole('table').waitFor();
    await eventually(async () => expect(await cell.innerText()).toMatch(/Niet verantwoordelijk/));
    expect(await cell.innerText()).not.toMatch(/Regionale afspraak/);
    await expectNoWcagViolations(page, 'wie doet wat with a proposal awaiting approval');

    await pending.getByLabel(/^Toelichting bij het besluit/).fill('Akkoord in het ketenoverleg.');
    await pending.getByRole('button', { name: /^Goedkeuren/ }).click();
    await review.getByText('Het voorstel is goedgekeurd en telt nu mee in de matrix.').waitFor();

    // Approved: the matrix shows the agreement, as a diff against the national default.
    await eventually(async () => {
      const text = await cell.innerText();
      expect(text).toMatch(/Draagt bij/);
      expect(text).toMatch(/Regionale afspraak/);
    });
    await cell.locator('summary').click();
    await eventually(async () =>
      expect(await cell.innerText()).toMatch(/Landelijke standaard: Niet verantwoordelijk/),
    );
    const decided = review.getByRole('listitem').filter({ hasText: /Goedgekeurd door/ });
    await eventually(async () => expect(await decided.first().innerText()).toContain(organisationName));
    await eventually(async () => {
      const text = await decided.innerText();
      expect(text).toMatch(/Niet verantwoordelijk[\s\S]*Draagt bij/);
      expect(text).toMatch(/Goedgekeurd door Demo Ketenregisseur Amsterdam/);
    });
    const history = await review.locator('ol').innerText();
    expect(history).toMatch(/goedgekeurd door Demo Ketenregisseur Amsterdam/);
    expect(history).toMatch(/voorgesteld door Demo Ketenregisseur Amsterdam/);
    await expectNoWcagViolations(page, 'wie doet wat after approval');
  });

  it('lists the wie-doet-wat gaps on the region page, with a link to the matrix of that region', async () => {
    const { page } = browser;
    const regionId = await ownRegionId();
    await page.goto(`/regios/${regionId}`);
    await page.getByRole('heading', { level: 1, name: `Keten in ${OWN_REGION}` }).waitFor();
    const gaps = page.getByRole('region', { name: 'Knelpunten wie doet wat' });
    await gaps.waitFor();
    await eventually(async () =>
      expect(await gaps.innerText()).toMatch(
        /Geen knelpunten|geen verantwoordelijke organisatie|twee of meer verantwoordelijke|zonder actief contact/,
      ),
    );
    const api = await getJson<{ gaps: { task: string }[] }>(
      `/api/v1/regions/${regionId}/responsibility-gaps`,
    );
    if (api.gaps.length > 0) expect(await gaps.getByRole('listitem').count()).toBe(api.gaps.length);
    const link = gaps.getByRole('link', { name: `Bekijk wie doet wat in ${OWN_REGION}` });
    expect(await link.getAttribute('href')).toBe(`/wie-doet-wat?regio=${regionId}`);
    await expectNoWcagViolations(page, 'region page with the gaps section');
  });
});
