import { Module } from '@nestjs/common';
import { HandoffDemoSeeder } from './handoff-demo.seeder';
import { HandoffsController } from './handoffs.controller';
import { HandoffsService } from './handoffs.service';

/** Hand-offs between organisations (issue 6): records, timeline, inbox and outbox. */
@Module({
  controllers: [HandoffsController],
  providers: [HandoffsService, HandoffDemoSeeder],
  exports: [HandoffsService],
})
export class HandoffsModule {}
