import type { Page } from 'playwright-core';
import type { DemoAccount } from './demo-accounts';
import { nextTotpCode } from './totp';

const title = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** Signs in through the sign-in page as a user would: e-mail, password and, when the account has one, the TOTP code. */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/inloggen');
  await title(page, 'Inloggen').waitFor();
  await page.getByLabel('E-mailadres', { exact: true }).fill(account.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  if (account.totpSecret) {
    await title(page, 'Tweestapsverificatie').waitFor();
    await page
      .getByLabel('Code uit de authenticator-app', { exact: true })
      .fill(nextTotpCode(account.totpSecret));
    await page.getByRole('button', { name: 'Doorgaan', exact: true }).click();
  }
  await page.getByText(`Ingelogd als ${account.displayName}`, { exact: true }).waitFor();
}

/** Signs out from the header and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await title(page, 'Inloggen').waitFor();
}
