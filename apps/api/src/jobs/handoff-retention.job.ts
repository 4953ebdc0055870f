import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { JobQueue } from './job-queue.service';
import { JOB_PRINCIPAL } from './system-principal';

export const RETENTION_JOB = 'handoff-retention';
const RETENTION_INTERVAL_MINUTES = 60;
/** Finished jobs are kept this long for inspection, then removed. */
const DONE_JOB_DAYS = 30;
const BATCH = 1000;

export interface RetentionReport {
  anonymised: number;
  idempotencyKeysRemoved: number;
}

/**
 * Retention (issue 6 §6): `HANDOFF_RETENTION_MONTHS` after a hand-off closed (afgerond, afgewezen, ingetrokken,
 * doorgestuurd) its notes, external reference, consent date and the free-text remarks of its timeline are
 * removed; the fields the figures need stay (path, organisations, regions, gemeente, form, target group, age
 * band, consent yes/no, legal basis, states and timestamps). Its notifications go too. `Idempotency-Key`s expire
 * after `HANDOFF_IDEMPOTENCY_KEY_HOURS`. Each run that changes anything writes one audit event.
 */
@Injectable()
export class HandoffRetentionJob implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.registerRecurring(
      RETENTION_JOB,
      () => RETENTION_INTERVAL_MINUTES,
      () => this.run().then(() => undefined),
    );
  }

  async run(): Promise<RetentionReport> {
    const now = this.clock.now();
    const closedBefore = new Date(now);
    closedBefore.setUTCMonth(closedBefore.getUTCMonth() - this.config.HANDOFF_RETENTION_MONTHS);
    const keysBefore = new Date(now.getTime() - this.config.HANDOFF_IDEMPOTENCY_KEY_HOURS * 3_600_000);
    const jobsBefore = new Date(now.getTime() - DONE_JOB_DAYS * 86_400_000);
    return this.dataSource.transaction(async (manager) => {
      const anonymised: { id: string }[] = (
        await manager.query(
          `UPDATE handoff SET notes = NULL, external_reference = NULL, consent_date = NULL, anonymised_at = $1
           WHERE id IN (SELECT id FROM handoff WHERE closed_at < $2 AND anonymised_at IS NULL ORDER BY closed_at, id LIMIT $3)
           RETURNING id`,
          [now, closedBefore, BATCH],
        )
      )[0];
      const ids = anonymised.map((row) => row.id);
      if (ids.length > 0) {
        // The timeline trigger lets exactly this through: remark becoming NULL, every other column unchanged.
        await manager.query(
          `UPDATE handoff_event SET remark = NULL WHERE handoff_id = ANY($1::uuid[]) AND remark IS NOT NULL`,
          [ids],
        );
        await manager.query(`DELETE FROM notification WHERE handoff_id = ANY($1::uuid[])`, [ids]);
      }
      const keys = await manager.query(
        `DELETE FROM handoff_idempotency_key WHERE created_at < $1 OR handoff_id = ANY($2::uuid[])`,
        [keysBefore, ids],
      );
      const idempotencyKeysRemoved = Number(keys[1] ?? 0);
      await manager.query(`DELETE FROM job WHERE done_at < $1 OR failed_at < $1`, [jobsBefore]);
      if (ids.length > 0 || idempotencyKeysRemoved > 0)
        await this.audit.record(
          {
            action: 'handoff.anonymise',
            recordType: 'handoff',
            principal: JOB_PRINCIPAL,
            details: {
              retentionMonths: this.config.HANDOFF_RETENTION_MONTHS,
              closedBefore: closedBefore.toISOString(),
              ids,
              idempotencyKeysRemoved,
            },
          },
          manager,
        );
      return { anonymised: ids.length, idempotencyKeysRemoved };
    });
  }
}
