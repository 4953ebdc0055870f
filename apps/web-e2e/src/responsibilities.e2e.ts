import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { getJson } from './support/regions-page';

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
    await page.getByLabel('Uitbuitingsvorm').selectOption('criminele-uitbuiting');
    await page.getByLabel('Doelgroep').selectOption('minor');
    await page.getByLabel('Wat is er nodig?').selectOption('opvang');
    await page.getByRole('button', { name: 'Toon wie ik moet bellen' }).click();
    const answer = page.getByRole('heading', { level: 2, name: 'Opvang in Amsterdam' });
    await answer.waitFor({ timeout: 30_000 });
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
});
