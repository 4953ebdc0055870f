import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { JobQueue } from './job-queue.service';
import { JOB_PRINCIPAL } from './system-principal';

export const OVERDUE_SCAN_JOB = 'overdue-scan';
const BATCH = 500;

/**
 * Overdue escalation (issue 6 §4): a sent hand-off nobody accepted or declined by `respondBefore` (working days
 * per path, Dutch public holidays excluded) is escalated once to the ketenregisseur(s) of the regions involved:
 * a timeline event `escalated`, a notification and an e-mail job each. "Once" is a database guarantee, not a
 * process one: the escalation is `UPDATE … WHERE escalated_at IS NULL`, so of two instances (or two scans) only
 * the first changes the row and the second finds nothing to do.
 */
@Injectable()
export class OverdueEscalationJob implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.registerRecurring(
      OVERDUE_SCAN_JOB,
      () => this.config.OVERDUE_SCAN_INTERVAL_MINUTES,
      () => this.scan().then(() => undefined),
    );
  }

  /** Escalates every overdue, not yet escalated hand-off; returns how many this call escalated. */
  async scan(): Promise<number> {
    const today = todayInNetherlands(this.clock.now());
    let escalated = 0;
    for (;;) {
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM handoff
         WHERE state = 'verstuurd' AND respond_before < $1::date AND escalated_at IS NULL
         ORDER BY respond_before, id LIMIT $2`,
        [today, BATCH],
      );
      for (const { id } of due) if (await this.escalate(id, today)) escalated += 1;
      if (due.length < BATCH) return escalated;
    }
  }

  /** One hand-off, one short transaction (the version bump keeps the timeline's one-event-per-version rule). */
  private async escalate(handoffId: string, today: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const result = await manager.query(
        `UPDATE handoff SET escalated_at = $2, version = version + 1
         WHERE id = $1 AND state = 'verstuurd' AND respond_before < $3::date AND escalated_at IS NULL
         RETURNING version, respond_before::text AS respond_before`,
        [handoffId, now, today],
      );
      const row = (result[0] as { version: number; respond_before: string }[])[0];
      if (!row) return false;
      // The receiver is the party that has not answered; the actor is the job queue itself.
      await manager.query(
        `INSERT INTO handoff_event (handoff_id, version, kind, party, from_state, to_state, occurred_at, actor)
         VALUES ($1, $2, 'escalated', 'receiver', 'verstuurd', 'verstuurd', $3, $4)`,
        [handoffId, row.version, now, JOB_PRINCIPAL.actor],
      );
      const notified = await this.notifications.handoffOverdue(manager, handoffId);
      await this.audit.record(
        {
          action: 'handoff.escalate',
          recordType: 'handoff',
          recordId: handoffId,
          principal: JOB_PRINCIPAL,
          details: { respondBefore: row.respond_before, notified },
        },
        manager,
      );
      return true;
    });
  }
}
