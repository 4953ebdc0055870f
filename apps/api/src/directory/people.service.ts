import { Injectable } from '@nestjs/common';
import { DirectoryKind, ErrorCode, FunctionType } from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../common/caller';
import { Page } from '../common/pagination.dto';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';
import {
  STALE_SQL,
  Snapshot,
  UUID_PATTERN,
  escapeLike,
  isoOrNull,
  listChanges,
  lockForWrite,
  recordChange,
  saveEntryChange,
  snapshotAt,
} from './directory-history';
import { requireReferences } from './directory-references';
import { VersionDto } from './dto/common.dto';
import { ChangeListDto } from './dto/history.dto';
import {
  CreatePersonDto,
  ListPeopleQueryDto,
  PersonDetailDto,
  PersonSummaryDto,
  UpdatePersonDto,
} from './dto/person.dto';
import { PersonEntity } from './person.entity';
import { everyWordMatches, searchWords, withSearchThreshold } from './search-sql';

interface PersonRow {
  id: string;
  name: string;
  workEmail: string | null;
  workPhone: string | null;
  organisationId: string | null;
  organisationName: string | null;
  lastVerifiedAt: Date | null;
  lastVerifiedBy: string | null;
  archivedAt: Date | null;
  version: number;
  stale: boolean;
}

const PERSON_COLUMNS = (staleParam: string) => `
  p.id, p.name, p.work_email AS "workEmail", p.work_phone AS "workPhone", p.organisation_id AS "organisationId",
  o.name AS "organisationName", p.last_verified_at AS "lastVerifiedAt", p.last_verified_by AS "lastVerifiedBy",
  p.archived_at AS "archivedAt", p.version, ${STALE_SQL('p', staleParam)} AS stale`;

function toPersonSummary(row: PersonRow): PersonSummaryDto {
  return {
    id: row.id,
    name: row.name,
    workEmail: row.workEmail,
    workPhone: row.workPhone,
    organisation: row.organisationId ? { id: row.organisationId, name: row.organisationName ?? '' } : null,
    lastVerifiedAt: isoOrNull(row.lastVerifiedAt),
    lastVerifiedBy: row.lastVerifiedBy,
    stale: row.stale,
    archivedAt: isoOrNull(row.archivedAt),
    version: Number(row.version),
  };
}

export function personSnapshot(entity: PersonEntity): Snapshot {
  return {
    name: entity.name,
    workEmail: entity.workEmail,
    workPhone: entity.workPhone,
    organisationId: entity.organisationId,
    externalKey: entity.externalKey,
    archivedAt: isoOrNull(entity.archivedAt),
    lastVerifiedAt: isoOrNull(entity.lastVerifiedAt),
    lastVerifiedBy: entity.lastVerifiedBy,
  };
}

/**
 * Relevance of person `p`: every word of the text in the folded name (substring or typo-tolerant, see
 * everyWordMatches), or the whole text as a substring of name or e-mail. p.search_name is kk_fold(p.name), stored by
 * a trigger (migration SearchIndexes1795875600000).
 */
export function personRelevance(
  textParam: string,
  likeParam: string,
  wordParams: readonly string[],
): { match: string; score: string } {
  const name = 'p.search_name';
  const folded = `kk_fold(${textParam})`;
  return {
    // Indexed arms (idx_person_search_name_trgm, idx_person_work_email_trgm): a BitmapOr.
    match: `(${name} LIKE '%' || kk_fold(${likeParam}) || '%' OR ${everyWordMatches(name, wordParams)}
             OR lower(coalesce(p.work_email, '')) LIKE '%' || lower(${likeParam}) || '%')`,
    score: `(2 * word_similarity(${folded}, ${name}) + similarity(${folded}, ${name})
             + CASE WHEN ${name} LIKE kk_fold(${likeParam}) || '%' THEN 1 ELSE 0 END)`,
  };
}

