import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@ketenkaart/shared-domain';
import type { FastifyRequest as Request } from 'fastify';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ProblemException } from '../common/problem.exception';
import { AuditEventEntity } from './audit-event.entity';
import { AuditService } from './audit.service';
import { AuditEventDto, AuditEventPageDto, AuditQueryDto, AuditRecordQueryDto } from './dto/audit.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPORT_LIMIT = 100_000;

export function toAuditEventDto(event: AuditEventEntity): AuditEventDto {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    actorAccountId: event.actorAccountId,
    action: event.action,
    recordType: event.recordType,
    recordId: event.recordId,
    ip: event.ip,
    outcome: event.outcome,
    correlationId: event.correlationId,
    details: event.details,
  };
}

/** One CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet does not run it as a formula. */
function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The privacy officer's view of the audit trail. Reading it is itself recorded. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly audit: AuditService,
  ) {}

  async search(query: AuditQueryDto, request: Request): Promise<AuditEventPageDto> {
    const [rows, total] = await this.filtered(query)
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    await this.audit.record({
      action: 'audit.search',
      request,
      details: { filter: this.filterOf(query), total },
    });
    return { items: rows.map(toAuditEventDto), page: query.page, pageSize: query.pageSize, total };
  }

  /** "Who saw or changed record X" (AVG/GDPR art. 15 access request), oldest first, as CSV. */
  async exportCsv(query: AuditRecordQueryDto, request: Request): Promise<string> {
    if (!query.recordId) {
      throw ProblemException.invalid(
        'recordId',
        ErrorCode.validationFailed,
        'Name the record (recordId, and recordType) to export its trail.',
      );
    }
    const rows = await this.filtered({ recordType: query.recordType, recordId: query.recordId })
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(EXPORT_LIMIT)
      .getMany();
    await this.audit.record({
      action: 'audit.export',
      request,
      recordType: query.recordType,
      recordId: query.recordId,
      details: { rows: rows.length },
    });
    const header = [
      'occurredAt',
      'actor',
      'actorAccountId',
      'action',
      'recordType',
      'recordId',
      'outcome',
      'ip',
      'correlationId',
      'details',
    ];
    const lines = rows.map((e) =>
      [
        e.occurredAt.toISOString(),
        e.actor,
        e.actorAccountId,
        e.action,
        e.recordType,
        e.recordId,
        e.outcome,
        e.ip,
        e.correlationId,
        e.details,
      ]
        .map(csvCell)
        .join(','),
    );
    return `${header.join(',')}\r\n${lines.map((line) => `${line}\r\n`).join('')}`;
  }

  private filtered(query: Partial<AuditQueryDto>): SelectQueryBuilder<AuditEventEntity> {
    const builder = this.events
      .createQueryBuilder('e')
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (query.actor) {
      if (UUID.test(query.actor)) builder.andWhere('e.actor_account_id = :actor', { actor: query.actor });
      else builder.andWhere('e.actor = :actor', { actor: query.actor });
    }
    if (query.recordType) builder.andWhere('e.record_type = :recordType', { recordType: query.recordType });
    if (query.recordId) builder.andWhere('e.record_id = :recordId', { recordId: query.recordId });
    if (query.action) builder.andWhere('e.action = :action', { action: query.action });
    if (query.from) builder.andWhere('e.occurred_at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('e.occurred_at < :to', { to: new Date(query.to) });
    return builder;
  }

  private filterOf(query: AuditQueryDto): Record<string, string> {
    const { actor, recordType, recordId, action, from, to } = query;
    return Object.fromEntries(
      Object.entries({ actor, recordType, recordId, action, from, to }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
  }
}
