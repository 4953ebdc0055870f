import { Module } from '@nestjs/common';
import { SetupService } from '../database/setup.service';
import { DemoSeedService } from './demo-seed.service';
import { MunicipalityImportService } from './municipality-import.service';
import { ReferenceDataService } from './reference-data.service';

@Module({
  providers: [ReferenceDataService, DemoSeedService, SetupService, MunicipalityImportService],
  exports: [ReferenceDataService, SetupService, MunicipalityImportService],
})
export class ReferenceDataModule {}
