import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DemoAccountsSeeder } from '../auth/demo-accounts.seeder';
import { AppConfig } from '../config/app-config';
import { DemoSeedService } from '../reference-data/demo-seed.service';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { type DatabaseHandle, withSetupLock } from './data-source';
import { DATABASE_HANDLE } from './database.module';

/** Brings a database to a working state: migrations, reference data, and the demo seed when it is empty. */
@Injectable()
export class SetupService {
  private readonly logger = new Logger('Setup');

  constructor(
    @Inject(DATABASE_HANDLE) private readonly handle: DatabaseHandle,
    private readonly config: AppConfig,
    private readonly referenceData: ReferenceDataService,
    private readonly demoSeed: DemoSeedService,
    // Optional: command-line tools build SetupService by hand and need no demo accounts.
    @Optional() private readonly demoAccounts?: DemoAccountsSeeder,
  ) {}

  async run(): Promise<void> {
    await withSetupLock(this.handle, async () => {
      const applied = await this.handle.dataSource.runMigrations({ transaction: 'each' });
      if (applied.length > 0) this.logger.log(`applied ${applied.length} migration(s)`);
      await this.referenceData.ensureLoaded();
      if (this.config.DEMO_SEED) await this.demoSeed.seedIfEmpty();
      // After the demo regions (their scope); idempotent, and refuses to run in production.
      await this.demoAccounts?.seed();
    });
  }
}
