import { DirectoryKind, ErrorCode } from '@ketenkaart/shared-domain';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import type { Caller } from '../common/caller';
import { ProblemException } from '../common/problem.exception';
import { ANYWHERE, assertWriteScope, Footprint } from '../common/write-scope';
import { ChangeDto } from './dto/history.dto';
import { ChangeAction, DirectoryChangeEntity, FieldChange } from './directory-change.entity';

export type Snapshot = Record<string, unknown>;

/** Fields that changed between two snapshots, in the order of `after`'s keys. `before` null = created. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before ?? {})])];
  return keys.flatMap((field) => {
    const old = before ? (before[field] ?? null) : null;
    const now = after[field] ?? null;
    return JSON.stringify(old) === JSON.stringify(now) ? [] : [{ field, old, new: now }];
  });
}

/** JSON-safe value for a snapshot: dates as ISO strings, arrays sorted where order carries no meaning. */
export const isoOrNull = (date: Date | string | null | undefined): string | null =>
  date == null ? null : date instanceof Date ? date.toISOString() : new Date(date).toISOString();
export const sorted = (values: readonly string[] | null | undefined): string[] => [...(values ?? [])].sort();

/**
 * Appends one change to the history of an entry. Every directory write passes here inside its transaction, so
 * this is also where the write scope is enforced: the entry as it was and as it will be must lie in the
 * caller's regions, or the whole write is rolled back.
 */
export async function recordChange(
  manager: EntityManager,
  kind: DirectoryKind,
  entityId: string,
  version: number,
  action: ChangeAction,
  before: Snapshot | null,
  after: Snapshot,
  caller: Caller,
): Promise<void> {
  const snapshots = before ? [before, after] : [after];
  const footprints = await Promise.all(
    snapshots.map((snapshot) => footprintOf(manager, kind, entityId, snapshot)),
  );
  await assertWriteScope(manager, caller, footprints, KIND_LABELS[kind]);
  const changes = diffSnapshots(before, after);
  await manager.insert(DirectoryChangeEntity, {
    entityKind: kind,
    entityId,
    version,
    action,
    changedBy: caller.actor,
    // jsonb columns: TypeORM's deep-partial typing cannot follow `unknown` values.
    changes: changes as never,
    snapshot: after as never,
  });
  // The audit trail names the fields, never their values: the history above holds those, for editors only.
  await manager.insert(AuditEventEntity, {
    occurredAt: new Date(),
    actor: caller.actor,
    actorAccountId: caller.accountId ?? null,
    action: `directory.${kind}.${action}`,
    recordType: kind,
    recordId: entityId,
    ip: caller.origin?.ip ?? null,
    outcome: 'success',
    correlationId: caller.origin?.correlationId ?? null,
    details: { version, fields: changes.map((change) => change.field) } as never,
  });
}

const KIND_LABELS: Record<DirectoryKind, string> = {
  [DirectoryKind.organisation]: 'organisation',
  [DirectoryKind.person]: 'person',
  [DirectoryKind.function]: 'function',
};

/**
 * Where an entry lies: an organisation by its served area; a function by its region or gemeente; a person by
 * their organisation and the functions they hold (a person with neither has no place yet and may be written by
 * any directory editor, so that a new person can be entered before their function).
 */
async function footprintOf(
  manager: EntityManager,
  kind: DirectoryKind,
  entityId: string,
  snapshot: Snapshot,
): Promise<Footprint> {
  if (kind === DirectoryKind.organisation) {
    return {
      national: snapshot.national === true,
      municipalityCodes: snapshot.municipalityCodes as string[],
      regionIds: snapshot.regionIds as string[],
    };
  }
  if (kind === DirectoryKind.function) {
    return {
      regionIds: [snapshot.regionId as string | null],
      municipalityCodes: [snapshot.municipalityCode as string | null],
    };
  }
  const [place]: { national: boolean | null; municipality_codes: string[]; region_ids: string[] }[] =
    await manager.query(
      `SELECT bool_or(o.national) AS national,
            coalesce(array_agg(DISTINCT c) FILTER (WHERE c IS NOT NULL), '{}') AS municipality_codes,
            coalesce(array_agg(DISTINCT r) FILTER (WHERE r IS NOT NULL), '{}') AS region_ids
       FROM (SELECT o.national, o.municipality_codes, o.region_ids FROM organisation o WHERE o.id = $1
             UNION ALL
             SELECT false, ARRAY[f.municipality_code]::text[], ARRAY[f.region_id]::uuid[]
               FROM function_assignment f WHERE f.person_id = $2 AND f.archived_at IS NULL) o
       LEFT JOIN LATERAL unnest(o.municipality_codes) c ON true
       LEFT JOIN LATERAL unnest(o.region_ids) r ON true`,
      [snapshot.organisationId ?? null, entityId],
    );
  const footprint = {
    national: place?.national === true,
    municipalityCodes: place?.municipality_codes ?? [],
    regionIds: place?.region_ids ?? [],
  };
  const placeless =
    !footprint.national && footprint.municipalityCodes.length === 0 && footprint.regionIds.length === 0;
  return placeless ? ANYWHERE : footprint;
}

