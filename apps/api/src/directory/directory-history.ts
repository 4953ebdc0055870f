import { DirectoryKind, ErrorCode } from '@ketenkaart/shared-domain';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ProblemException } from '../common/problem.exception';
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

/** Appends one change to the history of an entry. */
export async function recordChange(
  manager: EntityManager,
  kind: DirectoryKind,
  entityId: string,
  version: number,
  action: ChangeAction,
  before: Snapshot | null,
  after: Snapshot,
  actor: string,
): Promise<void> {
  await manager.insert(DirectoryChangeEntity, {
    entityKind: kind,
    entityId,
    version,
    action,
    changedBy: actor,
    // jsonb columns: TypeORM's deep-partial typing cannot follow `unknown` values.
    changes: diffSnapshots(before, after) as never,
    snapshot: after as never,
  });
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
