import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { JobEntity } from './job.entity';

/** Runs one job; throwing schedules a retry. Handlers must tolerate running again after a crash mid-way. */
export type JobHandler = (payload: Record<string, unknown>, job: JobEntity) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one job per key, ever (unique partial index): a second enqueue with the same key is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface RunReport {
  succeeded: number;
  failed: number;
}

/** How long a claim holds; a worker that dies mid-job releases it when this runs out. */
const LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/**
 * The PostgreSQL-backed job queue. All state is in the `job` table: enqueueing is an INSERT (inside the
 * caller's transaction when given its manager, so a job exists exactly when the change that caused it committed),
 * claiming is one `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)` statement, and the job runs after
 * that claim committed — never inside an open transaction, which matters on the embedded database's pool of 1.
 * Recurring work is enqueued per time slot under a dedupe key, so of several instances exactly one runs it.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobQueue');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: { name: string; everyMinutes: () => number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopping = false;
  /** Distinct per process (tests create a second worker with another id). */
  private ownId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  get workerId(): string {
    return this.ownId;
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  /** A job `name` enqueued once per slot of `everyMinutes` (slots start at whole multiples since the epoch). */
  registerRecurring(name: string, everyMinutes: () => number, handler: JobHandler): void {
    this.register(name, handler);
    this.recurring.push({ name, everyMinutes });
  }

  /** A worker sharing this queue's handlers under another id: two workers in one process, for tests. */
  withWorkerId(workerId: string): JobQueue {
    const twin = new JobQueue(this.dataSource, this.clock, this.config);
    twin.ownId = workerId;
    for (const [name, handler] of this.handlers) twin.register(name, handler);
    twin.recurring.push(...this.recurring);
    return twin;
  }

  /** Adds a job; returns false when its dedupe key was already used. */
  async enqueue(
    name: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const now = this.clock.now();
    const rows: unknown[] = await manager.query(
      `INSERT INTO job (name, payload, dedupe_key, run_at, max_attempts, created_at)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [
        name,
        JSON.stringify(payload),
        options.dedupeKey ?? null,
        options.runAt ?? now,
        options.maxAttempts ?? 5,
        now,
      ],
    );
    return rows.length === 1;
  }

  /**
   * `enqueue` once per row of `from` (an SQL FROM item), as one part of a bigger statement (a data-modifying CTE):
   * `payload` and `dedupeKey` are SQL expressions over those rows. `param` adds a parameter, returns its placeholder.
   */
  enqueueEachSql(
    name: string,
    from: string,
    sql: { payload: string; dedupeKey: string | null },
    param: (value: unknown, cast?: string) => string,
    options: Omit<EnqueueOptions, 'dedupeKey'> = {},
  ): string {
    const now = this.clock.now();
    return `INSERT INTO job (name, payload, dedupe_key, run_at, max_attempts, created_at)
      SELECT ${param(name, '::text')}, ${sql.payload}, ${sql.dedupeKey ?? 'NULL'}, ${param(options.runAt ?? now, '::timestamptz')},
        ${param(options.maxAttempts ?? 5, '::int')}, ${param(now, '::timestamptz')} FROM ${from}
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`;
  }

  /** Enqueues the current slot of every recurring job (a no-op for slots already enqueued by any instance). */
  async scheduleRecurring(): Promise<void> {
    const now = this.clock.now().getTime();
    for (const { name, everyMinutes } of this.recurring) {
      const slotMs = everyMinutes() * 60_000;
      const slotStart = new Date(Math.floor(now / slotMs) * slotMs);
      const slot = slotStart.toISOString().slice(0, 16);
      await this.enqueue(name, { slot }, { dedupeKey: `${name}:${slot}`, runAt: slotStart, maxAttempts: 3 });
    }
  }

  /**
   * Claims and runs due jobs one at a time until none is due (or `limit` ran, or shutdown began). Deterministic
   * entry point for tests; the background loop calls it too.
   */
  async runDueJobs(options: { limit?: number } = {}): Promise<RunReport> {
    const report: RunReport = { succeeded: 0, failed: 0 };
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    while (!this.stopping && report.succeeded + report.failed < limit) {
      const job = await this.claim();
      if (!job) break;
      const handler = this.handlers.get(job.name);
      try {
        if (!handler) throw new Error(`no handler for job '${job.name}' in this instance`);
        await handler(job.payload, job);
        await this.complete(job);
        report.succeeded += 1;
      } catch (error) {
        await this.fail(job, error);
        report.failed += 1;
      }
    }
    return report;
  }

  /** One statement: pick the oldest due, unclaimed job, skipping rows another worker is claiming, and claim it. */
  private async claim(): Promise<JobEntity | null> {
    const now = this.clock.now();
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `UPDATE job SET locked_by = $1, locked_until = $3, attempts = attempts + 1
       WHERE id = (
         SELECT id FROM job
         WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $2
           AND (locked_until IS NULL OR locked_until <= $2)
         ORDER BY run_at, id LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING id, name, payload, attempts, max_attempts`,
      [this.workerId, now, new Date(now.getTime() + LEASE_MS)],
    );
    // node-postgres returns [rows, count] for UPDATE … RETURNING through TypeORM.
    const row = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as Record<string, unknown> | undefined;
    if (!row) return null;
    return Object.assign(new JobEntity(), {
      id: row.id as string,
      name: row.name as string,
      payload: (row.payload ?? {}) as Record<string, unknown>,
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
    });
  }

  private async complete(job: JobEntity): Promise<void> {
    await this.dataSource.query(
      `UPDATE job SET done_at = $3, locked_by = NULL, locked_until = NULL, last_error = NULL
       WHERE id = $1 AND locked_by = $2`,
      [job.id, this.workerId, this.clock.now()],
    );
  }

  /** Retry with exponential backoff (30 s, 1 min, 2 min … at most 1 h); give up after `max_attempts`. */
  private async fail(job: JobEntity, error: unknown): Promise<void> {
    const now = this.clock.now();
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const giveUp = job.attempts >= job.maxAttempts;
    const retryAt = new Date(
      now.getTime() + Math.min(BACKOFF_BASE_MS * 2 ** (job.attempts - 1), BACKOFF_MAX_MS),
    );
    await this.dataSource.query(
      `UPDATE job SET locked_by = NULL, locked_until = NULL, last_error = $3, run_at = $4, failed_at = $5
       WHERE id = $1 AND locked_by = $2`,
      [job.id, this.workerId, message, giveUp ? now : retryAt, giveUp ? now : null],
    );
    this.logger.warn(
      `job ${job.name} ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts})${giveUp ? ', giving up' : ''}: ${message}`,
    );
  }

  // ---------------------------------------------------------------- background loop

  onApplicationBootstrap(): void {
    if (this.config.JOB_POLL_INTERVAL_MS > 0) this.scheduleTick(0);
  }

  /** SIGTERM (enableShutdownHooks): no new claims; the job in progress finishes before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  private scheduleTick(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.current = this.tick().finally(() => {
        this.current = null;
        this.scheduleTick(this.config.JOB_POLL_INTERVAL_MS);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.scheduleRecurring();
      await this.runDueJobs();
    } catch (error) {
      // A database hiccup must not stop the loop; the next tick tries again.
      this.logger.error({ err: error }, 'job queue poll failed');
    }
  }
}
