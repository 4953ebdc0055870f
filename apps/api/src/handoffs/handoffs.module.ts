import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { HandoffDemoSeeder } from './handoff-demo.seeder';
import { HandoffProposalsController } from './handoff-proposals.controller';
import { HandoffProposalsService } from './handoff-proposals.service';
import { HandoffsController } from './handoffs.controller';
import { HandoffsService } from './handoffs.service';

/** Hand-offs between organisations (issue 6): records, timeline, inbox and outbox. */
@Module({
  imports: [NotificationsModule],
  controllers: [HandoffsController, HandoffProposalsController],
  providers: [HandoffsService, HandoffProposalsService, HandoffDemoSeeder],
  exports: [HandoffsService],
})
export class HandoffsModule {}
