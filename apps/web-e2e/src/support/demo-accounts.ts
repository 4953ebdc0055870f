import { Role } from '@ketenkaart/shared-domain';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  displayName: string;
  totpSecret: string | null;
}

/** The demo accounts as apps/api/src/auth/demo-accounts.seeder.ts seeds them (and the README lists them). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: Role.beheerder,
    email: 'beheerder@demo.ketenkaart.nl',
    password: 'Demo-Beheerder-2026!',
    displayName: 'Demo Beheerder (CoMensha)',
    totpSecret: 'KKDEMOBEHEERDERAAAAAAAAAAAAAAAAA',
  },
  {
    role: Role.ketenregisseur,
    email: 'ketenregisseur@demo.ketenkaart.nl',
    password: 'Demo-Ketenregisseur-2026!',
    displayName: 'Demo Ketenregisseur Amsterdam',
    totpSecret: 'KKDEMOKETENREGISSEURAAAAAAAAAAAA',
  },
  {
    role: Role.zorgcoordinator,
    email: 'zorgcoordinator@demo.ketenkaart.nl',
    password: 'Demo-Zorgcoordinator-2026!',
    displayName: 'Demo Zorgcoördinator Amsterdam',
    totpSecret: 'KKDEMOZORGCOORDINATORAAAAAAAAAAA',
  },
  {
    role: Role.ontvanger,
    email: 'ontvanger@demo.ketenkaart.nl',
    password: 'Demo-Ontvanger-2026!',
    displayName: 'Demo Ontvanger',
    totpSecret: 'KKDEMOONTVANGERAAAAAAAAAAAAAAAAA',
  },
  {
    role: Role.landelijkMonitor,
    email: 'monitor@demo.ketenkaart.nl',
    password: 'Demo-Monitor-2026!',
    displayName: 'Demo Landelijk monitor',
    totpSecret: null,
  },
  {
    role: Role.privacyOfficer,
    email: 'privacy@demo.ketenkaart.nl',
    password: 'Demo-Privacy-2026!',
    displayName: 'Demo Privacy officer',
    totpSecret: 'KKDEMOPRIVACYOFFICERAAAAAAAAAAAA',
  },
];

export function demoAccount(role: Role): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}
