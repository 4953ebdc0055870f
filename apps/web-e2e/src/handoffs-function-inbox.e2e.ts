import { Role } from '@ketenkaart/shared-domain';
import type { Page } from 'playwright-core';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { type DemoAccount, demoAccount } from './support/demo-accounts';
import { signIn, signOut } from './support/sign-in';

const SENDER = demoAccount(Role.zorgcoordinator); // Zorgcoördinatie Amsterdam
/** Role ontvanger only (handoff.inbox, no handoff.write), linked to RIEC Oost-Nederland. */
const RECEIVER = demoAccount(Role.ontvanger);
/** The second zorgcoördinator demo account (apps/api/src/auth/demo-accounts.seeder.ts), linked to Zorgcoördinatie Mensenhandel Twente. */
const TWENTE: DemoAccount = {
  role: Role.zorgcoordinator,
  email: 'zorgcoordinator-twente@demo.ketenkaart.nl',
  password: 'Demo-Zorgcoordinator-Twente-2026!',
  displayName: 'Demo Zorgcoördinator Twente',
  totpSecret: 'KKDEMOZORGCOORDINATORTWENTEAAAAA',
};
const NOTES = 'Verhuist naar Twente; opvangplek via de centrumgemeente geregeld.';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A week ago in the Netherlands, as the date input wants it (consent must not lie in the future). */
function aWeekAgo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() - 7 * 86_400_000),
  );
}

