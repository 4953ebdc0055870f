import { Role } from '@ketenkaart/shared-domain';
import type { Page } from 'playwright-core';
import { expectNoWcagViolations } from './support/axe';
import { type Browser, eventually, openBrowser } from './support/browser';
import { demoAccount } from './support/demo-accounts';
import { signIn } from './support/sign-in';

const SENDER = demoAccount(Role.zorgcoordinator); // Zorgcoördinatie Amsterdam
const RECEIVER = demoAccount(Role.ontvanger); // linked to RIEC Oost-Nederland

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Creates and sends a RIEC intake to RIEC Oost-Nederland through the API, as the signed-in sender's browser. */
async function sendHandoffToRiecOost(page: Page): Promise<string> {
  const result = await page.evaluate(async () => {
    const csrf = decodeURIComponent(/(?:^|; )kk_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '');
    const json = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf };
    const organisations = await (
      await fetch('/api/v1/organisations?q=RIEC%20Oost-Nederland&type=riec', { headers: json })
    ).json();
    const created = await fetch('/api/v1/handoffs', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        pathCode: 'riec-intake',
        receiver: { organisationId: organisations.items[0].id },
        municipalityCode: 'GM0153',
        exploitationForm: 'arbeidsuitbuiting',
        targetGroup: 'eu-adult',
        minor: false,
        ageBand: '24-plus',
        consent: { given: false },
        legalBasis: 'riec-convenant',
      }),
    });
    if (!created.ok) return { error: `create ${created.status}: ${await created.text()}` };
    const handoff = await created.json();
    const sent = await fetch(`/api/v1/handoffs/${handoff.id}/transitions`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ transition: 'send', version: handoff.version }),
    });
    if (!sent.ok) return { error: `send ${sent.status}: ${await sent.text()}` };
    return { caseReference: handoff.caseReference as string };
  });
  if (!('caseReference' in result)) throw new Error(result.error);
  return result.caseReference!;
}

describe('Notifications (issue 6)', () => {
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

  it('shows the receiver an unread badge in the header and a notifications page to read them', async () => {
    const { page } = browser;
    await signIn(page, SENDER);
    const caseReference = await sendHandoffToRiecOost(page);
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await heading(page, 'Inloggen').waitFor();

    await signIn(page, RECEIVER);
    const link = page.getByTestId('notifications-link');
    const badge = page.getByTestId('notifications-unread');
    await eventually(async () => expect(await badge.innerText()).toMatch(/^\d+\s+ongelezen$/));
    expect(await link.innerText()).toMatch(/^Meldingen/);
    await link.click();
    await heading(page, 'Meldingen').waitFor();
    const row = page.getByRole('row').filter({ hasText: caseReference });
    await eventually(async () => expect(await row.count()).toBe(1));
    expect(await row.innerText()).toContain('Nieuwe overdracht in de inbox');
    expect(await row.getByRole('link', { name: caseReference }).getAttribute('href')).toMatch(
      /^\/overdrachten\/[0-9a-f-]{36}$/,
    );
    await expectNoWcagViolations(page, 'the notifications page');

    await row
      .getByRole('button', { name: `Markeer als gelezen: Nieuwe overdracht in de inbox (${caseReference})` })
      .click();
    await page.getByText(`Melding over ${caseReference} is gemarkeerd als gelezen.`).waitFor();
    await eventually(async () => expect(await row.innerText()).toContain('Gelezen'));

    const markAll = page.getByRole('button', { name: 'Alles als gelezen markeren', exact: true });
    if (await markAll.isVisible()) {
      await markAll.click();
      await page.getByText(/meldingen gemarkeerd als gelezen\.$/).waitFor();
    }
    await eventually(async () => expect(await badge.count()).toBe(0));
    expect(await page.getByTestId('notifications-summary').innerText()).toMatch(/waarvan 0 ongelezen/);
    await expectNoWcagViolations(page, 'the notifications page, all read');
  });
});
