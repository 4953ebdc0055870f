import { Permission, Role } from '@ketenkaart/shared-domain';
import type { Page } from 'playwright-core';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { demoAccount } from './support/demo-accounts';
import { signIn, signOut } from './support/sign-in';

const SENDER = demoAccount(Role.zorgcoordinator); // Zorgcoördinatie Amsterdam
const RECEIVER = demoAccount(Role.ontvanger); // linked to RIEC Oost-Nederland
// 111222333 passes the BSN eleven-test: the notes must be refused at the field.
const NOTES_WITH_BSN = 'Signaal via het wijkteam over uitzendbureau; BSN 111222333 bekend bij ons.';
const CLEAN_NOTES = 'Signaal via het wijkteam; uitzendbureau met meerdere arbeidsmigranten.';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Fills the new-hand-off form for a RIEC intake on a signal in Enschede (RIEC Oost-Nederland's area). */
async function fillRiecIntake(page: Page, notes: string): Promise<void> {
  const form = page.locator('form.ketenkaart-handoff-form');
  await form.getByLabel(/^Route/).selectOption('riec-intake');
  await form.getByLabel(/^Gemeente van het signaal/).selectOption('GM0153');
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
  await form.getByLabel(/^Externe referentie/).fill('RIEC-ON-2026-42');
  await form.getByLabel(/^Notities voor de ontvanger/).fill(notes);
}

describe('Hand-offs in the portal (issue 6)', () => {
  let browser: Browser;
  let declinedReference = '';
  let acceptedReference = '';

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

  it('lets the zorgcoördinator create a hand-off to the RIEC the matrix proposes, refusing a BSN in the notes', async () => {
    const { page } = browser;
    await signIn(page, SENDER);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const navLink = nav.getByRole('link', { name: 'Overdrachten', exact: true });
    expect(await navLink.getAttribute('data-permission')).toBe(Permission.handoffInbox);

    await page.goto('/overdrachten/nieuw');
    await heading(page, 'Nieuwe overdracht').waitFor();
    await fillRiecIntake(page, NOTES_WITH_BSN);

    // The matrix proposes the RIEC of Enschede's region, pre-filled and explained.
    const proposal = page.getByTestId('handoff-proposal');
    await eventually(async () =>
      expect(await proposal.innerText()).toContain('Voorgesteld volgens wie-doet-wat: RIEC Oost-Nederland.'),
    );
    expect(await proposal.innerText()).toMatch(/Bestuurlijke aanpak in Enschede/);
    const receiver = page.getByLabel(/^Ontvangende organisatie/);
    await eventually(async () =>
      expect(await receiver.locator('option:checked').innerText()).toMatch(/^RIEC Oost-Nederland/),
    );
    expect(await receiver.getAttribute('aria-describedby')).toContain('description');
    await expectNoWcagViolations(page, 'the new hand-off form');

    // A BSN in the notes: refused at the field, with the summary focused and linking there.
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    const notes = page.getByLabel(/^Notities voor de ontvanger/);
    await eventually(async () => expect(await notes.getAttribute('aria-invalid')).toBe('true'));
    const message = page.locator('#handoff-notes-error');
    expect(await message.innerText()).toMatch(/iets dat op een BSN lijkt/);
    expect(await notes.getAttribute('aria-describedby')).toContain('handoff-notes-error');
    const summary = page.locator('.ketenkaart-error-summary');
    await eventually(async () =>
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true),
    );
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([expect.stringMatching(/BSN/)]);
    expect(page.url()).toMatch(/\/overdrachten\/nieuw$/);
    await expectNoWcagViolations(page, 'the new hand-off form with an error');

    // Without the BSN it is sent.
    await notes.fill(CLEAN_NOTES);
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    await heading(page, /^Overdracht KK-\d{4}-/).waitFor();
    await page.getByText('De overdracht is verstuurd.').first().waitFor();
    expect(await page.getByTestId('handoff-state').innerText()).toMatch(/Verstuurd/);
    declinedReference = (await heading(page, /^Overdracht KK-/).innerText()).replace('Overdracht ', '');
    expect(declinedReference).toMatch(/^KK-\d{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await page.getByTestId('handoff-timeline').innerText()).toMatch(/Verstuurd/);

    // A second one, saved as a concept first and sent from its page.
    await page.goto('/overdrachten/nieuw');
    await heading(page, 'Nieuwe overdracht').waitFor();
    await fillRiecIntake(page, CLEAN_NOTES);
    await eventually(async () =>
      expect(await receiver.locator('option:checked').innerText()).toMatch(/^RIEC Oost-Nederland/),
    );
    await page.getByRole('button', { name: 'Opslaan als concept', exact: true }).click();
    await heading(page, /^Overdracht KK-/).waitFor();
    expect(await page.getByTestId('handoff-state').innerText()).toMatch(/Concept/);
    // Resumed later: the concept opens in the form with what was saved, and the change is a timeline event.
    await page.getByRole('link', { name: 'Concept bewerken', exact: true }).click();
    await heading(page, /^Concept KK-.+ bewerken$/).waitFor();
    const reference = page.getByLabel(/^Externe referentie/);
    expect(await reference.inputValue()).toBe('RIEC-ON-2026-42');
    expect(
      await page
        .getByLabel(/^Ontvangende organisatie/)
        .locator('option:checked')
        .innerText(),
    ).toMatch(/^RIEC Oost-Nederland/);
    await reference.fill('RIEC-ON-2026-43');
    await page.getByRole('button', { name: 'Opslaan als concept', exact: true }).click();
    await heading(page, /^Overdracht KK-/).waitFor();
    await page.getByText('RIEC-ON-2026-43', { exact: true }).waitFor();
    expect(await page.getByTestId('handoff-timeline').innerText()).toMatch(
      /Bewerkt[\s\S]*gewijzigd: externalReference/,
    );
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    await eventually(async () =>
      expect(await page.getByTestId('handoff-state').innerText()).toMatch(/Verstuurd/),
    );
    acceptedReference = (await heading(page, /^Overdracht KK-/).innerText()).replace('Overdracht ', '');
    await signOut(page);
  });

  it('shows them in the RIEC inbox with counts; the ontvanger declines one in the dialog and takes up the other', async () => {
    const { page } = browser;
    await signIn(page, RECEIVER);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Overdrachten' })
      .click();
    await heading(page, 'Inbox overdrachten').waitFor();
    const counts = page.getByTestId('handoff-counts');
    await eventually(async () => {
      const text = await counts.innerText();
      const sent = /Verstuurd \((\d+)\)/.exec(text);
      expect(Number(sent?.[1] ?? 0)).toBeGreaterThanOrEqual(2);
    });
    await page.getByRole('link', { name: declinedReference, exact: true }).waitFor();
    await expectNoWcagViolations(page, 'the hand-off inbox');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await heading(page, 'Hand-off inbox').waitFor();
    expect(await counts.innerText()).toMatch(/Sent \(\d+\)/);
    await expectNoWcagViolations(page, 'the hand-off inbox (en)');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await heading(page, 'Inbox overdrachten').waitFor();
    await counts.getByRole('link', { name: /^Verstuurd/ }).click();
    await eventually(async () => expect(page.url()).toMatch(/status=verstuurd/));
    await page.getByRole('link', { name: acceptedReference, exact: true }).waitFor();

    // Decline with a coded reason and an alternative, in a modal dialog.
    await page.getByRole('link', { name: declinedReference, exact: true }).click();
    await heading(page, `Overdracht ${declinedReference}`).waitFor();
    expect(await page.getByText(CLEAN_NOTES).count()).toBe(1);
    await expectNoWcagViolations(page, 'the hand-off page (receiver)');
    await page.getByRole('button', { name: 'Afwijzen…' }).click();
    const dialog = page.getByRole('dialog', { name: `Overdracht ${declinedReference} afwijzen` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await dialog.getByText('Kies een reden.').first().waitFor();
    await dialog.getByText('Kies de organisatie die u voorstelt.').first().waitFor();
    await expectNoWcagViolations(page, 'the decline dialog with errors');
    await dialog
      .getByRole('group', { name: /^Reden/ })
      .getByLabel('Niet onze taak (zie wie-doet-wat)')
      .check();
    const alternative = dialog.getByLabel(/^Welke organisatie is wel de juiste/);
    await eventually(async () => expect(await alternative.locator('option').count()).toBeGreaterThan(1));
    const options = await alternative.locator('option').allInnerTexts();
    const politie = options.find((text) => /^Politie/.test(text)) ?? options[1];
    await alternative.selectOption({ label: politie });
    await dialog.getByLabel(/^Opmerking/).fill('Eerst aangifte en opsporing; daarna eventueel casusoverleg.');
    await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await page.getByText('U hebt de overdracht afgewezen.', { exact: false }).waitFor();
    const message = page.locator('.ketenkaart-handoff__message');
    await eventually(async () =>
      expect(await message.evaluate((element) => element === document.activeElement)).toBe(true),
    );
    await eventually(async () =>
      expect(await page.getByTestId('handoff-state').innerText()).toMatch(/Afgewezen/),
    );
    expect(await page.getByRole('dialog').count()).toBe(0);
    const alternativeName = politie.replace(/ \([^)]*\)$/, '');

    // Accept the other, then work it through: only the moves the state machine allows are offered.
    await page.goto('/overdrachten/inbox');
    await page.getByRole('link', { name: acceptedReference, exact: true }).click();
    await heading(page, `Overdracht ${acceptedReference}`).waitFor();
    const actions = page.getByRole('region', { name: 'Wat kunt u doen?' });
    expect(await actions.getByRole('button').allInnerTexts()).toEqual([
      'Accepteren',
      'Afwijzen…',
      'Doorsturen…',
    ]);
    // Meanwhile a colleague accepts it (same session, straight through the API): the page still holds the
    // old version, so its "Accepteren" gets 409, explains, and shows the newest version.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const current = await page.request.get(`/api/v1/handoffs/${id}`);
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'kk_csrf')?.value ?? '';
    const colleague = await page.request.post(`/api/v1/handoffs/${id}/transitions`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { transition: 'accept', version: (await current.json()).version },
    });
    expect(colleague.status()).toBe(200);
    await actions.getByRole('button', { name: 'Accepteren', exact: true }).click();
    await page.getByText(/Iemand anders heeft deze overdracht intussen gewijzigd/).waitFor();
    await eventually(async () =>
      expect(await page.getByTestId('handoff-state').innerText()).toMatch(/Geaccepteerd/),
    );
    expect(await actions.getByRole('button').allInnerTexts()).toEqual([
      'In behandeling nemen',
      'Doorsturen…',
    ]);
    await actions.getByRole('button', { name: 'In behandeling nemen', exact: true }).click();
    await eventually(async () =>
      expect(await page.getByTestId('handoff-state').innerText()).toMatch(/In behandeling/),
    );
    expect(await page.getByTestId('handoff-timeline').innerText()).toMatch(
      /Geaccepteerd[\s\S]*Verstuurd → Geaccepteerd[\s\S]*In behandeling genomen/,
    );
    await expectNoWcagViolations(page, 'the hand-off page after accepting');
    await signOut(page);

    // The sender sees the new statuses in the outbox and the reason with the alternative in the timeline.
    await signIn(page, SENDER);
    await page.goto('/overdrachten/verstuurd');
    await heading(page, 'Verstuurde overdrachten').waitFor();
    const declinedRow = page.getByRole('row', { name: new RegExp(declinedReference) });
    await eventually(async () => expect(await declinedRow.innerText()).toMatch(/Afgewezen/));
    expect(await page.getByRole('row', { name: new RegExp(acceptedReference) }).innerText()).toMatch(
      /In behandeling/,
    );
    await declinedRow.getByRole('link', { name: declinedReference }).click();
    await heading(page, `Overdracht ${declinedReference}`).waitFor();
    const timeline = page.getByTestId('handoff-timeline');
    await eventually(async () => {
      const text = await timeline.innerText();
      expect(text).toMatch(/Afgewezen/);
      expect(text).toMatch(/reden: Niet onze taak/);
      expect(text).toContain(`voorgesteld: ${alternativeName}`);
    });
    expect(await page.getByRole('region', { name: 'Wat kunt u doen?' }).count()).toBe(0);
  });
});
