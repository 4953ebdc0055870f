import { Module } from '@nestjs/common';
import { ResponsibilitiesController } from './responsibilities.controller';
import { ResponsibilitiesService } from './responsibilities.service';
import { ResponsibilitySeeder } from './responsibility-seeder';

/** The wie-doet-wat matrix of issue 5: national default, regional agreements, checks and the lookup. */
@Module({
  controllers: [ResponsibilitiesController],
  providers: [ResponsibilitiesService, ResponsibilitySeeder],
})
export class ResponsibilitiesModule {}
