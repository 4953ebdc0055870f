import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * DEMO ONLY: links the demo accounts that work with hand-offs to a demo organisation, so the journey of issue 6
 * can be tried (an account without organisation can neither send nor receive). Runs after SetupService seeded
 * the directory and the accounts; touches only demo accounts that have no organisation yet.
 */
export const DEMO_HANDOFF_ORGANISATIONS: { email: string; organisationName: string }[] = [
  {
    email: 'zorgcoordinator@demo.ketenkaart.nl',
    organisationName: 'Zorgcoördinatie Mensenhandel Amsterdam-Amstelland',
  },
  {
    email: 'zorgcoordinator-twente@demo.ketenkaart.nl',
    organisationName: 'Zorgcoördinatie Mensenhandel Twente',
  },
  { email: 'ontvanger@demo.ketenkaart.nl', organisationName: 'RIEC Oost-Nederland' },
];

@Injectable()
export class HandoffDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_SEED || this.config.NODE_ENV === 'production') return;
    let linked = 0;
    for (const demo of DEMO_HANDOFF_ORGANISATIONS) {
      const result: [unknown[], number] = await this.dataSource.query(
        `UPDATE account SET organisation_id = (
           SELECT o.id FROM organisation o WHERE o.name = $2 AND o.archived_at IS NULL ORDER BY o.created_at LIMIT 1)
         WHERE email = $1 AND organisation_id IS NULL
           AND EXISTS (SELECT 1 FROM organisation o WHERE o.name = $2 AND o.archived_at IS NULL)`,
        [demo.email, demo.organisationName],
      );
      linked += Array.isArray(result) ? Number(result[1] ?? 0) : 0;
    }
    if (linked > 0)
      this.logger.log(`demo seed: ${linked} demo accounts linked to a hand-off organisation (DEMO ONLY)`);
  }
}
