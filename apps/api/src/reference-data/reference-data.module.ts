import { Module } from '@nestjs/common';
import { SetupService } from '../database/setup.service';
import { DemoSeedService } from './demo-seed.service';
import { ReferenceDataService } from './reference-data.service';

@Module({
  providers: [ReferenceDataService, DemoSeedService, SetupService],
  exports: [ReferenceDataService, SetupService],
})
export class ReferenceDataModule {}
