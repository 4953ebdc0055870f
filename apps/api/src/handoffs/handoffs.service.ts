import { Injectable } from '@nestjs/common';
import {
  addWorkingDays,
  allowedTransitions,
  applyTransition,
  consentProblems,
  consentRefusal,
  describeRefusal,
  ErrorCode,
  EXTERNAL_REFERENCE_PATTERN,
  findIdentifyingData,
  FunctionType,
  HANDOFF_STATES,
  HandoffEventKind,
  handoffPath,
  HandoffParty,
  HandoffState,
  IDENTIFYING_DATA_REASON,
  InvalidParam,
  MINOR_AGE_BANDS,
  OrganisationType,
  Permission,
  transitionRule,
} from '@ketenkaart/shared-domain';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { NotificationsService } from '../notifications/notifications.service';
import { newCaseReference } from './case-reference';
import {
  CreateHandoffDto,
  HandoffDetailDto,
  HandoffListQueryDto,
  HandoffPageDto,
  HandoffReceiverDto,
  HandoffTransitionDto,
  UpdateHandoffDto,
} from './dto/handoff.dto';
import { HandoffEventEntity } from './handoff-event.entity';
import { HandoffIdempotencyKeyEntity } from './handoff-idempotency-key.entity';
import {
  entityOfRow,
  HandoffNames,
  HandoffView,
  MappedColumn,
  selectList,
  toHandoffDetail,
  toHandoffSummary,
} from './handoff-mapper';
import { functionInboxProblems } from './handoff-proposals.service';
import { HandoffEntity } from './handoff.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENT = (alias: string) =>
  `${alias}.valid_from <= $today::date AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > $today::date)`;

/** Permissions that let an organisation's staff read their own hand-offs in full. */
const PARTY_READ_PERMISSIONS: readonly Permission[] = [
  Permission.handoffRead,
  Permission.handoffWrite,
  Permission.handoffInbox,
];
/** The permission a party needs to make a move on its side. */
const PARTY_PERMISSION: Record<HandoffParty, Permission> = {
  sender: Permission.handoffWrite,
  receiver: Permission.handoffInbox,
};

interface Receiver {
  organisationId: string | null;
  regionId: string | null;
  functionType: FunctionType | null;
}

interface Draft {
  pathCode: HandoffEntity['pathCode'];
  receiver: Receiver;
  externalReference: string | null;
  municipalityCode: string;
  exploitationForm: HandoffEntity['exploitationForm'];
  targetGroup: HandoffEntity['targetGroup'];
  minor: boolean;
  ageBand: HandoffEntity['ageBand'];
  consent: { given: boolean; date: string | null; givenBy: HandoffEntity['consentGivenBy'] };
  legalBasis: HandoffEntity['legalBasis'];
  notes: string | null;
}

interface Caller {
  principal: Principal;
  organisation: { id: string; type: OrganisationType };
}

const notFound = (id: string) => ProblemException.notFound('Hand-off', id);

/**
 * Hand-offs (issue 6). Every method opens with its access check; every write is one transaction with optimistic
 * locking that appends exactly one timeline event per version and one audit event; every read is audited.
 */
