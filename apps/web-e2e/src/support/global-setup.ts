import { startPortal } from './portal';

/** Starts one portal for all journeys, unless E2E_BASE_URL points at one that already runs. */
export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_BASE_URL) return;
  const portal = await startPortal();
  globalThis.ketenkaartPortal = portal;
  // Test files read the address from the environment, which Jest hands on to them.
  process.env.E2E_BASE_URL = portal.baseUrl;
}
