import { Injectable } from '@nestjs/common';
import { DirectoryKind, ErrorCode, Permission } from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../common/caller';
import { Page } from '../common/pagination.dto';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';
import {
  CURRENT_SQL,
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
  sorted,
} from './directory-history';
import { requireReferences } from './directory-references';
import { ChangeListDto } from './dto/history.dto';
import { VersionDto } from './dto/common.dto';
import {
  CreateOrganisationDto,
  ListOrganisationsQueryDto,
  OrganisationDetailDto,
  OrganisationSummaryDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationEntity } from './organisation.entity';
import { everyWordMatches, searchWords, withSearchThreshold } from './search-sql';

export interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationSummaryDto['type'];
  description: string | null;
  website: string | null;
  national: boolean;
  municipalityCodes: string[];
  regionIds: string[];
  exploitationForms: OrganisationSummaryDto['exploitationForms'];
  targetGroups: OrganisationSummaryDto['targetGroups'];
  lastVerifiedAt: Date | null;
  lastVerifiedBy: string | null;
  archivedAt: Date | null;
  version: number;
  stale: boolean;
}

/** Columns of OrganisationRow; `staleParam` holds DIRECTORY_STALE_MONTHS. */
export const ORGANISATION_COLUMNS = (alias: string, staleParam: string) => `
  ${alias}.id, ${alias}.name, ${alias}.type, ${alias}.description, ${alias}.website, ${alias}.national,
  ${alias}.municipality_codes::text[] AS "municipalityCodes", ${alias}.region_ids::text[] AS "regionIds",
  ${alias}.exploitation_forms::text[] AS "exploitationForms", ${alias}.target_groups::text[] AS "targetGroups",
  ${alias}.last_verified_at AS "lastVerifiedAt", ${alias}.last_verified_by AS "lastVerifiedBy",
  ${alias}.archived_at AS "archivedAt", ${alias}.version, ${STALE_SQL(alias, staleParam)} AS stale`;

/**
 * SQL: organisation `o` serves gemeente `param` (directly or through a region it serves). Written as array
 * overlaps (`&&`) with the regions computed once, so that the GIN indexes on municipality_codes/region_ids
 * apply: the per-row EXISTS form took seconds at 20,000 organisations (bench/directory.mjs).
 */
export const SERVES_MUNICIPALITY_SQL = (alias: string, param: string) => `
  (${alias}.municipality_codes && ARRAY[${param}]::text[] OR ${alias}.region_ids && ARRAY(
     SELECT sm.region_id FROM region_membership sm WHERE sm.municipality_code = ${param} AND ${CURRENT_SQL('sm')}))`;

/**
 * SQL: organisation `o` serves (part of) region `param`: it lists the region, one of its gemeenten, or another
 * region sharing a gemeente with it. Array overlaps for the GIN indexes, as above.
 */
export const SERVES_REGION_SQL = (alias: string, param: string) => `
  (${alias}.region_ids && ARRAY[${param}] OR ${alias}.municipality_codes && ARRAY(
     SELECT rm.municipality_code::text FROM region_membership rm WHERE rm.region_id = ${param} AND ${CURRENT_SQL('rm')})
   OR ${alias}.region_ids && ARRAY(
     SELECT sm.region_id FROM region_membership rm
       JOIN region_membership sm ON sm.municipality_code = rm.municipality_code AND ${CURRENT_SQL('sm')}
      WHERE rm.region_id = ${param} AND ${CURRENT_SQL('rm')}))`;

export function toOrganisationSummary(row: OrganisationRow): OrganisationSummaryDto {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    description: row.description,
    website: row.website,
    national: row.national,
    municipalityCodes: row.municipalityCodes ?? [],
    regionIds: row.regionIds ?? [],
    exploitationForms: row.exploitationForms ?? [],
    targetGroups: row.targetGroups ?? [],
    lastVerifiedAt: isoOrNull(row.lastVerifiedAt),
    lastVerifiedBy: row.lastVerifiedBy,
    stale: row.stale,
    archivedAt: isoOrNull(row.archivedAt),
    version: Number(row.version),
  };
}

/** Everything history tracks about an organisation; a restore writes back all but the verification. */
export function organisationSnapshot(entity: OrganisationEntity): Snapshot {
  return {
    name: entity.name,
    type: entity.type,
    description: entity.description,
    website: entity.website,
    parentId: entity.parentId,
    contactPoints: entity.contactPoints,
    address: entity.address,
    addressConfidential: entity.addressConfidential,
    national: entity.national,
    municipalityCodes: sorted(entity.municipalityCodes),
    regionIds: sorted(entity.regionIds),
    exploitationForms: sorted(entity.exploitationForms),
    targetGroups: sorted(entity.targetGroups),
    externalKey: entity.externalKey,
    archivedAt: isoOrNull(entity.archivedAt),
    lastVerifiedAt: isoOrNull(entity.lastVerifiedAt),
    lastVerifiedBy: entity.lastVerifiedBy,
  };
}

