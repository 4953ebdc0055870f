import { stopPortal } from './portal';

export default async function globalTeardown(): Promise<void> {
  const portal = globalThis.ketenkaartPortal;
  if (portal) await stopPortal(portal);
}
