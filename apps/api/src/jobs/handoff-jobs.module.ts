import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { HandoffRetentionJob } from './handoff-retention.job';
import { OverdueEscalationJob } from './overdue-escalation.job';

/** The recurring hand-off jobs: overdue escalation and retention. */
@Module({
  imports: [NotificationsModule],
  providers: [OverdueEscalationJob, HandoffRetentionJob],
  exports: [OverdueEscalationJob, HandoffRetentionJob],
})
export class HandoffJobsModule {}