describe('Hand-offs to a function inbox (issue 6)', () => {
  let browser: Browser;
  let reference = '';

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

  it('lets the zorgcoördinator send to "Zorgcoördinator · Twente" without knowing the organisation', async () => {
    const { page } = browser;
    await signIn(page, SENDER);
    await page.goto('/overdrachten/nieuw');
    await heading(page, 'Nieuwe overdracht').waitFor();
    const form = page.locator('form.ketenkaart-handoff-form');
    await form.getByLabel(/^Route/).selectOption('regio-overdracht');
    await form.getByLabel(/^Gemeente van het signaal/).selectOption('GM0153');

    // The choice: an organisation (default) or a function in a region.
    const kind = form.getByRole('group', { name: /^Versturen aan/ });
    expect(await kind.getByLabel('Een organisatie', { exact: true }).isChecked()).toBe(true);
    await eventually(async () =>
      expect(await page.getByTestId('handoff-proposal').innerText()).toContain(
        'Kies dan ‘Een functie in een regio’: Zorgcoördinator · Twente.',
      ),
    );
    await kind.getByLabel(/^Een functie in een regio/).check();
    const region = form.getByLabel(/^Regio/);
    const functionSelect = form.getByLabel(/^Functie/);
    expect(await form.getByLabel(/^Ontvangende organisatie/).count()).toBe(0);

    // Wie-doet-wat proposes the zorgcoördinator of Enschede's veiligheidsregio, pre-filled, with its holder.
    const explanation = page.getByTestId('handoff-inbox-proposal');
    await eventually(async () =>
      expect(await explanation.innerText()).toContain(
        'Voorgesteld volgens wie-doet-wat: Zorgcoördinator · Twente (vervuld door Zorgcoördinatie Mensenhandel Twente).',
      ),
    );
    await eventually(async () => expect(await region.locator('option:checked').innerText()).toBe('Twente'));
    expect(await functionSelect.locator('option:checked').innerText()).toBe(
      'Zorgcoördinator — Zorgcoördinatie Mensenhandel Twente',
    );
    expect(await region.locator('optgroup').count()).toBeGreaterThan(1);
    await expectNoWcagViolations(page, 'the new hand-off form, to a function inbox');

    // A function nobody holds in the region: said at the field at once, and the form does not send.
    await region.selectOption({ label: 'Noord- en Oost-Gelderland' });
    expect(await functionSelect.locator('option:checked').innerText()).toBe(
      'Zorgcoördinator — niemand in deze regio',
    );
    const unheld = page.locator('#handoff-receiver-inbox-functionType-error');
    await eventually(async () =>
      expect(await unheld.innerText()).toContain(
        'Niemand vervult de functie Zorgcoördinator in Noord- en Oost-Gelderland',
      ),
    );
    expect(await functionSelect.getAttribute('aria-invalid')).toBe('true');
    expect(await functionSelect.getAttribute('aria-describedby')).toContain(
      'handoff-receiver-inbox-functionType-error',
    );
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    const summary = page.locator('.ketenkaart-error-summary');
    await eventually(async () =>
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true),
    );
    // Among the required fields still empty, the summary links to the function field with the same message.
    expect(await summary.getByRole('link').allInnerTexts()).toContainEqual(
      expect.stringMatching(/^Niemand vervult de functie Zorgcoördinator in Noord- en Oost-Gelderland/),
    );
    expect(page.url()).toMatch(/\/overdrachten\/nieuw$/);
    await expectNoWcagViolations(page, 'the new hand-off form with an unheld function inbox');

    // Back to Twente, fill in the case and send.
    await region.selectOption({ label: 'Twente' });
    await functionSelect.selectOption('zorgcoordinator');
    await eventually(async () => expect(await unheld.count()).toBe(0));
    expect(await explanation.innerText()).toContain('Ontvangen door: Zorgcoördinatie Mensenhandel Twente.');
    await form.getByLabel(/^Uitbuitingsvorm/).selectOption('seksuele-uitbuiting');
    await form.getByLabel(/^Doelgroep/).selectOption('nl-adult');
    await form
      .getByRole('group', { name: /^Minderjarig\?/ })
      .getByLabel('Nee', { exact: true })
      .check();
    await form.getByLabel(/^Leeftijdscategorie/).selectOption('24-plus');
    await form
      .getByRole('group', { name: /^Heeft de persoon schriftelijk toestemming/ })
      .getByLabel(/^Ja/)
      .check();
    await form.getByLabel(/^Datum van de toestemming/).fill(aWeekAgo());
    await form
      .getByRole('group', { name: /^Toestemming gegeven door/ })
      .getByLabel('De persoon zelf', { exact: true })
      .check();
    await form.getByLabel(/^Grondslag/).selectOption('toestemming');
    await form.getByLabel(/^Notities voor de ontvanger/).fill(NOTES);
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    await heading(page, /^Overdracht KK-\d{4}-/).waitFor();
    await page.getByText('De overdracht is verstuurd.').first().waitFor();
    reference = (await heading(page, /^Overdracht KK-/).innerText()).replace('Overdracht ', '');
    await page.getByText('Zorgcoördinator · Twente (functie-inbox)', { exact: true }).waitFor();

    // The outbox names the function inbox as the receiver.
    await page.goto('/overdrachten/verstuurd');
    await heading(page, 'Verstuurde overdrachten').waitFor();
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await eventually(async () => expect(await row.innerText()).toContain('Zorgcoördinator · Twente'));
    await signOut(page);
  });

  it('shows it in the inbox of the organisation holding the function, which accepts it', async () => {
    const { page } = browser;
    await signIn(page, TWENTE);
    await page.goto('/overdrachten/inbox');
    await heading(page, 'Inbox overdrachten').waitFor();
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await eventually(async () =>
      expect(await row.innerText()).toContain('aan functie-inbox Zorgcoördinator · Twente'),
    );
    expect(await row.innerText()).toContain('Zorgcoördinatie Mensenhandel Amsterdam-Amstelland');
    await expectNoWcagViolations(page, 'the inbox with a hand-off to a function inbox');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await heading(page, 'Hand-off inbox').waitFor();
    await eventually(async () =>
      expect(await row.innerText()).toContain('to function inbox Care coordinator · Twente'),
    );
    await row.getByRole('link', { name: reference, exact: true }).click();
    await heading(page, `Hand-off ${reference}`).waitFor();
    await page.getByText('Care coordinator · Twente (function inbox)', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await heading(page, `Overdracht ${reference}`).waitFor();
    await page.getByText('Zorgcoördinator · Twente (functie-inbox)', { exact: true }).waitFor();
    expect(await page.getByText(NOTES).count()).toBe(1);
    await expectNoWcagViolations(page, 'the hand-off page (holder of the function inbox)');
    await page
      .getByRole('region', { name: 'Wat kunt u doen?' })
      .getByRole('button', { name: 'Accepteren', exact: true })
      .click();
    await eventually(async () =>
      expect(await page.getByTestId('handoff-state').innerText()).toMatch(/Geaccepteerd/),
    );
    await signOut(page);
  });
  it('lets the ontvanger forward a hand-off to a function inbox in the dialog', async () => {
    const { page } = browser;
    // Amsterdam sends a RIEC intake on a signal in Enschede to RIEC Oost-Nederland (the matrix proposes it).
    await signIn(page, SENDER);
    await page.goto('/overdrachten/nieuw');
    await heading(page, 'Nieuwe overdracht').waitFor();
    const form = page.locator('form.ketenkaart-handoff-form');
    await form.getByLabel(/^Route/).selectOption('riec-intake');
    await form.getByLabel(/^Gemeente van het signaal/).selectOption('GM0153');
    const receiver = form.getByLabel(/^Ontvangende organisatie/);
    await eventually(async () =>
      expect(await receiver.locator('option:checked').innerText()).toMatch(/^RIEC Oost-Nederland/),
    );
    await form.getByLabel(/^Uitbuitingsvorm/).selectOption('arbeidsuitbuiting');
    await form.getByLabel(/^Doelgroep/).selectOption('eu-adult');
    await form
      .getByRole('group', { name: /^Minderjarig\?/ })
      .getByLabel('Nee', { exact: true })
      .check();
    await form.getByLabel(/^Leeftijdscategorie/).selectOption('24-plus');
    await form
      .getByRole('group', { name: /^Heeft de persoon schriftelijk toestemming/ })
      .getByLabel(/^Nee/)
      .check();
    await form.getByLabel(/^Grondslag/).selectOption('riec-convenant');
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    await heading(page, /^Overdracht KK-\d{4}-/).waitFor();
    await page.getByText('De overdracht is verstuurd.').first().waitFor();
    const sentReference = (await heading(page, /^Overdracht KK-/).innerText()).replace('Overdracht ', '');
    const sentPath = new URL(page.url()).pathname;
    await signOut(page);

    // The ontvanger (no handoff.write) forwards it to the zorgcoördinator of Twente without knowing who that is.
    await signIn(page, RECEIVER);
    await page.goto(sentPath);
    await heading(page, `Overdracht ${sentReference}`).waitFor();
    await page.getByRole('button', { name: 'Doorsturen…' }).click();
    const dialog = page.getByRole('dialog', { name: `Overdracht ${sentReference} doorsturen` });
    await dialog.waitFor();
    const kind = dialog.getByRole('group', { name: /^Nieuwe ontvanger/ });
    expect(await kind.getByLabel('Een organisatie', { exact: true }).isChecked()).toBe(true);
    await dialog.getByLabel(/^Doorsturen naar/).waitFor();
    await kind.getByLabel(/^Een functie in een regio/).check();
    expect(await dialog.getByLabel(/^Doorsturen naar/).count()).toBe(0);
    const region = dialog.getByLabel(/^Regio/);
    const functionSelect = dialog.getByLabel(/^Functie/);

    // Nothing chosen: both fields say so, the summary is focused and links to them.
    await dialog.getByRole('button', { name: 'Doorsturen', exact: true }).click();
    const summary = dialog.locator('.ketenkaart-error-summary');
    await eventually(async () =>
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true),
    );
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Kies de regio van de functie-inbox.',
      'Kies de functie waarnaar u doorstuurt.',
    ]);
    expect(await region.getAttribute('aria-invalid')).toBe('true');
    await expectNoWcagViolations(page, 'the forward dialog, to a function inbox, with errors');

    // A function nobody holds in the region: said at the field at once.
    await eventually(async () => expect(await region.locator('optgroup').count()).toBeGreaterThan(1));
    await region.selectOption({ label: 'Noord- en Oost-Gelderland' });
    await functionSelect.selectOption('zorgcoordinator');
    const unheld = page.locator('#handoff-forward-forwardTo-inbox-functionType-error');
    await eventually(async () =>
      expect(await unheld.innerText()).toContain(
        'Niemand vervult de functie Zorgcoördinator in Noord- en Oost-Gelderland',
      ),
    );
    expect(await functionSelect.getAttribute('aria-describedby')).toContain(
      'handoff-forward-forwardTo-inbox-functionType-error',
    );

    await region.selectOption({ label: 'Twente' });
    await eventually(async () =>
      expect(await functionSelect.locator('option:checked').innerText()).toBe(
        'Zorgcoördinator — Zorgcoördinatie Mensenhandel Twente',
      ),
    );
    await eventually(async () => expect(await unheld.count()).toBe(0));
    await dialog.getByLabel(/^Opmerking/).fill('Casus past beter bij de zorgcoördinatie in de regio.');
    await expectNoWcagViolations(page, 'the forward dialog, to a function inbox');
    await dialog.getByRole('button', { name: 'Doorsturen', exact: true }).click();
    await page.getByText('De overdracht is doorgestuurd.').first().waitFor();
    await eventually(async () =>
      expect(await page.getByTestId('handoff-state').innerText()).toMatch(/Doorgestuurd/),
    );
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByText('Doorgestuurd als', { exact: true }).waitFor();
    await signOut(page);
  });

  it('shows the forwarded hand-off in the inbox of the organisation holding the function', async () => {
    const { page } = browser;
    await signIn(page, TWENTE);
    await page.goto('/overdrachten/inbox');
    await heading(page, 'Inbox overdrachten').waitFor();
    // The new, linked hand-off: from RIEC Oost-Nederland to the function inbox.
    const row = page
      .getByRole('row')
      .filter({ hasText: 'RIEC Oost-Nederland' })
      .filter({ hasText: 'aan functie-inbox Zorgcoördinator · Twente' })
      .first();
    await row.waitFor();
    await row.getByRole('link', { name: /^KK-\d{4}-/ }).click();
    await heading(page, /^Overdracht KK-/).waitFor();
    await page.getByText('Doorgestuurd vanuit', { exact: true }).waitFor();
    await page.getByText('Zorgcoördinator · Twente (functie-inbox)', { exact: true }).waitFor();
    await signOut(page);
  });
});
