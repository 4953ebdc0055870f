import { Injectable } from '@nestjs/common';
import { DirectoryKind, ErrorCode, FUNCTION_TYPE_LABELS, FunctionType } from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../common/caller';
import { todayInNetherlands } from '../common/dates';
import { Page } from '../common/pagination.dto';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';
import {
  CURRENT_SQL,
  STALE_SQL,
  Snapshot,
  UUID_PATTERN,
  isoOrNull,
  listChanges,
  lockForWrite,
  recordChange,
  saveEntryChange,
  snapshotAt,
} from './directory-history';
import { requireReferences } from './directory-references';
import { VersionDto } from './dto/common.dto';
import { CreateFunctionDto, FunctionDto, ListFunctionsQueryDto, UpdateFunctionDto } from './dto/function.dto';
import { ChangeListDto } from './dto/history.dto';
import { FunctionAssignmentEntity } from './function-assignment.entity';

export interface FunctionRow {
  id: string;
  functionType: FunctionType;
  personId: string | null;
  personName: string | null;
  workEmail: string | null;
  workPhone: string | null;
  organisationId: string | null;
  organisationName: string | null;
  regionId: string | null;
  regionTypeCode: string | null;
  regionCode: string | null;
  regionName: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: string | null;
  deputyId: string | null;
  deputyName: string | null;
  trainingDate: string | null;
  opAfstand: boolean;
  current: boolean;
  lastVerifiedAt: Date | null;
  lastVerifiedBy: string | null;
  archivedAt: Date | null;
  version: number;
  stale: boolean;
}

/** SQL: function `f` is held today (started, not ended, not archived). */
export const FUNCTION_CURRENT_SQL = (alias: string) =>
  `(${alias}.archived_at IS NULL AND ${alias}.start_date <= CURRENT_DATE AND (${alias}.end_date IS NULL OR ${alias}.end_date > CURRENT_DATE))`;

/** Selects FunctionRow for alias `f`; `staleParam` holds DIRECTORY_STALE_MONTHS. */
export const SELECT_FUNCTION = (staleParam: string) => `
  SELECT f.id, f.function_type AS "functionType", f.person_id AS "personId", p.name AS "personName",
         p.work_email AS "workEmail", p.work_phone AS "workPhone", f.organisation_id AS "organisationId",
         o.name AS "organisationName", f.region_id AS "regionId", r.type_code AS "regionTypeCode", r.code AS "regionCode",
         r.name AS "regionName", f.municipality_code AS "municipalityCode",
         coalesce(g.display_name, g.name) AS "municipalityName",
         to_char(f.start_date, 'YYYY-MM-DD') AS "startDate", to_char(f.end_date, 'YYYY-MM-DD') AS "endDate",
         f.hours_per_week::text AS "hoursPerWeek", f.deputy_person_id AS "deputyId", d.name AS "deputyName",
         to_char(f.training_date, 'YYYY-MM-DD') AS "trainingDate", f.op_afstand AS "opAfstand",
         ${FUNCTION_CURRENT_SQL('f')} AS current, f.last_verified_at AS "lastVerifiedAt",
         f.last_verified_by AS "lastVerifiedBy", f.archived_at AS "archivedAt", f.version, ${STALE_SQL('f', staleParam)} AS stale
    FROM function_assignment f
    LEFT JOIN person p ON p.id = f.person_id
    LEFT JOIN person d ON d.id = f.deputy_person_id
    LEFT JOIN organisation o ON o.id = f.organisation_id
    LEFT JOIN region r ON r.id = f.region_id
    LEFT JOIN municipality g ON g.code = f.municipality_code`;