@Injectable()
export class HandoffsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  // ---------------------------------------------------------------- create and edit (concept)

  /**
   * Creates a concept. With an `Idempotency-Key` the same key and body return the hand-off created the first
   * time (`replayed`), another body under the same key is refused; keys are per account.
   */
  async create(
    principal: Principal,
    dto: CreateHandoffDto,
    idempotencyKey?: string,
  ): Promise<{ handoff: HandoffDetailDto; replayed: boolean }> {
    const draft = this.draftOf(dto);
    this.checkFreeText({ notes: draft.notes, externalReference: draft.externalReference });
    const { id, replayed } = await this.dataSource.transaction(async (manager) => {
      const caller = await this.callerOf(manager, principal);
      const id = randomUUID();
      if (idempotencyKey !== undefined) {
        const requestHash = hashOf(dto);
        const inserted: unknown[] = await manager.query(
          `INSERT INTO handoff_idempotency_key (actor, idempotency_key, request_hash, handoff_id, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING handoff_id`,
          [principal.actor, idempotencyKey, requestHash, id, this.clock.now()],
        );
        if (inserted.length === 0) {
          const existing = await manager.findOneByOrFail(HandoffIdempotencyKeyEntity, {
            actor: principal.actor,
            key: idempotencyKey,
          });
          if (existing.requestHash !== requestHash)
            throw new ProblemException(
              422,
              ErrorCode.idempotencyKeyReused,
              'This Idempotency-Key was used before with a different request; use a new key for a new hand-off.',
            );
          return { id: existing.handoffId, replayed: true };
        }
      }
      await this.validateDraft(manager, draft, caller.organisation.id);
      await this.insertHandoff(manager, caller, draft, id, null, {
        action: 'handoff.create',
        recordType: 'handoff',
        recordId: id,
        principal,
        details: { pathCode: draft.pathCode, idempotencyKey: idempotencyKey !== undefined },
      });
      return { id, replayed: false };
    });
    if (replayed) return { handoff: await this.get(principal, id, { audit: false }), replayed };
    // The new concept as written, with its names, in one statement (the sender is the only party of a concept).
    const loaded = await this.load(this.dataSource.manager, id);
    const detail =
      loaded && this.detailOf(principal, loaded.handoff, loaded.events, loaded.names, ['sender']);
    return { handoff: detail ?? (await this.get(principal, id, { audit: false })), replayed };
  }

  /** Edits a concept (sender only); records the names of the changed fields, never their values. */
  async update(principal: Principal, id: string, dto: UpdateHandoffDto): Promise<HandoffDetailDto> {
    this.checkFreeText({ notes: dto.notes, externalReference: dto.externalReference });
    await this.dataSource.transaction(async (manager) => {
      const { handoff, parties } = await this.findAsParty(manager, principal, id);
      const caller = await this.callerOf(manager, principal);
      if (!parties.includes('sender')) throw notFound(id);
      if (handoff.version !== dto.version) throw versionConflict();
      if (handoff.state !== 'concept')
        throw new ProblemException(
          409,
          ErrorCode.handoffNotEditable,
          `Only a concept can be edited; this hand-off is ${handoff.state}.`,
        );
      const before = draftOfEntity(handoff);
      const after: Draft = {
        ...before,
        ...definedOf({
          pathCode: dto.pathCode,
          externalReference: dto.externalReference,
          municipalityCode: dto.municipalityCode,
          exploitationForm: dto.exploitationForm,
          targetGroup: dto.targetGroup,
          minor: dto.minor,
          ageBand: dto.ageBand,
          legalBasis: dto.legalBasis,
          notes: dto.notes,
        }),
        receiver: dto.receiver ? receiverOf(dto.receiver, 'receiver') : before.receiver,
        consent: dto.consent
          ? { given: dto.consent.given, date: dto.consent.date ?? null, givenBy: dto.consent.givenBy ?? null }
          : before.consent,
      };
      await this.validateDraft(manager, after, caller.organisation.id);
      const changedFields = (Object.keys(after) as (keyof Draft)[]).filter(
        (field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]),
      );
      const now = this.clock.now();
      const version = await this.bumpVersion(manager, handoff, {
        ...columnsOf(after),
        regionIds: await this.regionsInvolved(manager, after, handoff.senderOrganisationId),
        updatedAt: now,
      });
      await this.appendEvent(manager, caller, handoff.id, version, {
        kind: 'edited',
        party: 'sender',
        fromState: 'concept',
        toState: 'concept',
        changedFields,
      });
      await this.audit.record(
        {
          action: 'handoff.update',
          recordType: 'handoff',
          recordId: id,
          principal,
          details: { fields: changedFields },
        },
        manager,
      );
    });
    return this.get(principal, id, { audit: false });
  }

  // ---------------------------------------------------------------- transitions

  /**
   * One move of the state machine, in one transaction: the row is changed only `WHERE id AND version` match, so
   * of concurrent conflicting moves exactly one wins and the others get 409 with nothing written.
   */
  async transition(principal: Principal, id: string, dto: HandoffTransitionDto): Promise<HandoffDetailDto> {
    this.checkFreeText({ remark: dto.remark });
    const manager = this.dataSource.manager;
    // One read: the row, its timeline, the names the answer shows (the caller's own too) and the caller's organisation.
    const loaded = await this.load(manager, id, principal);
    if (!loaded) throw notFound(id);
    const { handoff } = loaded;
    const parties = await this.partiesOf(manager, principal, handoff);
    if (parties.length === 0) throw notFound(id);
    const caller = this.callerFrom(principal, loaded.callerOrganisation);
    if (handoff.version !== dto.version) throw versionConflict();
    const rule = transitionRule(dto.transition);
    const party = parties.includes(rule.party) ? rule.party : parties[0];
    if (party === rule.party && !principal.can(PARTY_PERMISSION[party]))
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        `Your role may not '${dto.transition}' hand-offs.`,
      );
    const result = applyTransition(handoff.state, {
      transition: dto.transition,
      party,
      reason: dto.reason,
      alternativeOrganisationId: dto.alternativeOrganisationId,
      forwardTo: dto.forwardTo,
    });
    if (!result.ok) {
      const detail = describeRefusal(dto.transition, result.refusal);
      const status =
        result.refusal.code === 'wrong_party'
          ? 403
          : result.refusal.code === 'terminal_state' || result.refusal.code === 'not_allowed_from_state'
            ? 409
            : 400;
      throw new ProblemException(status, ErrorCode.transitionNotAllowed, detail);
    }
    const now = this.clock.now();
    const today = todayInNetherlands(now);
    const changes: Partial<HandoffEntity> = { state: result.to, updatedAt: now };
    switch (dto.transition) {
      case 'send':
        await this.validateDraft(manager, draftOfEntity(handoff), caller.organisation.id);
        this.assertConsent(handoff.pathCode, caller.organisation.type, draftOfEntity(handoff).consent);
        changes.sentAt = now;
        changes.respondBefore = addWorkingDays(today, handoffPath(handoff.pathCode).responseWorkingDays);
        break;
      case 'accept':
        changes.respondedAt = now;
        break;
      case 'decline':
        await this.assertOrganisationExists(
          manager,
          dto.alternativeOrganisationId!,
          'alternativeOrganisationId',
        );
        changes.respondedAt = now;
        changes.declineReason = dto.reason as HandoffEntity['declineReason'];
        changes.alternativeOrganisationId = dto.alternativeOrganisationId!;
        break;
      case 'forward':
        changes.respondedAt = handoff.respondedAt ?? now;
        break;
    }
    if (['afgewezen', 'afgerond', 'ingetrokken', 'doorgestuurd'].includes(result.to)) changes.closedAt = now;
    const event = {
      kind: dto.transition,
      party,
      fromState: handoff.state,
      toState: result.to,
      reason: dto.reason ?? null,
      remark: dto.remark ?? null,
      alternativeOrganisationId: dto.alternativeOrganisationId ?? null,
    };
    const auditEntry: AuditEntry = {
      action: 'handoff.transition',
      recordType: 'handoff',
      recordId: id,
      principal,
      details: { transition: dto.transition, from: handoff.state, to: result.to, reason: dto.reason ?? null },
    };
    if (dto.transition === 'forward') {
      // The new hand-off is written first and the moved one points at it: several statements, one transaction.
      await this.dataSource.transaction(async (tx) => {
        const version = await this.bumpVersion(tx, handoff, changes);
        const forwardedHandoffId = await this.forward(
          tx,
          caller,
          handoff,
          receiverOf(dto.forwardTo!, 'forwardTo'),
        );
        await this.appendEvent(tx, caller, handoff.id, version, { ...event, forwardedHandoffId });
        // In the same transaction: the notifications and their e-mail jobs exist exactly when the move committed.
        await this.notifications.handoffChanged(tx, {
          transition: dto.transition,
          handoffId: handoff.id,
          forwardedHandoffId,
          actorAccountId: principal.accountId,
        });
        await this.audit.record(auditEntry, tx);
      });
      return this.get(principal, id, { audit: false });
    }
    // Every other move is ONE statement, so one transaction and one round trip: the row changes only
    // `WHERE id AND version` match, and its timeline event, notifications with their e-mail jobs and audit row are
    // written only when it did. Of concurrent conflicting moves exactly one wins; the others get 409, nothing written.
    const moved = new HandoffEventEntity();
    Object.assign(moved, {
      handoffId: handoff.id,
      version: handoff.version + 1,
      ...event,
      occurredAt: now,
      actor: principal.actor,
      actorAccountId: principal.accountId,
      actorOrganisationId: caller.organisation.id,
      forwardedHandoffId: null,
      changedFields: [],
    });
    const written = await this.moveInOneStatement(manager, handoff, changes, moved, auditEntry, {
      transition: dto.transition,
      handoffId: handoff.id,
      pathCode: handoff.pathCode,
      actorAccountId: principal.accountId,
    });
    if (!written) throw versionConflict();
    // The answer is built from what was written: the row as read plus the changes, the timeline plus its new step.
    const after = Object.assign(new HandoffEntity(), handoff, changes, { version: handoff.version + 1 });
    const detail = this.detailOf(
      principal,
      after,
      [...loaded.events, moved],
      loaded.names,
      await this.partiesOf(manager, principal, after),
    );
    return detail ?? this.get(principal, id, { audit: false });
  }

  /**
   * The move of `transition` (not `forward`) as one data-modifying statement; false when the version no longer
   * matched (nothing written).
   */
  private async moveInOneStatement(
    manager: EntityManager,
    handoff: HandoffEntity,
    changes: Partial<HandoffEntity>,
    event: HandoffEventEntity,
    auditEntry: AuditEntry,
    change: { transition: string; handoffId: string; pathCode: string; actorAccountId: string | null },
  ): Promise<boolean> {
    const params: unknown[] = [];
    const param = (value: unknown, cast = '') => {
      params.push(value);
      return `$${params.length}${cast}`;
    };
    const metadata = this.dataSource.getMetadata(HandoffEntity);
    const set = Object.entries(changes).map(
      ([property, value]) =>
        `"${metadata.findColumnWithPropertyName(property)!.databaseName}" = ${param(value)}`,
    );
    const where = `id = ${param(handoff.id)} AND version = ${param(handoff.version)}`;
    const done = 'EXISTS (SELECT 1 FROM moved)';
    const parts = [
      `moved AS (UPDATE handoff SET ${set.join(', ')}, version = version + 1 WHERE ${where} RETURNING id)`,
      `timeline AS (${this.insertEventSql(event, param, 'moved')})`,
      `audited AS (${this.audit.insertSql(auditEntry, param, done)})`,
      ...this.notifications.handoffChangedSql(change, param, done),
    ];
    const rows: { moved: number }[] = await manager.query(
      `WITH ${parts.join(',\n')}\nSELECT count(*)::int AS moved FROM moved`,
      params,
    );
    return rows[0]?.moved === 1;
  }

  /** The receiver passes the case on: a new hand-off from the receiver's organisation, linked, sent at once. */
  private async forward(
    manager: EntityManager,
    caller: Caller,
    original: HandoffEntity,
    receiver: Receiver,
  ): Promise<string> {
    // Notes stay with the first hand-off: what the sender wrote for this receiver is not passed on unasked.
    const draft: Draft = { ...draftOfEntity(original), receiver, notes: null, externalReference: null };
    await this.validateDraft(manager, draft, caller.organisation.id);
    this.assertConsent(draft.pathCode, caller.organisation.type, draft.consent);
    const id = randomUUID();
    await this.insertHandoff(manager, caller, draft, id, original.id, {
      action: 'handoff.create',
      recordType: 'handoff',
      recordId: id,
      principal: caller.principal,
      details: { pathCode: draft.pathCode, forwardedFromId: original.id },
    });
    const now = this.clock.now();
    const version = await this.bumpVersion(manager, { id, version: 1 } as HandoffEntity, {
      state: 'verstuurd',
      sentAt: now,
      respondBefore: addWorkingDays(todayInNetherlands(now), handoffPath(draft.pathCode).responseWorkingDays),
      updatedAt: now,
    });
    await this.appendEvent(manager, caller, id, version, {
      kind: 'send',
      party: 'sender',
      fromState: 'concept',
      toState: 'verstuurd',
    });
    return id;
  }

  // ---------------------------------------------------------------- reads

  /**
   * One hand-off: in full for the sending and receiving organisations, status and timings only for the
   * ketenregisseur of the regions involved; 404 for everyone else (no IDOR), 403 for roles without any
   * hand-off permission (beheerder, monitor). Every read is audited, refused ones too.
   */
  async get(principal: Principal, id: string, options: { audit?: boolean } = {}): Promise<HandoffDetailDto> {
    const audit = options.audit ?? true;
    this.assertAnyHandoffPermission(principal);
    const manager = this.dataSource.manager;
    const loaded = await this.load(manager, id);
    const handoff = loaded?.handoff ?? null;
    const parties = handoff ? await this.partiesOf(manager, principal, handoff) : [];
    const detail = loaded
      ? this.detailOf(principal, loaded.handoff, loaded.events, loaded.names, parties)
      : null;
    if (!detail) {
      if (handoff && audit)
        await this.audit.record({
          action: 'handoff.read',
          outcome: 'denied',
          recordType: 'handoff',
          recordId: id,
          principal,
        });
      throw notFound(id);
    }
    if (audit)
      await this.audit.record({
        action: 'handoff.read',
        recordType: 'handoff',
        recordId: id,
        principal,
        details: { view: detail.view },
      });
    return detail;
  }

  /**
   * The detail `principal` may see (null: none): in full for the sending and receiving organisations, status and
   * timings only for the ketenregisseur of the regions involved.
   */
  private detailOf(
    principal: Principal,
    handoff: HandoffEntity,
    events: readonly HandoffEventEntity[],
    names: HandoffNames,
    parties: readonly HandoffParty[],
  ): HandoffDetailDto | null {
    let view: HandoffView | null = null;
    if (parties.length > 0 && PARTY_READ_PERMISSIONS.some((p) => principal.can(p))) view = 'full';
    else if (
      handoff.state !== 'concept' &&
      principal.can(Permission.handoffStatusRead) &&
      handoff.regionIds.some((regionId) => principal.regionIds.includes(regionId))
    )
      view = 'status';
    if (!view) return null;
    const actions =
      view === 'full'
        ? [
            ...parties.flatMap((party) =>
              principal.can(PARTY_PERMISSION[party]) ? allowedTransitions(handoff.state, party) : [],
            ),
            ...(handoff.state === 'concept' &&
            parties.includes('sender') &&
            principal.can(Permission.handoffWrite)
              ? ['edit']
              : []),
          ]
        : [];
    return toHandoffDetail(handoff, events, view, actions, names, this.today());
  }

  /**
   * One hand-off with its timeline and the names its detail shows, in one statement; null for an unknown or
   * malformed id. With `caller`: also the caller's own name (for a step about to be added) and organisation.
   */
  private async load(
    manager: EntityManager,
    id: string,
    caller?: Principal,
  ): Promise<{
    handoff: HandoffEntity;
    events: HandoffEventEntity[];
    names: HandoffNames;
    callerOrganisation: { id: string; type: OrganisationType } | null;
  } | null> {
    if (!UUID.test(id)) return null;
    const handoffColumns = this.mappedColumns(HandoffEntity);
    const eventColumns = this.mappedColumns(HandoffEventEntity);
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${selectList('h', handoffColumns)},
         (SELECT COALESCE(json_agg(x ORDER BY x.version), '[]'::json)
            FROM (SELECT ${selectList('e', eventColumns)} FROM handoff_event e WHERE e.handoff_id = h.id) x) AS "$events",
         (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name, 'type', o.type)), '[]'::json)
            FROM organisation o WHERE o.id IN (h.sender_organisation_id, h.receiver_organisation_id)) AS "$organisations",
         (SELECT r.name FROM region r WHERE r.id = h.receiver_region_id) AS "$regionName",
         (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'name', a.display_name)), '[]'::json)
            FROM account a WHERE a.id = ANY (ARRAY(SELECT h.sender_account_id UNION SELECT $2::uuid
              UNION SELECT e.actor_account_id FROM handoff_event e WHERE e.handoff_id = h.id))) AS "$accounts",
         (SELECT json_build_object('id', o.id, 'type', o.type) FROM organisation o WHERE o.id = $3::uuid) AS "$caller"
       FROM handoff h WHERE h.id = $1`,
      [id, caller?.accountId ?? null, caller?.organisationId ?? null],
    );
    const row = rows[0];
    if (!row) return null;
    const handoff = entityOfRow(HandoffEntity, handoffColumns, row);
    const organisations = row.$organisations as { id: string; name: string; type: string }[];
    const accounts = row.$accounts as { id: string; name: string }[];
    return {
      handoff,
      events: (row.$events as Record<string, unknown>[]).map((event) =>
        entityOfRow(HandoffEventEntity, eventColumns, event),
      ),
      names: {
        organisations: new Map(organisations.map((o) => [o.id, { name: o.name, type: o.type }])),
        regions: new Map(
          handoff.receiverRegionId && row.$regionName
            ? [[handoff.receiverRegionId, String(row.$regionName)]]
            : [],
        ),
        accounts: new Map(accounts.map((a) => [a.id, a.name])),
      },
      callerOrganisation: (row.$caller as { id: string; type: OrganisationType } | null) ?? null,
    };
  }

  private readonly columnCache = new Map<new () => object, MappedColumn[]>();

  /** The entity's columns with their SQL names, from TypeORM's metadata (once per entity). */
  private mappedColumns(entity: new () => object): MappedColumn[] {
    let columns = this.columnCache.get(entity);
    if (!columns) {
      columns = this.dataSource.getMetadata(entity).columns.map((column) => ({
        column: `"${column.databaseName}"`,
        property: column.propertyName,
        kind:
          column.type === 'date'
            ? 'date'
            : column.type === 'timestamptz'
              ? 'timestamptz'
              : column.isArray && column.type === 'uuid'
                ? 'uuid[]'
                : 'plain',
      }));
      this.columnCache.set(entity, columns);
    }
    return columns;
  }

  /** The inbox of the caller's organisation: addressed to it, or to a function inbox it holds. Never concepts. */
  async inbox(principal: Principal, query: HandoffListQueryDto): Promise<HandoffPageDto> {
    const organisationId = this.requireOrganisationId(principal);
    return this.list(principal, 'inbox', query, (builder) =>
      builder.andWhere(`h.state <> 'concept'`).andWhere(
        `(h.receiver_organisation_id = :organisationId OR EXISTS (
           SELECT 1 FROM function_assignment fa
           WHERE fa.organisation_id = :organisationId AND fa.function_type = h.receiver_function_type
             AND fa.region_id = h.receiver_region_id AND fa.archived_at IS NULL
             AND (fa.end_date IS NULL OR fa.end_date >= CAST(:today AS date))))`,
        { organisationId, today: this.today() },
      ),
    );
  }

  /** What the caller's organisation sent (and its concepts). */
  async outbox(principal: Principal, query: HandoffListQueryDto): Promise<HandoffPageDto> {
    const organisationId = this.requireOrganisationId(principal);
    return this.list(principal, 'outbox', query, (builder) =>
      builder.andWhere('h.sender_organisation_id = :organisationId', { organisationId }),
    );
  }

  private async list(
    principal: Principal,
    box: 'inbox' | 'outbox',
    query: HandoffListQueryDto,
    scope: (builder: SelectQueryBuilder<HandoffEntity>) => SelectQueryBuilder<HandoffEntity>,
  ): Promise<HandoffPageDto> {
    const manager = this.dataSource.manager;
    const today = this.today();
    const base = () => scope(manager.createQueryBuilder(HandoffEntity, 'h'));
    const filtered = base();
    if (query.state) filtered.andWhere('h.state = :state', { state: query.state });
    if (query.overdue === true)
      filtered.andWhere(`h.state = 'verstuurd' AND h.respond_before < CAST(:today AS date)`, { today });
    if (query.overdue === false)
      filtered.andWhere(`NOT (h.state = 'verstuurd' AND h.respond_before < CAST(:today AS date))`, { today });
    const [rows, total] = await filtered
      .orderBy('h.updated_at', 'DESC')
      .addOrderBy('h.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const countRows: { state: HandoffState; count: string; overdue: string }[] = await base()
      .select('h.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .addSelect(
        `COUNT(*) FILTER (WHERE h.state = 'verstuurd' AND h.respond_before < CAST(:overdueToday AS date))`,
        'overdue',
      )
      .setParameter('overdueToday', today)
      .groupBy('h.state')
      .getRawMany();
    const counted = new Map(countRows.map((row) => [row.state, Number(row.count)]));
    await this.audit.record({
      action: 'handoff.list',
      recordType: 'handoff',
      principal,
      details: { box, ids: rows.map((row) => row.id) },
    });
    const names = await this.namesOf(manager, rows, []);
    return {
      items: rows.map((row) => toHandoffSummary(row, names, today)),
      page: query.page,
      pageSize: query.pageSize,
      total,
      counts: HANDOFF_STATES.map((state) => ({ state, count: counted.get(state) ?? 0 })),
      overdue: countRows.reduce((sum, row) => sum + Number(row.overdue), 0),
    };
  }

  // ---------------------------------------------------------------- rules

  /** 400 `identifying_data` naming each field and what was found in it; the value itself is never echoed. */
  checkFreeText(fields: Record<string, string | null | undefined>): void {
    const invalidParams: InvalidParam[] = [];
    for (const [name, text] of Object.entries(fields)) {
      if (!text) continue;
      for (const finding of findIdentifyingData(text))
        invalidParams.push({
          name,
          code: `identifying_data.${finding.kind}`,
          reason: `${name} contains ${finding.description} (at character ${finding.offset + 1}).`,
        });
    }
    if (invalidParams.length > 0)
      throw new ProblemException(
        400,
        ErrorCode.identifyingData,
        `${invalidParams.map((param) => param.reason).join(' ')} ${IDENTIFYING_DATA_REASON}`,
        invalidParams,
      );
  }

  private assertConsent(
    pathCode: HandoffEntity['pathCode'],
    senderType: OrganisationType,
    consent: Draft['consent'],
  ) {
    const refusal = consentRefusal(handoffPath(pathCode), senderType, consent);
    if (refusal) throw new ProblemException(422, ErrorCode.consentRequired, refusal);
  }

  private draftOf(dto: CreateHandoffDto): Draft {
    return {
      pathCode: dto.pathCode,
      receiver: receiverOf(dto.receiver, 'receiver'),
      externalReference: dto.externalReference ?? null,
      municipalityCode: dto.municipalityCode,
      exploitationForm: dto.exploitationForm,
      targetGroup: dto.targetGroup,
      minor: dto.minor,
      ageBand: dto.ageBand,
      consent: {
        given: dto.consent.given,
        date: dto.consent.date ?? null,
        givenBy: dto.consent.givenBy ?? null,
      },
      legalBasis: dto.legalBasis,
      notes: dto.notes ?? null,
    };
  }

  /** Rules across fields and references; 400 listing every problem. */
  private async validateDraft(
    manager: EntityManager,
    draft: Draft,
    senderOrganisationId: string,
  ): Promise<void> {
    const problems: InvalidParam[] = [];
    const add = (name: string, code: string, reason: string) => problems.push({ name, code, reason });
    if (draft.externalReference && !EXTERNAL_REFERENCE_PATTERN.test(draft.externalReference))
      add(
        'externalReference',
        'pattern',
        'externalReference may hold letters, digits and . _ / - (e.g. RIEC-2026-123).',
      );
    if (draft.ageBand !== 'unknown' && MINOR_AGE_BANDS.includes(draft.ageBand) !== draft.minor)
      add('minor', 'age_band_mismatch', `minor does not match the age band ${draft.ageBand}.`);
    for (const reason of consentProblems(draft.consent, draft.ageBand, this.today()))
      add('consent', 'consent_inconsistent', reason);
    if (draft.legalBasis === 'toestemming' && !draft.consent.given)
      add('legalBasis', 'consent_missing', "legalBasis 'toestemming' needs consent.given = true.");
    const [municipality] = await manager.query(`SELECT 1 FROM municipality WHERE code = $1`, [
      draft.municipalityCode,
    ]);
    if (!municipality)
      add(
        'municipalityCode',
        ErrorCode.unknownMunicipality,
        `Gemeente '${draft.municipalityCode}' does not exist.`,
      );
    const { organisationId, regionId } = draft.receiver;
    if (organisationId) {
      if (organisationId === senderOrganisationId)
        add(
          'receiver.organisationId',
          'own_organisation',
          'A hand-off goes to another organisation than your own.',
        );
      else if (!(await this.organisationExists(manager, organisationId)))
        add(
          'receiver.organisationId',
          ErrorCode.unknownOrganisation,
          `Organisation '${organisationId}' does not exist.`,
        );
    }
    if (regionId) {
      const [region] = await manager.query(`SELECT 1 FROM region WHERE id = $1`, [regionId]);
      if (!region)
        add('receiver.inbox.regionId', ErrorCode.unknownRegion, `Region '${regionId}' does not exist.`);
      // A function inbox nobody (else) holds would reach no one: refused on save, send and forward.
      else
        for (const [code, reason] of await functionInboxProblems(
          manager,
          draft.receiver,
          senderOrganisationId,
          this.today(),
        ))
          add('receiver.inbox.functionType', code, reason);
    }
    if (problems.length > 0)
      throw new ProblemException(
        400,
        ErrorCode.validationFailed,
        problems.map((p) => p.reason).join(' '),
        problems,
      );
  }

  private async organisationExists(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM organisation WHERE id = $1 AND archived_at IS NULL`, [
      id,
    ]);
    return !!row;
  }

  private async assertOrganisationExists(manager: EntityManager, id: string, name: string): Promise<void> {
    if (!(await this.organisationExists(manager, id)))
      throw new ProblemException(
        400,
        ErrorCode.unknownOrganisation,
        `${name}: organisation '${id}' does not exist.`,
        [{ name, code: ErrorCode.unknownOrganisation, reason: `Organisation '${id}' does not exist.` }],
      );
  }

  // ---------------------------------------------------------------- access

  /** Beheerder and monitor hold no hand-off permission at all: 403 before anything is looked up. */
  private assertAnyHandoffPermission(principal: Principal): void {
    if (![...PARTY_READ_PERMISSIONS, Permission.handoffStatusRead].some((p) => principal.can(p)))
      throw new ProblemException(403, ErrorCode.forbidden, 'Your role sees no single hand-offs.');
  }

  private requireOrganisationId(principal: Principal): string {
    if (!principal.organisationId)
      throw new ProblemException(
        403,
        ErrorCode.accountWithoutOrganisation,
        'Your account is not linked to an organisation; ask the beheerder to link it before working with hand-offs.',
      );
    return principal.organisationId;
  }

  private async callerOf(manager: EntityManager, principal: Principal): Promise<Caller> {
    const organisationId = this.requireOrganisationId(principal);
    const [organisation] = await manager.query(`SELECT id, type FROM organisation WHERE id = $1`, [
      organisationId,
    ]);
    if (!organisation) return this.requireOrganisationId({ ...principal, organisationId: null }) as never;
    return { principal, organisation };
  }

  /** `callerOf` with the organisation already read (by `load`). */
  private callerFrom(principal: Principal, organisation: Caller['organisation'] | null): Caller {
    this.requireOrganisationId(principal);
    if (!organisation) return this.requireOrganisationId({ ...principal, organisationId: null }) as never;
    return { principal, organisation };
  }

  /** The record when it exists; the party check follows. Unknown ids and malformed ids are the same 404. */
  private async findAsParty(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<{ handoff: HandoffEntity; parties: HandoffParty[] }> {
    const handoff = UUID.test(id) ? await manager.findOneBy(HandoffEntity, { id }) : null;
    if (!handoff) throw notFound(id);
    const parties = await this.partiesOf(manager, principal, handoff);
    if (parties.length === 0) throw notFound(id);
    return { handoff, parties };
  }

  /** Which side(s) the caller's organisation is on. The receiver does not see a concept yet. */
  private async partiesOf(
    manager: EntityManager,
    principal: Principal,
    handoff: HandoffEntity,
  ): Promise<HandoffParty[]> {
    const organisationId = principal.organisationId;
    if (!organisationId) return [];
    const parties: HandoffParty[] = [];
    if (handoff.senderOrganisationId === organisationId) parties.push('sender');
    if (handoff.state !== 'concept') {
      if (handoff.receiverOrganisationId === organisationId) parties.push('receiver');
      else if (handoff.receiverRegionId && handoff.receiverFunctionType) {
        const [holds] = await manager.query(
          `SELECT 1 FROM function_assignment fa
           WHERE fa.organisation_id = $1 AND fa.function_type = $2 AND fa.region_id = $3 AND fa.archived_at IS NULL
             AND (fa.end_date IS NULL OR fa.end_date >= $4::date) LIMIT 1`,
          [organisationId, handoff.receiverFunctionType, handoff.receiverRegionId, this.today()],
        );
        if (holds) parties.push('receiver');
      }
    }
    return parties;
  }

  // ---------------------------------------------------------------- persistence

  /**
   * The concept, its first timeline event and its audit row in one statement. A case reference that exists already
   * (1 in ~10¹¹) writes nothing (`WHERE NOT EXISTS`, so the transaction is not aborted): then another one is drawn.
   */
  private async insertHandoff(
    manager: EntityManager,
    caller: Caller,
    draft: Draft,
    id: string,
    forwardedFromId: string | null,
    auditEntry: AuditEntry,
  ): Promise<void> {
    const now = this.clock.now();
    const year = Number(todayInNetherlands(now).slice(0, 4));
    const row: Partial<HandoffEntity> = {
      id,
      caseReference: newCaseReference(year),
      ...columnsOf(draft),
      state: 'concept',
      version: 1,
      senderOrganisationId: caller.organisation.id,
      senderAccountId: caller.principal.accountId,
      regionIds: await this.regionsInvolved(manager, draft, caller.organisation.id),
      declineReason: null,
      alternativeOrganisationId: null,
      forwardedFromId,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
      respondBefore: null,
      respondedAt: null,
      closedAt: null,
    };
    const event = Object.assign(new HandoffEventEntity(), {
      version: 1,
      kind: 'created',
      party: 'sender',
      fromState: null,
      toState: 'concept',
      occurredAt: now,
      actor: caller.principal.actor,
      actorAccountId: caller.principal.accountId,
      actorOrganisationId: caller.organisation.id,
      reason: null,
      remark: null,
      alternativeOrganisationId: null,
      forwardedHandoffId: null,
      changedFields: [],
    });
    const metadata = this.dataSource.getMetadata(HandoffEntity);
    for (;;) {
      const params: unknown[] = [];
      const param = (value: unknown, cast = '') => {
        params.push(value);
        return `$${params.length}${cast}`;
      };
      const columns = Object.entries(row).map(([property, value]) => {
        const column = metadata.findColumnWithPropertyName(property)!;
        const type = column.type === 'varchar' ? 'text' : String(column.type);
        return {
          name: `"${column.databaseName}"`,
          value: param(value, `::${type}${column.isArray ? '[]' : ''}`),
        };
      });
      const [{ created }]: { created: number }[] = await manager.query(
        `WITH created AS (
           INSERT INTO handoff (${columns.map((c) => c.name).join(', ')})
           SELECT ${columns.map((c) => c.value).join(', ')}
           WHERE NOT EXISTS (SELECT 1 FROM handoff WHERE case_reference = ${param(row.caseReference)}) RETURNING id),
         timeline AS (${this.insertEventSql(event, param, 'created')}),
         audited AS (${this.audit.insertSql(auditEntry, param, 'EXISTS (SELECT 1 FROM created)')})
         SELECT count(*)::int AS created FROM created`,
        params,
      );
      if (created === 1) return;
      row.caseReference = newCaseReference(year);
    }
  }

  /** `UPDATE … WHERE id AND version`: 0 rows means someone else changed it first → 409, the transaction rolls back. */
  private async bumpVersion(
    manager: EntityManager,
    handoff: HandoffEntity,
    changes: Partial<HandoffEntity>,
  ): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(HandoffEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: handoff.id, version: handoff.version })
      .execute();
    if (result.affected !== 1) throw versionConflict();
    return handoff.version + 1;
  }

  private async appendEvent(
    manager: EntityManager,
    caller: Caller,
    handoffId: string,
    version: number,
    event: {
      kind: HandoffEventKind;
      party: HandoffParty;
      fromState: HandoffState | null;
      toState: HandoffState;
      reason?: string | null;
      remark?: string | null;
      alternativeOrganisationId?: string | null;
      forwardedHandoffId?: string | null;
      changedFields?: string[];
    },
  ): Promise<void> {
    await manager.insert(HandoffEventEntity, {
      handoffId,
      version,
      kind: event.kind,
      party: event.party,
      fromState: event.fromState,
      toState: event.toState,
      occurredAt: this.clock.now(),
      actor: caller.principal.actor,
      actorAccountId: caller.principal.accountId,
      actorOrganisationId: caller.organisation.id,
      reason: event.reason ?? null,
      remark: event.remark ?? null,
      alternativeOrganisationId: event.alternativeOrganisationId ?? null,
      forwardedHandoffId: event.forwardedHandoffId ?? null,
      changedFields: event.changedFields ?? [],
    });
  }

  /** `appendEvent` as an `INSERT … SELECT` for each row of `from` (whose `id` is the hand-off's): one part of a statement. */
  private insertEventSql(
    event: HandoffEventEntity,
    param: (value: unknown, cast?: string) => string,
    from: string,
  ): string {
    return `INSERT INTO handoff_event (handoff_id, version, kind, party, from_state, to_state, occurred_at, actor,
        actor_account_id, actor_organisation_id, reason, remark, alternative_organisation_id, forwarded_handoff_id,
        changed_fields)
      SELECT ${from}.id, ${[
        param(event.version, '::int'),
        param(event.kind, '::text'),
        param(event.party, '::text'),
        param(event.fromState, '::text'),
        param(event.toState, '::text'),
        param(event.occurredAt, '::timestamptz'),
        param(event.actor, '::text'),
        param(event.actorAccountId, '::uuid'),
        param(event.actorOrganisationId, '::uuid'),
        param(event.reason, '::text'),
        param(event.remark, '::text'),
        param(event.alternativeOrganisationId, '::uuid'),
        param(event.forwardedHandoffId, '::uuid'),
        param(event.changedFields, '::text[]'),
      ].join(', ')} FROM ${from}`;
  }

  /**
   * Regions involved, fixed at save: every region (any type) holding the gemeente of the signal or a gemeente
   * of the sender's or receiver's area, plus the regions named directly. This is the ketenregisseur's scope.
   */
  private async regionsInvolved(
    manager: EntityManager,
    draft: Draft,
    senderOrganisationId: string,
  ): Promise<string[]> {
    const organisationIds = [senderOrganisationId, draft.receiver.organisationId].filter(
      (id): id is string => !!id,
    );
    const direct = draft.receiver.regionId ? [draft.receiver.regionId] : [];
    const sql = `
      WITH named AS (
        SELECT unnest(o.region_ids) AS region_id FROM organisation o WHERE o.id = ANY($2::uuid[])
        UNION SELECT unnest($3::uuid[])
      ), codes AS (
        SELECT $1::text AS code
        UNION SELECT unnest(o.municipality_codes) FROM organisation o WHERE o.id = ANY($2::uuid[])
        UNION SELECT m.municipality_code FROM region_membership m
          WHERE m.region_id IN (SELECT region_id FROM named) AND ${CURRENT('m')}
      )
      SELECT region_id FROM named
      UNION SELECT m.region_id FROM region_membership m JOIN codes c ON c.code = m.municipality_code WHERE ${CURRENT('m')}`;
    const rows: { region_id: string }[] = await manager.query(sql.replace(/\$today/g, '$4'), [
      draft.municipalityCode,
      organisationIds,
      direct,
      this.today(),
    ]);
    return [...new Set(rows.map((row) => row.region_id))].sort();
  }

  private async namesOf(
    manager: EntityManager,
    handoffs: readonly HandoffEntity[],
    events: readonly HandoffEventEntity[],
  ): Promise<HandoffNames> {
    const organisationIds = [
      ...new Set(
        handoffs
          .flatMap((h) => [h.senderOrganisationId, h.receiverOrganisationId])
          .filter((id): id is string => !!id),
      ),
    ];
    const regionIds = [
      ...new Set(handoffs.map((h) => h.receiverRegionId).filter((id): id is string => !!id)),
    ];
    const accountIds = [
      ...new Set(
        [...handoffs.map((h) => h.senderAccountId), ...events.map((e) => e.actorAccountId)].filter(
          (id): id is string => !!id,
        ),
      ),
    ];
    const organisations: { id: string; name: string; type: string }[] = organisationIds.length
      ? await manager.query(`SELECT id, name, type FROM organisation WHERE id = ANY($1::uuid[])`, [
          organisationIds,
        ])
      : [];
    const regions: { id: string; name: string }[] = regionIds.length
      ? await manager.query(`SELECT id, name FROM region WHERE id = ANY($1::uuid[])`, [regionIds])
      : [];
    const accounts: { id: string; display_name: string }[] = accountIds.length
      ? await manager.query(`SELECT id, display_name FROM account WHERE id = ANY($1::uuid[])`, [accountIds])
      : [];
    return {
      organisations: new Map(organisations.map((o) => [o.id, { name: o.name, type: o.type }])),
      regions: new Map(regions.map((r) => [r.id, r.name])),
      accounts: new Map(accounts.map((a) => [a.id, a.display_name])),
    };
  }

  private today(): string {
    return todayInNetherlands(this.clock.now());
  }
}