export async function listChanges(
  manager: EntityManager,
  kind: DirectoryKind,
  entityId: string,
): Promise<ChangeDto[]> {
  const rows = await manager.find(DirectoryChangeEntity, {
    where: { entityKind: kind, entityId },
    order: { version: 'DESC' },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.entityKind,
    entityId: row.entityId,
    version: row.version,
    action: row.action,
    changedBy: row.changedBy,
    changedAt: row.changedAt.toISOString(),
    changes: row.changes,
  }));
}

export async function snapshotAt(
  manager: EntityManager,
  kind: DirectoryKind,
  entityId: string,
  version: number,
): Promise<Snapshot> {
  const row = await manager.findOne(DirectoryChangeEntity, {
    where: { entityKind: kind, entityId, version },
  });
  if (!row) throw ProblemException.notFound('Version', `${entityId}@${version}`);
  return row.snapshot;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads an entry for writing: row-locked, and refused when the caller's version is out of date. */
export async function lockForWrite<T extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  what: string,
  id: string,
  expectedVersion?: number,
): Promise<T> {
  if (!UUID_PATTERN.test(id)) throw ProblemException.notFound(what, id);
  const entry = await manager.findOne(target, {
    where: { id } as never,
    lock: { mode: 'pessimistic_write' },
  });
  if (!entry) throw ProblemException.notFound(what, id);
  if (expectedVersion !== undefined && entry.version !== expectedVersion) {
    throw ProblemException.conflict(
      ErrorCode.versionConflict,
      `${what} '${id}' was changed by someone else (version ${entry.version}, you sent ${expectedVersion}). Reload and try again.`,
    );
  }
  return entry;
}

/** The version a save just wrote (the version column is bumped in SQL). */
const TABLE_OF_KIND: Record<DirectoryKind, string> = {
  [DirectoryKind.organisation]: 'organisation',
  [DirectoryKind.person]: 'person',
  [DirectoryKind.function]: 'function_assignment',
};

/**
 * Saves an edited directory entry and appends its change, for organisations, people and functions alike.
 * Touching updatedAt makes every write bump the version, so a stale PATCH always conflicts.
 */
export async function saveEntryChange<T extends { id: string; updatedAt: Date }>(
  manager: EntityManager,
  kind: DirectoryKind,
  entity: T,
  before: Snapshot,
  action: ChangeAction,
  caller: Caller,
  snapshotOf: (entity: T) => Snapshot,
): Promise<void> {
  entity.updatedAt = new Date();
  await manager.save(entity);
  const version = await currentVersion(manager, TABLE_OF_KIND[kind], entity.id);
  await recordChange(manager, kind, entity.id, version, action, before, snapshotOf(entity), caller);
}

export async function currentVersion(manager: EntityManager, table: string, id: string): Promise<number> {
  const [row] = await manager.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return Number(row.version);
}

/** SQL: whether an entry with this alias is stale (never verified counts from its creation). */
export const STALE_SQL = (alias: string, monthsParam: string) =>
  `(coalesce(${alias}.last_verified_at, ${alias}.created_at) < now() - make_interval(months => ${monthsParam}::int))`;

/** SQL: whether a membership/region/function row is valid today. */
export const CURRENT_SQL = (alias: string) =>
  `(${alias}.valid_from <= CURRENT_DATE AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > CURRENT_DATE))`;

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** A `{versionId}` path segment that is not a number names no version: 404, like an unknown one. */
export const versionIdNotFound = () => ProblemException.notFound('Version', 'versionId');