export function toFunctionDto(row: FunctionRow): FunctionDto {
  return {
    id: row.id,
    functionType: row.functionType,
    label: FUNCTION_TYPE_LABELS[row.functionType] ?? row.functionType,
    person: row.personId
      ? { id: row.personId, name: row.personName ?? '', workEmail: row.workEmail, workPhone: row.workPhone }
      : null,
    organisation: row.organisationId ? { id: row.organisationId, name: row.organisationName ?? '' } : null,
    region: row.regionId
      ? {
          id: row.regionId,
          typeCode: row.regionTypeCode ?? '',
          code: row.regionCode ?? '',
          name: row.regionName ?? '',
        }
      : null,
    municipality: row.municipalityCode
      ? { code: row.municipalityCode, name: row.municipalityName ?? '' }
      : null,
    startDate: row.startDate,
    endDate: row.endDate,
    hoursPerWeek: row.hoursPerWeek === null ? null : Number(row.hoursPerWeek),
    deputy: row.deputyId ? { id: row.deputyId, name: row.deputyName ?? '' } : null,
    trainingDate: row.trainingDate,
    opAfstand: row.opAfstand,
    current: row.current,
    lastVerifiedAt: isoOrNull(row.lastVerifiedAt),
    lastVerifiedBy: row.lastVerifiedBy,
    stale: row.stale,
    archivedAt: isoOrNull(row.archivedAt),
    version: Number(row.version),
  };
}

export function functionSnapshot(entity: FunctionAssignmentEntity): Snapshot {
  return {
    functionType: entity.functionType,
    personId: entity.personId,
    organisationId: entity.organisationId,
    regionId: entity.regionId,
    municipalityCode: entity.municipalityCode,
    startDate: entity.startDate,
    endDate: entity.endDate,
    hoursPerWeek: entity.hoursPerWeek === null ? null : Number(entity.hoursPerWeek),
    deputyPersonId: entity.deputyPersonId,
    trainingDate: entity.trainingDate,
    opAfstand: entity.opAfstand,
    archivedAt: isoOrNull(entity.archivedAt),
    lastVerifiedAt: isoOrNull(entity.lastVerifiedAt),
    lastVerifiedBy: entity.lastVerifiedBy,
  };
}

const RESTORABLE = [
  'functionType',
  'personId',
  'organisationId',
  'regionId',
  'municipalityCode',
  'startDate',
  'endDate',
  'deputyPersonId',
  'trainingDate',
  'opAfstand',
] as const;

/**
 * Business rules of a function (issue 3 §2) that a DTO cannot check alone; returns the problems with their field.
 * Exported for the unit test.
 */
export function functionRuleViolations(f: {
  functionType: FunctionType;
  personId: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  startDate: string;
  endDate: string | null;
  trainingDate: string | null;
  opAfstand: boolean;
  deputyPersonId: string | null;
}): { name: string; code: ErrorCode; reason: string }[] {
  const problems: { name: string; code: ErrorCode; reason: string }[] = [];
  if ((f.regionId === null) === (f.municipalityCode === null)) {
    problems.push({
      name: 'regionId',
      code: ErrorCode.invalidFunctionScope,
      reason: 'Give exactly one of regionId and municipalityCode.',
    });
  }
  if (!f.personId && !f.opAfstand) {
    problems.push({
      name: 'personId',
      code: ErrorCode.validationFailed,
      reason: 'personId is required unless the function is held op afstand.',
    });
  }
  if (f.endDate !== null && f.endDate < f.startDate) {
    problems.push({
      name: 'endDate',
      code: ErrorCode.invalidPeriod,
      reason: 'endDate lies before startDate.',
    });
  }
  if (f.trainingDate !== null && f.functionType !== 'aandachtsfunctionaris') {
    problems.push({
      name: 'trainingDate',
      code: ErrorCode.trainingDateNotApplicable,
      reason: 'trainingDate is recorded for aandachtsfunctionarissen only.',
    });
  }
  if (f.deputyPersonId !== null && f.deputyPersonId === f.personId) {
    problems.push({
      name: 'deputyPersonId',
      code: ErrorCode.validationFailed,
      reason: 'A holder cannot be their own deputy.',
    });
  }
  return problems;
}