function versionConflict(): ProblemException {
  return ProblemException.conflict(
    ErrorCode.versionConflict,
    'Someone else changed this hand-off first; reload it and try again.',
  );
}

function receiverOf(dto: HandoffReceiverDto, name: string): Receiver {
  const hasOrganisation = !!dto.organisationId;
  const hasInbox = !!dto.inbox;
  if (hasOrganisation === hasInbox)
    throw ProblemException.invalid(
      name,
      'exactly_one_receiver',
      'give either organisationId or inbox, not both.',
    );
  return hasOrganisation
    ? { organisationId: dto.organisationId!, regionId: null, functionType: null }
    : { organisationId: null, regionId: dto.inbox!.regionId, functionType: dto.inbox!.functionType };
}

function draftOfEntity(handoff: HandoffEntity): Draft {
  return {
    pathCode: handoff.pathCode,
    receiver: {
      organisationId: handoff.receiverOrganisationId,
      regionId: handoff.receiverRegionId,
      functionType: handoff.receiverFunctionType,
    },
    externalReference: handoff.externalReference,
    municipalityCode: handoff.municipalityCode,
    exploitationForm: handoff.exploitationForm,
    targetGroup: handoff.targetGroup,
    minor: handoff.minor,
    ageBand: handoff.ageBand,
    consent: { given: handoff.consentGiven, date: handoff.consentDate, givenBy: handoff.consentGivenBy },
    legalBasis: handoff.legalBasis,
    notes: handoff.notes,
  };
}

function columnsOf(draft: Draft): Partial<HandoffEntity> {
  return {
    pathCode: draft.pathCode,
    receiverOrganisationId: draft.receiver.organisationId,
    receiverRegionId: draft.receiver.regionId,
    receiverFunctionType: draft.receiver.functionType,
    externalReference: draft.externalReference,
    municipalityCode: draft.municipalityCode,
    exploitationForm: draft.exploitationForm,
    targetGroup: draft.targetGroup,
    minor: draft.minor,
    ageBand: draft.ageBand,
    consentGiven: draft.consent.given,
    consentDate: draft.consent.date,
    consentGivenBy: draft.consent.givenBy,
    legalBasis: draft.legalBasis,
    notes: draft.notes,
  };
}

function definedOf<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** SHA-256 of the body as canonical JSON (keys sorted), so key order does not make two requests differ. */
function hashOf(value: unknown): string {
  const canonical = (input: unknown): unknown =>
    Array.isArray(input)
      ? input.map(canonical)
      : input && typeof input === 'object'
        ? Object.fromEntries(
            Object.entries(input as Record<string, unknown>)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : input;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}
