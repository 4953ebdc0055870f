import { Injectable } from '@nestjs/common';
import type { FastifyRequest as Request } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { correlationIdOf } from '../common/correlation-id';
import { ANONYMOUS_PRINCIPAL, principalOf, type Principal } from '../common/principal';
import { AuditEventEntity, AuditOutcome } from './audit-event.entity';

export interface AuditEntry {
  /** Dotted verb: `auth.sign-in`, `account.update`, `directory.organisation.update`, `handoff.read` … */
  action: string;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string;
  /** Context without secrets or victim data: field names changed, reason codes, counts. */
  details?: Record<string, unknown>;
  /** Who; defaults to the principal of `request`. */
  principal?: Pick<Principal, 'actor' | 'accountId'>;
  /** Source of the IP address and correlation id. */
  request?: Request;
}

/**
 * The audit trail (issue 4 §5). `record` appends one event; the table rejects any UPDATE, DELETE or TRUNCATE.
 * Pass the `manager` of a transaction to make the event part of the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const principal = entry.principal ?? (entry.request ? principalOf(entry.request) : ANONYMOUS_PRINCIPAL);
    const event = manager.create(AuditEventEntity, {
      occurredAt: this.clock.now(),
      actor: principal.actor,
      actorAccountId: principal.accountId,
      action: entry.action,
      recordType: entry.recordType ?? null,
      recordId: entry.recordId ?? null,
      ip: entry.request ? clientIp(entry.request) : null,
      outcome: entry.outcome ?? 'success',
      correlationId: entry.request ? correlationIdOf(entry.request.raw) : null,
      details: entry.details ?? {},
    });
    // One INSERT, no BEGIN/COMMIT around it of its own (`save` adds them): a single statement is atomic already.
    await manager.save(event, { reload: false, transaction: false });
  }

  /**
   * `record` as one part of a bigger statement (a data-modifying CTE), for writes that go in one round trip: the
   * `INSERT … SELECT` of the same row, written only when `onlyIf` (an SQL condition) holds. `param` adds a
   * parameter and returns its placeholder.
   */
  insertSql(entry: AuditEntry, param: (value: unknown, cast?: string) => string, onlyIf = 'true'): string {
    const principal = entry.principal ?? (entry.request ? principalOf(entry.request) : ANONYMOUS_PRINCIPAL);
    return `INSERT INTO audit_event (occurred_at, actor, actor_account_id, action, record_type, record_id, ip, outcome,
        correlation_id, details)
      SELECT ${[
        param(this.clock.now(), '::timestamptz'),
        param(principal.actor, '::text'),
        param(principal.accountId, '::uuid'),
        param(entry.action, '::text'),
        param(entry.recordType ?? null, '::text'),
        param(entry.recordId ?? null, '::text'),
        param(entry.request ? clientIp(entry.request) : null, '::text'),
        param(entry.outcome ?? 'success', '::text'),
        param(entry.request ? correlationIdOf(entry.request.raw) : null, '::text'),
        param(JSON.stringify(entry.details ?? {}), '::jsonb'),
      ].join(', ')} WHERE ${onlyIf}`;
  }
}

/** Client address as Fastify resolved it (`trustProxy` is loopback only, so X-Forwarded-For cannot be forged from outside). */
export function clientIp(request: Request): string | null {
  return (request.ip ?? request.socket?.remoteAddress ?? null)?.slice(0, 64) ?? null;
}