@Injectable()
export class FunctionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async list(query: ListFunctionsQueryDto): Promise<Page<FunctionDto>> {
    await requireReferences(this.dataSource.manager, 'region', 'region', query.region);
    await requireReferences(this.dataSource.manager, 'municipality', 'municipality', query.municipality);
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!query.includeArchived) where.push('f.archived_at IS NULL');
    if (!query.includeEnded)
      where.push(`(f.start_date <= CURRENT_DATE AND (f.end_date IS NULL OR f.end_date > CURRENT_DATE))`);
    if (query.functionType) where.push(`f.function_type = ${param(query.functionType)}`);
    if (query.person)
      where.push(
        `(f.person_id = ${param(query.person)}::uuid OR f.deputy_person_id = $${params.length}::uuid)`,
      );
    if (query.region) {
      const region = param(query.region);
      where.push(`(f.region_id = ${region}::uuid OR f.municipality_code IN (
                    SELECT m.municipality_code FROM region_membership m WHERE m.region_id = ${region}::uuid AND ${CURRENT_SQL('m')}))`);
    }
    if (query.municipality) {
      const code = param(query.municipality);
      where.push(`(f.municipality_code = ${code} OR f.region_id IN (
                    SELECT m.region_id FROM region_membership m WHERE m.municipality_code = ${code} AND ${CURRENT_SQL('m')}))`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*) FROM function_assignment f ${filter}`,
      params,
    );
    const stale = param(this.config.DIRECTORY_STALE_MONTHS);
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const rows: FunctionRow[] = await this.dataSource.query(
      `${SELECT_FUNCTION(stale)} ${filter}
        ORDER BY f.function_type, coalesce(r.name, g.name), f.start_date DESC, f.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return {
      items: rows.map(toFunctionDto),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(count),
    };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<FunctionDto> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Function', id);
    const [row]: FunctionRow[] = await manager.query(`${SELECT_FUNCTION('$1')} WHERE f.id = $2`, [
      this.config.DIRECTORY_STALE_MONTHS,
      id,
    ]);
    if (!row) throw ProblemException.notFound('Function', id);
    return toFunctionDto(row);
  }

  async create(dto: CreateFunctionDto, caller: Caller): Promise<FunctionDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = manager.create(FunctionAssignmentEntity, {
        functionType: dto.functionType,
        personId: dto.personId ?? null,
        organisationId: dto.organisationId ?? null,
        regionId: dto.regionId ?? null,
        municipalityCode: dto.municipalityCode ?? null,
        startDate: dto.startDate ?? todayInNetherlands(),
        endDate: dto.endDate ?? null,
        hoursPerWeek: dto.hoursPerWeek == null ? null : String(dto.hoursPerWeek),
        deputyPersonId: dto.deputyPersonId ?? null,
        trainingDate: dto.trainingDate ?? null,
        opAfstand: dto.opAfstand ?? false,
        lastVerifiedAt: null,
        lastVerifiedBy: null,
        archivedAt: null,
      });
      await this.requireValid(manager, entity);
      const saved = await manager.save(entity);
      await recordChange(
        manager,
        DirectoryKind.function,
        saved.id,
        saved.version,
        'created',
        null,
        functionSnapshot(saved),
        caller,
      );
      return this.get(saved.id, manager);
    });
  }

  async update(id: string, dto: UpdateFunctionDto, caller: Caller): Promise<FunctionDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, FunctionAssignmentEntity, 'Function', id, dto.version);
      if (entity.archivedAt)
        throw ProblemException.conflict(
          ErrorCode.entryArchived,
          `Function '${id}' is archived; restore a version first.`,
        );
      const before = functionSnapshot(entity);
      if (dto.functionType !== undefined) entity.functionType = dto.functionType;
      if (dto.personId !== undefined) entity.personId = dto.personId;
      if (dto.organisationId !== undefined) entity.organisationId = dto.organisationId;
      if (dto.regionId !== undefined) entity.regionId = dto.regionId;
      if (dto.municipalityCode !== undefined) entity.municipalityCode = dto.municipalityCode;
      if (dto.startDate !== undefined) entity.startDate = dto.startDate;
      if (dto.endDate !== undefined) entity.endDate = dto.endDate;
      if (dto.hoursPerWeek !== undefined)
        entity.hoursPerWeek = dto.hoursPerWeek === null ? null : String(dto.hoursPerWeek);
      if (dto.deputyPersonId !== undefined) entity.deputyPersonId = dto.deputyPersonId;
      if (dto.trainingDate !== undefined) entity.trainingDate = dto.trainingDate;
      if (dto.opAfstand !== undefined) entity.opAfstand = dto.opAfstand;
      await this.requireValid(manager, entity);
      return this.saveChange(manager, entity, before, 'updated', caller);
    });
  }

  async archive(id: string, caller: Caller): Promise<FunctionDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, FunctionAssignmentEntity, 'Function', id);
      if (entity.archivedAt) return this.get(id, manager);
      const before = functionSnapshot(entity);
      entity.archivedAt = new Date();
      return this.saveChange(manager, entity, before, 'archived', caller);
    });
  }

  async verify(id: string, caller: Caller): Promise<FunctionDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, FunctionAssignmentEntity, 'Function', id);
      const before = functionSnapshot(entity);
      entity.lastVerifiedAt = new Date();
      entity.lastVerifiedBy = caller.actor;
      return this.saveChange(manager, entity, before, 'verified', caller);
    });
  }

  async history(id: string): Promise<ChangeListDto> {
    if (
      !UUID_PATTERN.test(id) ||
      !(await this.dataSource.manager.exists(FunctionAssignmentEntity, { where: { id } }))
    ) {
      throw ProblemException.notFound('Function', id);
    }
    return { items: await listChanges(this.dataSource.manager, DirectoryKind.function, id) };
  }

  async restore(id: string, versionId: number, dto: VersionDto, caller: Caller): Promise<FunctionDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, FunctionAssignmentEntity, 'Function', id, dto.version);
      const snapshot = await snapshotAt(manager, DirectoryKind.function, id, versionId);
      const before = functionSnapshot(entity);
      for (const field of RESTORABLE)
        (entity as unknown as Record<string, unknown>)[field] = snapshot[field] ?? null;
      entity.hoursPerWeek = snapshot['hoursPerWeek'] == null ? null : String(snapshot['hoursPerWeek']);
      entity.archivedAt = snapshot['archivedAt'] ? new Date(String(snapshot['archivedAt'])) : null;
      await this.requireValid(manager, entity);
      return this.saveChange(manager, entity, before, 'restored', caller);
    });
  }

  private async saveChange(
    manager: EntityManager,
    entity: FunctionAssignmentEntity,
    before: Snapshot,
    action: 'updated' | 'archived' | 'verified' | 'restored',
    caller: Caller,
  ): Promise<FunctionDto> {
    await saveEntryChange(manager, DirectoryKind.function, entity, before, action, caller, functionSnapshot);
    return this.get(entity.id, manager);
  }

  private async requireValid(manager: EntityManager, entity: FunctionAssignmentEntity): Promise<void> {
    const problems = functionRuleViolations(entity);
    if (problems.length > 0) {
      throw new ProblemException(
        400,
        problems[0].code,
        problems.map((problem) => problem.reason).join(' '),
        problems,
      );
    }
    await requireReferences(manager, 'person', 'personId', entity.personId);
    await requireReferences(manager, 'person', 'deputyPersonId', entity.deputyPersonId);
    await requireReferences(manager, 'organisation', 'organisationId', entity.organisationId);
    await requireReferences(manager, 'region', 'regionId', entity.regionId);
    await requireReferences(manager, 'municipality', 'municipalityCode', entity.municipalityCode);
  }
}