@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async list(query: ListPeopleQueryDto): Promise<Page<PersonSummaryDto>> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!query.includeArchived) where.push('p.archived_at IS NULL');
    if (query.organisation) where.push(`p.organisation_id = ${param(query.organisation)}::uuid`);
    let score = '0';
    // The whole text only weighs in the score, so the count runs without it (an unused parameter has no type).
    let countParams: unknown[] | undefined;
    if (query.q) {
      const like = param(escapeLike(query.q));
      const words = searchWords(query.q).map(param);
      countParams = [...params];
      const relevance = personRelevance(param(query.q), like, words);
      where.push(relevance.match);
      score = relevance.score;
    }
    countParams ??= [...params];
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const stale = param(this.config.DIRECTORY_STALE_MONTHS);
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const run = async (manager: EntityManager) => {
      const [{ count }] = await manager.query(`SELECT count(*) FROM person p ${filter}`, countParams);
      const rows: PersonRow[] = await manager.query(
        `SELECT ${PERSON_COLUMNS(stale)}, ${score} AS score
           FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id ${filter}
          ORDER BY score DESC, p.search_name COLLATE "C", p.id LIMIT ${limit} OFFSET ${offset}`,
        params,
      );
      return { count, rows };
    };
    const { count, rows } = query.q
      ? await withSearchThreshold(this.dataSource, run)
      : await run(this.dataSource.manager);
    return {
      items: rows.map(toPersonSummary),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(count),
    };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PersonDetailDto> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Person', id);
    const [row]: (PersonRow & { externalKey: string | null; createdAt: Date; updatedAt: Date })[] =
      await manager.query(
        `SELECT ${PERSON_COLUMNS('$1')}, p.external_key AS "externalKey", p.created_at AS "createdAt", p.updated_at AS "updatedAt"
         FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = $2`,
        [this.config.DIRECTORY_STALE_MONTHS, id],
      );
    if (!row) throw ProblemException.notFound('Person', id);
    const functions: { id: string; functionType: FunctionType; scopeName: string; current: boolean }[] =
      await manager.query(
        `SELECT f.id, f.function_type AS "functionType", coalesce(r.name, coalesce(g.display_name, g.name)) AS "scopeName",
              (f.start_date <= CURRENT_DATE AND (f.end_date IS NULL OR f.end_date > CURRENT_DATE)) AS current
         FROM function_assignment f
         LEFT JOIN region r ON r.id = f.region_id LEFT JOIN municipality g ON g.code = f.municipality_code
        WHERE f.person_id = $1 AND f.archived_at IS NULL ORDER BY f.start_date DESC, f.id`,
        [id],
      );
    return {
      ...toPersonSummary(row),
      externalKey: row.externalKey,
      functions,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async create(dto: CreatePersonDto, caller: Caller): Promise<PersonDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireValidReferences(manager, dto, null);
      const saved = await manager.save(
        manager.create(PersonEntity, {
          name: dto.name,
          workEmail: dto.workEmail ?? null,
          workPhone: dto.workPhone ?? null,
          organisationId: dto.organisationId ?? null,
          externalKey: dto.externalKey ?? null,
          lastVerifiedAt: null,
          lastVerifiedBy: null,
          archivedAt: null,
        }),
      );
      await recordChange(
        manager,
        DirectoryKind.person,
        saved.id,
        saved.version,
        'created',
        null,
        personSnapshot(saved),
        caller,
      );
      return this.get(saved.id, manager);
    });
  }

  async update(id: string, dto: UpdatePersonDto, caller: Caller): Promise<PersonDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, PersonEntity, 'Person', id, dto.version);
      if (entity.archivedAt)
        throw ProblemException.conflict(
          ErrorCode.entryArchived,
          `Person '${id}' is archived; restore a version first.`,
        );
      await this.requireValidReferences(manager, dto, id);
      const before = personSnapshot(entity);
      if (dto.name !== undefined) entity.name = dto.name;
      if (dto.workEmail !== undefined) entity.workEmail = dto.workEmail;
      if (dto.workPhone !== undefined) entity.workPhone = dto.workPhone;
      if (dto.organisationId !== undefined) entity.organisationId = dto.organisationId;
      if (dto.externalKey !== undefined) entity.externalKey = dto.externalKey;
      return this.saveChange(manager, entity, before, 'updated', caller);
    });
  }

  async archive(id: string, caller: Caller): Promise<PersonDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, PersonEntity, 'Person', id);
      if (entity.archivedAt) return this.get(id, manager);
      const before = personSnapshot(entity);
      entity.archivedAt = new Date();
      return this.saveChange(manager, entity, before, 'archived', caller);
    });
  }

  async verify(id: string, caller: Caller): Promise<PersonDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, PersonEntity, 'Person', id);
      const before = personSnapshot(entity);
      entity.lastVerifiedAt = new Date();
      entity.lastVerifiedBy = caller.actor;
      return this.saveChange(manager, entity, before, 'verified', caller);
    });
  }

  async history(id: string): Promise<ChangeListDto> {
    if (!UUID_PATTERN.test(id) || !(await this.dataSource.manager.exists(PersonEntity, { where: { id } }))) {
      throw ProblemException.notFound('Person', id);
    }
    return { items: await listChanges(this.dataSource.manager, DirectoryKind.person, id) };
  }

  async restore(id: string, versionId: number, dto: VersionDto, caller: Caller): Promise<PersonDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, PersonEntity, 'Person', id, dto.version);
      const snapshot = await snapshotAt(manager, DirectoryKind.person, id, versionId);
      const before = personSnapshot(entity);
      entity.name = String(snapshot['name']);
      entity.workEmail = (snapshot['workEmail'] as string | null) ?? null;
      entity.workPhone = (snapshot['workPhone'] as string | null) ?? null;
      entity.organisationId = (snapshot['organisationId'] as string | null) ?? null;
      entity.externalKey = (snapshot['externalKey'] as string | null) ?? null;
      entity.archivedAt = snapshot['archivedAt'] ? new Date(String(snapshot['archivedAt'])) : null;
      await this.requireValidReferences(manager, entity, id);
      return this.saveChange(manager, entity, before, 'restored', caller);
    });
  }

  private async saveChange(
    manager: EntityManager,
    entity: PersonEntity,
    before: Snapshot,
    action: 'updated' | 'archived' | 'verified' | 'restored',
    caller: Caller,
  ): Promise<PersonDetailDto> {
    await saveEntryChange(manager, DirectoryKind.person, entity, before, action, caller, personSnapshot);
    return this.get(entity.id, manager);
  }

  private async requireValidReferences(
    manager: EntityManager,
    dto: { organisationId?: string | null; externalKey?: string | null },
    selfId: string | null,
  ): Promise<void> {
    await requireReferences(manager, 'organisation', 'organisationId', dto.organisationId);
    if (dto.externalKey) {
      const [taken] = await manager.query(
        `SELECT id FROM person WHERE external_key = $1 AND id IS DISTINCT FROM $2::uuid`,
        [dto.externalKey, selfId],
      );
      if (taken)
        throw ProblemException.conflict(
          ErrorCode.duplicateExternalKey,
          `Another person has externalKey '${dto.externalKey}'.`,
        );
    }
  }
}
