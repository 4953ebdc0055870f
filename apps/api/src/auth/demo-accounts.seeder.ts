import { Injectable, Logger } from '@nestjs/common';
import { AccountStatus, Role } from '@ketenkaart/shared-domain';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { AccountEntity } from './account.entity';
import { PasswordService } from './password.service';
import { SecretBox } from './secret-box';

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
  /** Base32 TOTP secret to type into an authenticator app; null: no second factor (the role does not need one). */
  totpSecret: string | null;
  /** Codes of demo regions (seeded by DemoSeedService) that form the account's scope. */
  regionCodes: string[];
}

/**
 * DEMO ACCOUNTS, one per role (README lists them). Public on purpose, so they exist only with DEMO_SEED=true
 * and never when NODE_ENV=production.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'beheerder@demo.ketenkaart.nl',
    displayName: 'Demo Beheerder (CoMensha)',
    roles: [Role.beheerder],
    password: 'Demo-Beheerder-2026!',
    totpSecret: 'KKDEMOBEHEERDERAAAAAAAAAAAAAAAAA',
    regionCodes: [],
  },
  {
    email: 'ketenregisseur@demo.ketenkaart.nl',
    displayName: 'Demo Ketenregisseur Amsterdam',
    roles: [Role.ketenregisseur],
    password: 'Demo-Ketenregisseur-2026!',
    totpSecret: 'KKDEMOKETENREGISSEURAAAAAAAAAAAA',
    regionCodes: ['demo-kr-amsterdam'],
  },
  {
    email: 'zorgcoordinator@demo.ketenkaart.nl',
    displayName: 'Demo Zorgcoördinator Amsterdam',
    roles: [Role.zorgcoordinator],
    password: 'Demo-Zorgcoordinator-2026!',
    totpSecret: 'KKDEMOZORGCOORDINATORAAAAAAAAAAA',
    regionCodes: ['demo-zc-amsterdam'],
  },
  {
    email: 'zorgcoordinator-twente@demo.ketenkaart.nl',
    displayName: 'Demo Zorgcoördinator Twente',
    roles: [Role.zorgcoordinator],
    password: 'Demo-Zorgcoordinator-Twente-2026!',
    totpSecret: 'KKDEMOZORGCOORDINATORTWENTEAAAAA',
    regionCodes: ['demo-zc-twente'],
  },
  {
    email: 'ontvanger@demo.ketenkaart.nl',
    displayName: 'Demo Ontvanger',
    roles: [Role.ontvanger],
    password: 'Demo-Ontvanger-2026!',
    totpSecret: 'KKDEMOONTVANGERAAAAAAAAAAAAAAAAA',
    regionCodes: [],
  },
  {
    email: 'monitor@demo.ketenkaart.nl',
    displayName: 'Demo Landelijk monitor',
    roles: [Role.landelijkMonitor],
    password: 'Demo-Monitor-2026!',
    totpSecret: null,
    regionCodes: [],
  },
  {
    email: 'privacy@demo.ketenkaart.nl',
    displayName: 'Demo Privacy officer',
    roles: [Role.privacyOfficer],
    password: 'Demo-Privacy-2026!',
    totpSecret: 'KKDEMOPRIVACYOFFICERAAAAAAAAAAAA',
    regionCodes: [],
  },
];

@Injectable()
export class DemoAccountsSeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly secretBox: SecretBox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Adds the demo accounts that are missing; never touches an existing account. Returns how many were added. */
  async seed(): Promise<number> {
    if (!this.config.DEMO_SEED || this.config.NODE_ENV === 'production') return 0;
    const repository = this.dataSource.getRepository(AccountEntity);
    const existing = new Set(
      (await repository.find({ select: { email: true } })).map((account) => account.email),
    );
    const missing = DEMO_ACCOUNTS.filter((demo) => !existing.has(demo.email));
    if (missing.length === 0) return 0;
    const regions: { id: string; code: string }[] = await this.dataSource.query(
      `SELECT id, code FROM region WHERE source = 'demo' AND code = ANY($1)`,
      [missing.flatMap((demo) => demo.regionCodes)],
    );
    const regionId = new Map(regions.map((region) => [region.code, region.id]));
    const now = this.clock.now();
    for (const demo of missing) {
      await repository.insert({
        email: demo.email,
        displayName: demo.displayName,
        roles: demo.roles,
        regionIds: demo.regionCodes.map((code) => regionId.get(code)).filter((id): id is string => !!id),
        organisationId: null,
        personId: null,
        status: AccountStatus.active,
        passwordHash: await this.passwords.hash(demo.password),
        passwordChangedAt: now,
        totpSecret: demo.totpSecret ? this.secretBox.seal(demo.totpSecret) : null,
        totpPendingSecret: null,
        totpEnabledAt: demo.totpSecret ? now : null,
        totpLastStep: null,
        lastSignInAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    this.logger.log(`demo seed: ${missing.length} demo accounts (DEMO ONLY; passwords in the README)`);
    return missing.length;
  }
}