const RESTORABLE: (keyof OrganisationEntity)[] = [
  'name',
  'type',
  'description',
  'website',
  'parentId',
  'contactPoints',
  'address',
  'addressConfidential',
  'national',
  'municipalityCodes',
  'regionIds',
  'exploitationForms',
  'targetGroups',
  'externalKey',
];

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async list(query: ListOrganisationsQueryDto): Promise<Page<OrganisationSummaryDto>> {
    await requireReferences(this.dataSource.manager, 'region', 'region', query.region);
    await requireReferences(this.dataSource.manager, 'municipality', 'municipality', query.municipality);
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!query.includeArchived) where.push('o.archived_at IS NULL');
    if (query.type) where.push(`o.type = ${param(query.type)}`);
    if (query.form) where.push(`${param(query.form)} = ANY(o.exploitation_forms)`);
    if (query.targetGroup) where.push(`${param(query.targetGroup)} = ANY(o.target_groups)`);
    if (query.municipality) where.push(SERVES_MUNICIPALITY_SQL('o', param(query.municipality)));
    if (query.region) where.push(SERVES_REGION_SQL('o', `${param(query.region)}::uuid`));
    let score = '0';
    if (query.q) {
      const text = param(query.q);
      const like = param(escapeLike(query.q));
      const relevance = organisationRelevance('o', text, like, searchWords(query.q).map(param));
      where.push(relevance.match);
      score = relevance.score;
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...params];
    const staleMonths = param(this.config.DIRECTORY_STALE_MONTHS);
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const run = async (manager: EntityManager) => {
      // One statement: the total comes with the page (count(*) OVER ()); only a page past the end counts apart.
      // Ties break on the folded name in byte order, so the embedded and any server collation give the same order.
      const rows: (OrganisationRow & { score: number; total: string })[] = await manager.query(
        `SELECT ${ORGANISATION_COLUMNS('o', staleMonths)}, ${score} AS score, count(*) OVER () AS total
           FROM organisation o ${filter}
          ORDER BY score DESC, o.search_name COLLATE "C", o.id LIMIT ${limit} OFFSET ${offset}`,
        params,
      );
      if (rows.length > 0 || query.page === 1) return { rows, total: Number(rows[0]?.total ?? 0) };
      const [{ count }] = await manager.query(`SELECT count(*) FROM organisation o ${filter}`, countParams);
      return { rows, total: Number(count) };
    };
    const { rows, total } = query.q
      ? await withSearchThreshold(this.dataSource, run)
      : await run(this.dataSource.manager);
    return {
      items: rows.map(toOrganisationSummary),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async get(
    id: string,
    caller: Caller,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganisationDetailDto> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Organisation', id);
    const [row]: (OrganisationRow & {
      parentId: string | null;
      parentName: string | null;
      contactPoints: OrganisationDetailDto['contactPoints'];
      address: string | null;
      addressConfidential: boolean;
      externalKey: string | null;
      createdAt: Date;
      updatedAt: Date;
    })[] = await manager.query(
      `SELECT ${ORGANISATION_COLUMNS('o', '$1')}, o.parent_id AS "parentId", p.name AS "parentName",
              o.contact_points AS "contactPoints", o.address, o.address_confidential AS "addressConfidential",
              o.external_key AS "externalKey", o.created_at AS "createdAt", o.updated_at AS "updatedAt"
         FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id
        WHERE o.id = $2`,
      [this.config.DIRECTORY_STALE_MONTHS, id],
    );
    if (!row) throw ProblemException.notFound('Organisation', id);
    const [regions, municipalities, people] = await Promise.all([
      manager.query(
        `SELECT r.id, r.type_code AS "typeCode", r.code, r.name FROM region r WHERE r.id = ANY($1::uuid[]) ORDER BY r.name`,
        [row.regionIds],
      ),
      manager.query(
        `SELECT g.code, coalesce(g.display_name, g.name) AS name FROM municipality g WHERE g.code = ANY($1) ORDER BY g.name`,
        [row.municipalityCodes],
      ),
      manager.query(
        `SELECT p.id, p.name FROM person p WHERE p.organisation_id = $1 AND p.archived_at IS NULL ORDER BY p.name, p.id`,
        [id],
      ),
    ]);
    const mayReadAddress = !row.addressConfidential || caller.can(Permission.directoryConfidentialRead);
    return {
      ...toOrganisationSummary(row),
      parent: row.parentId ? { id: row.parentId, name: row.parentName ?? '' } : null,
      contactPoints: row.contactPoints,
      address: mayReadAddress ? row.address : null,
      addressConfidential: row.addressConfidential,
      externalKey: row.externalKey,
      regions,
      municipalities,
      people,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async create(dto: CreateOrganisationDto, caller: Caller): Promise<OrganisationDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireValidReferences(manager, dto, null);
      const entity = manager.create(OrganisationEntity, {
        name: dto.name,
        type: dto.type,
        description: dto.description ?? null,
        website: dto.website ?? null,
        parentId: dto.parentId ?? null,
        contactPoints: normaliseContactPoints(dto.contactPoints),
        address: dto.address ?? null,
        addressConfidential: dto.addressConfidential ?? false,
        national: dto.national ?? false,
        municipalityCodes: unique(dto.municipalityCodes),
        regionIds: unique(dto.regionIds),
        exploitationForms: unique(dto.exploitationForms),
        targetGroups: unique(dto.targetGroups),
        externalKey: dto.externalKey ?? null,
        lastVerifiedAt: null,
        lastVerifiedBy: null,
        archivedAt: null,
      });
      const saved = await manager.save(entity);
      await recordChange(
        manager,
        DirectoryKind.organisation,
        saved.id,
        saved.version,
        'created',
        null,
        organisationSnapshot(saved),
        caller,
      );
      return this.get(saved.id, caller, manager);
    });
  }

  async update(id: string, dto: UpdateOrganisationDto, caller: Caller): Promise<OrganisationDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, OrganisationEntity, 'Organisation', id, dto.version);
      if (entity.archivedAt) {
        throw ProblemException.conflict(
          ErrorCode.entryArchived,
          `Organisation '${id}' is archived; restore a version first.`,
        );
      }
      await this.requireValidReferences(manager, dto, id);
      const before = organisationSnapshot(entity);
      if (dto.name !== undefined) entity.name = dto.name;
      if (dto.type !== undefined) entity.type = dto.type;
      if (dto.description !== undefined) entity.description = dto.description;
      if (dto.website !== undefined) entity.website = dto.website;
      if (dto.parentId !== undefined) entity.parentId = dto.parentId;
      if (dto.contactPoints !== undefined) entity.contactPoints = normaliseContactPoints(dto.contactPoints);
      if (dto.address !== undefined) entity.address = dto.address;
      if (dto.addressConfidential !== undefined) entity.addressConfidential = dto.addressConfidential;
      if (dto.national !== undefined) entity.national = dto.national;
      if (dto.municipalityCodes !== undefined) entity.municipalityCodes = unique(dto.municipalityCodes);
      if (dto.regionIds !== undefined) entity.regionIds = unique(dto.regionIds);
      if (dto.exploitationForms !== undefined) entity.exploitationForms = unique(dto.exploitationForms);
      if (dto.targetGroups !== undefined) entity.targetGroups = unique(dto.targetGroups);
      if (dto.externalKey !== undefined) entity.externalKey = dto.externalKey;
      return this.saveChange(manager, entity, before, 'updated', caller);
    });
  }

  async archive(id: string, caller: Caller): Promise<OrganisationDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, OrganisationEntity, 'Organisation', id);
      if (entity.archivedAt) return this.get(id, caller, manager);
      const before = organisationSnapshot(entity);
      entity.archivedAt = new Date();
      return this.saveChange(manager, entity, before, 'archived', caller);
    });
  }

  async verify(id: string, caller: Caller): Promise<OrganisationDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, OrganisationEntity, 'Organisation', id);
      const before = organisationSnapshot(entity);
      entity.lastVerifiedAt = new Date();
      entity.lastVerifiedBy = caller.actor;
      return this.saveChange(manager, entity, before, 'verified', caller);
    });
  }

  async history(id: string, caller: Caller): Promise<ChangeListDto> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Organisation', id);
    const exists = await this.dataSource.manager.exists(OrganisationEntity, { where: { id } });
    if (!exists) throw ProblemException.notFound('Organisation', id);
    const items = await listChanges(this.dataSource.manager, DirectoryKind.organisation, id);
    if (caller.can(Permission.directoryConfidentialRead)) return { items };
    // An editor without the confidential permission sees that the address changed, not what it was or became.
    return {
      items: items.map((change) => ({
        ...change,
        changes: change.changes.map((field) =>
          field.field === 'address' ? { field: 'address', old: null, new: null } : field,
        ),
      })),
    };
  }

  async restore(
    id: string,
    versionId: number,
    dto: VersionDto,
    caller: Caller,
  ): Promise<OrganisationDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await lockForWrite(manager, OrganisationEntity, 'Organisation', id, dto.version);
      const snapshot = await snapshotAt(manager, DirectoryKind.organisation, id, versionId);
      const before = organisationSnapshot(entity);
      for (const field of RESTORABLE) {
        if (field in snapshot) (entity as unknown as Record<string, unknown>)[field] = snapshot[field];
      }
      entity.archivedAt = snapshot['archivedAt'] ? new Date(String(snapshot['archivedAt'])) : null;
      // References may have been ended since; a restore must not bring back a dangling one.
      await this.requireValidReferences(manager, entity, id);
      return this.saveChange(manager, entity, before, 'restored', caller);
    });
  }

  private async saveChange(
    manager: EntityManager,
    entity: OrganisationEntity,
    before: Snapshot,
    action: 'updated' | 'archived' | 'verified' | 'restored',
    caller: Caller,
  ): Promise<OrganisationDetailDto> {
    await saveEntryChange(
      manager,
      DirectoryKind.organisation,
      entity,
      before,
      action,
      caller,
      organisationSnapshot,
    );
    return this.get(entity.id, caller, manager);
  }

  private async requireValidReferences(
    manager: EntityManager,
    dto: {
      parentId?: string | null;
      municipalityCodes?: string[];
      regionIds?: string[];
      externalKey?: string | null;
    },
    selfId: string | null,
  ): Promise<void> {
    await requireReferences(manager, 'municipality', 'municipalityCodes', dto.municipalityCodes);
    await requireReferences(manager, 'region', 'regionIds', dto.regionIds);
    if (dto.parentId) {
      await requireReferences(manager, 'organisation', 'parentId', dto.parentId);
      if (selfId && (await this.isAncestorOrSelf(manager, selfId, dto.parentId))) {
        throw new ProblemException(
          400,
          ErrorCode.organisationCycle,
          'An organisation cannot be its own parent (directly or further up).',
          [
            {
              name: 'parentId',
              code: ErrorCode.organisationCycle,
              reason: 'This parent would make a cycle.',
            },
          ],
        );
      }
    }
    if (dto.externalKey) {
      const [taken] = await manager.query(
        `SELECT id FROM organisation WHERE external_key = $1 AND id IS DISTINCT FROM $2::uuid`,
        [dto.externalKey, selfId],
      );
      if (taken) {
        throw ProblemException.conflict(
          ErrorCode.duplicateExternalKey,
          `Another organisation has externalKey '${dto.externalKey}'.`,
        );
      }
    }
  }

  /** Whether `candidateParent` is `selfId` or lies below it (following parents upward from the candidate). */
  private async isAncestorOrSelf(
    manager: EntityManager,
    selfId: string,
    candidateParent: string,
  ): Promise<boolean> {
    const [row] = await manager.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM organisation WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM organisation o JOIN up ON o.id = up.parent_id WHERE up.depth < 50)
       SELECT 1 AS hit FROM up WHERE id = $2 LIMIT 1`,
      [candidateParent, selfId],
    );
    return !!row;
  }
}

/**
 * Relevance of organisation `alias` for the user's text. A row matches when every word of the text is found in the
 * folded name, as a substring or typo-tolerant ("polite", "amstrdam"; see everyWordMatches), when the whole text is
 * a substring of the name, or on Dutch full text over name and description. The score adds word similarity
 * (weighted double), whole-name similarity, a bonus for a name that starts with the text, and ts_rank.
 */
export function organisationRelevance(
  alias: string,
  textParam: string,
  likeParam: string,
  wordParams: readonly string[],
): { match: string; score: string } {
  // search_name = kk_fold(name), search_vector = to_tsvector('dutch', kk_fold(name || ' ' || description)): stored
  // by a trigger (migration SearchIndexes1795875600000), since computing them per matching row dominated search.
  const name = `${alias}.search_name`;
  const folded = `kk_fold(${textParam})`;
  const vector = `${alias}.search_vector`;
  const query = `plainto_tsquery('dutch'::regconfig, ${folded})`;
  return {
    // Every arm has an index (idx_organisation_search_name_trgm, idx_organisation_search_vector): a BitmapOr.
    match: `(${name} LIKE '%' || kk_fold(${likeParam}) || '%' OR ${everyWordMatches(name, wordParams)}
             OR ${vector} @@ ${query})`,
    score: `(2 * word_similarity(${folded}, ${name}) + similarity(${folded}, ${name})
             + CASE WHEN ${name} LIKE kk_fold(${likeParam}) || '%' THEN 1 ELSE 0 END + ts_rank(${vector}, ${query}))`,
  };
}

function unique<T extends string>(values: readonly T[] | undefined): T[] {
  return [...new Set(values ?? [])];
}

function normaliseContactPoints(
  points: CreateOrganisationDto['contactPoints'],
): OrganisationEntity['contactPoints'] {
  return (points ?? []).map((point) => ({
    label: point.label,
    phone: point.phone ?? null,
    email: point.email ?? null,
    openingHours: point.openingHours ?? null,
  }));
}
