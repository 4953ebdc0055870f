import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One unit of background work (e-mail, overdue scan, retention). The table IS the queue: no state lives in
 * process memory, so several API instances can work it side by side. A worker claims a row with
 * `FOR UPDATE SKIP LOCKED` in a short transaction (sets `locked_by`/`locked_until`), runs it outside any
 * transaction and then marks it done, or schedules a retry with backoff until `max_attempts`.
 */
@Entity('job')
@Index('idx_job_due', ['runAt'], { where: '"done_at" IS NULL AND "failed_at" IS NULL' })
@Index('uq_job_dedupe_key', ['dedupeKey'], { unique: true, where: '"dedupe_key" IS NOT NULL' })
export class JobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What to run: the name a handler registered under (`send-mail`, `overdue-scan`, `retention`). */
  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** Ids only (never notes or case details): the handler looks up what it needs when it runs. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  /**
   * Enqueued at most once per key, ever (e.g. `overdue-scan:2026-11-28T15:05`, `mail:<notification id>`): two
   * instances scheduling the same time slot insert one row.
   */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ name: 'run_at', type: 'timestamptz' })
  runAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'max_attempts', type: 'int', default: 5 })
  maxAttempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  /** Worker id holding the claim, and until when; an expired claim (crashed worker) is claimed again. */
  @Column({ name: 'locked_by', type: 'varchar', length: 100, nullable: true })
  lockedBy!: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  /** Gave up after `max_attempts`; kept for inspection. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
