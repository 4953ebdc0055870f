import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, InvalidParam } from '@ketenkaart/shared-domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { todayInNetherlands } from '../common/dates';
import { Page } from '../common/pagination.dto';
import { ProblemException } from '../common/problem.exception';
import { assertWriteScope, ScopedCaller } from '../common/write-scope';
import { slug } from '../reference-data/municipality-list';
import {
  CreateRegionDto,
  ListRegionsQueryDto,
  RegionDetailDto,
  RegionSummaryDto,
  RegionTypeDto,
  UpdateRegionDto,
} from './dto/region.dto';
import { RegionMembershipEntity } from './region-membership.entity';
import { RegionTypeEntity } from './region-type.entity';
import { RegionEntity } from './region.entity';

/** A membership or region is current when it has started and not yet ended. */
const CURRENT = (alias: string) =>
  `(${alias}.valid_from <= CURRENT_DATE AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > CURRENT_DATE))`;

interface RegionRow {
  id: string;
  type_code: string;
  code: string;
  name: string;
  valid_from: string;
  valid_until: string | null;
  source: RegionSummaryDto['source'];
  version: number;
  municipality_codes: string[] | null;
  total?: string;
}

function toSummary(row: RegionRow): RegionSummaryDto {
  return {
    id: row.id,
    typeCode: row.type_code,
    code: row.code,
    name: row.name,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    source: row.source,
    municipalityCodes: row.municipality_codes ?? [],
  };
}

const SELECT_REGION = `
  SELECT r.id, r.type_code, r.code, r.name, to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from,
         to_char(r.valid_until, 'YYYY-MM-DD') AS valid_until, r.source, r.version,
         (SELECT array_agg(m.municipality_code ORDER BY m.municipality_code)
            FROM region_membership m WHERE m.region_id = r.id AND ${CURRENT('m')}) AS municipality_codes
    FROM region r`;

@Injectable()
export class RegionsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(RegionTypeEntity) private readonly regionTypes: Repository<RegionTypeEntity>,
  ) {}

  async listTypes(): Promise<RegionTypeDto[]> {
    const rows: (RegionTypeEntity & { region_count: string })[] = await this.dataSource.query(`
      SELECT t.code, t.name, t.name_en AS "nameEn", t.editable, t.sort_order AS "sortOrder",
             (SELECT count(*) FROM region r WHERE r.type_code = t.code AND ${CURRENT('r')}) AS region_count
        FROM region_type t ORDER BY t.sort_order`);
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      nameEn: row.nameEn,
      editable: row.editable,
      regionCount: Number(row.region_count),
    }));
  }

  async list(query: ListRegionsQueryDto): Promise<Page<RegionSummaryDto>> {
    if (query.type) await this.requireType(query.type, 'type');
    const params: unknown[] = [];
    const where = [CURRENT('r')];
    if (query.type) {
      params.push(query.type);
      where.push(`r.type_code = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`kk_fold(r.name) LIKE kk_fold($${params.length})`);
    }
    if (query.municipality) {
      params.push(query.municipality);
      where.push(
        `EXISTS (SELECT 1 FROM region_membership m WHERE m.region_id = r.id AND m.municipality_code = $${params.length} AND ${CURRENT('m')})`,
      );
    }
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows: RegionRow[] = await this.dataSource.query(
      `${SELECT_REGION} WHERE ${where.join(' AND ')} ORDER BY r.name, r.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*) FROM region r WHERE ${where.join(' AND ')}`,
      params.slice(0, -2),
    );
    return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total: Number(count) };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<RegionDetailDto> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      throw ProblemException.notFound('Region', id);
    }
    const [row]: RegionRow[] = await manager.query(`${SELECT_REGION} WHERE r.id = $1`, [id]);
    if (!row) throw ProblemException.notFound('Region', id);
    const municipalities: { code: string; name: string }[] = await manager.query(
      `SELECT g.code, coalesce(g.display_name, g.name) AS name
         FROM region_membership m JOIN municipality g ON g.code = m.municipality_code
        WHERE m.region_id = $1 AND ${CURRENT('m')} ORDER BY g.name`,
      [id],
    );
    return { ...toSummary(row), version: row.version, municipalities };
  }

  async create(dto: CreateRegionDto, caller: ScopedCaller): Promise<RegionDetailDto> {
    const type = await this.requireType(dto.typeCode, 'typeCode');
    this.requireEditable(type, 'typeCode');
    const validFrom = dto.validFrom ?? todayInNetherlands();
    const code = dto.code ?? slug(dto.name);
    return this.dataSource.transaction(async (manager) => {
      await this.requireCurrentMunicipalities(manager, dto.municipalityCodes, 'municipalityCodes');
      await assertWriteScope(manager, caller, [{ municipalityCodes: dto.municipalityCodes }], 'region');
      const taken = await manager.exists(RegionEntity, { where: { typeCode: type.code, code } });
      if (taken) {
        throw ProblemException.conflict(
          ErrorCode.duplicateRegionCode,
          `A region of type '${type.code}' with code '${code}' already exists.`,
        );
      }
      const region = await manager.save(
        manager.create(RegionEntity, {
          typeCode: type.code,
          code,
          name: dto.name,
          validFrom,
          validUntil: null,
          source: 'user',
        }),
      );
      const codes = [...new Set(dto.municipalityCodes)];
      if (codes.length > 0) {
        await manager.insert(
          RegionMembershipEntity,
          codes.map((municipalityCode) => ({
            regionId: region.id,
            municipalityCode,
            validFrom,
            validUntil: null,
          })),
        );
      }
      return this.get(region.id, manager);
    });
  }

  async update(id: string, dto: UpdateRegionDto, caller: ScopedCaller): Promise<RegionDetailDto> {
    await this.get(id);
    return this.dataSource.transaction(async (manager) => {
      // Row lock first (no joins: FOR UPDATE cannot lock the nullable side of an outer join).
      const region = await manager.findOne(RegionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!region) throw ProblemException.notFound('Region', id);
      this.requireEditable(await manager.findOneByOrFail(RegionTypeEntity, { code: region.typeCode }), 'id');
      // The region as it is and as it will be must both lie in the caller's regions.
      await assertWriteScope(
        manager,
        caller,
        [
          { regionIds: [id] },
          ...(dto.municipalityCodes ? [{ municipalityCodes: dto.municipalityCodes }] : []),
        ],
        'region',
      );
      if (region.version !== dto.version) {
        throw ProblemException.conflict(
          ErrorCode.conflict,
          `Region '${id}' was changed by someone else (version ${region.version}, you sent ${dto.version}). Reload and try again.`,
        );
      }
      const today = todayInNetherlands();
      if (dto.validUntil !== undefined && dto.validUntil < region.validFrom) {
        throw ProblemException.invalid(
          'validUntil',
          ErrorCode.invalidPeriod,
          'validUntil lies before validFrom.',
        );
      }
      if (dto.municipalityCodes) {
        await this.requireCurrentMunicipalities(manager, dto.municipalityCodes, 'municipalityCodes');
        await this.replaceMembers(manager, id, new Set(dto.municipalityCodes), today);
      }
      if (dto.name !== undefined) region.name = dto.name;
      if (dto.validUntil !== undefined) region.validUntil = dto.validUntil;
      // Saving bumps the version even when only members changed, so a stale PATCH always conflicts.
      region.updatedAt = new Date();
      await manager.save(RegionEntity, region);
      return this.get(id, manager);
    });
  }

  /** Ends memberships that are no longer wanted and starts the new ones today; history stays. */
  private async replaceMembers(manager: EntityManager, regionId: string, wanted: Set<string>, today: string) {
    const current: { municipality_code: string; valid_from: string }[] = await manager.query(
      `SELECT municipality_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM region_membership m
        WHERE region_id = $1 AND ${CURRENT('m')}`,
      [regionId],
    );
    for (const member of current) {
      if (wanted.has(member.municipality_code)) continue;
      if (member.valid_from === today) {
        await manager.delete(RegionMembershipEntity, {
          regionId,
          municipalityCode: member.municipality_code,
          validFrom: today,
        });
      } else {
        await manager.update(
          RegionMembershipEntity,
          { regionId, municipalityCode: member.municipality_code, validFrom: member.valid_from },
          { validUntil: today },
        );
      }
    }
    const present = new Set(current.map((member) => member.municipality_code));
    const added = [...wanted].filter((code) => !present.has(code));
    if (added.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RegionMembershipEntity)
        .values(
          added.map((municipalityCode) => ({
            regionId,
            municipalityCode,
            validFrom: today,
            validUntil: null,
          })),
        )
        .orUpdate(['valid_until'], ['region_id', 'municipality_code', 'valid_from'])
        .execute();
    }
  }

  private async requireType(code: string, field: string): Promise<RegionTypeEntity> {
    const type = await this.regionTypes.findOneBy({ code });
    if (!type) {
      throw new ProblemException(400, ErrorCode.unknownRegionType, `Unknown region type '${code}'.`, [
        {
          name: field,
          code: ErrorCode.unknownRegionType,
          reason: `'${code}' is not a region type; see /api/v1/region-types.`,
        },
      ]);
    }
    return type;
  }

  private requireEditable(type: RegionTypeEntity, field: string): void {
    if (!type.editable) {
      throw new ProblemException(
        400,
        ErrorCode.regionTypeNotEditable,
        `Regions of type '${type.code}' come from reference data and cannot be changed here.`,
        [
          {
            name: field,
            code: ErrorCode.regionTypeNotEditable,
            reason: `'${type.code}' is a reference grid.`,
          },
        ],
      );
    }
  }

  private async requireCurrentMunicipalities(
    manager: EntityManager,
    codes: string[],
    field: string,
  ): Promise<void> {
    if (codes.length === 0) return;
    const found: { code: string }[] = await manager.query(
      `SELECT code FROM municipality g WHERE code = ANY($1) AND (g.valid_until IS NULL OR g.valid_until > CURRENT_DATE)`,
      [codes],
    );
    const known = new Set(found.map((row) => row.code));
    const invalid: InvalidParam[] = codes.flatMap((code, index) =>
      known.has(code)
        ? []
        : [
            {
              name: `${field}.${index}`,
              code: ErrorCode.unknownMunicipality,
              reason: `'${code}' is not a current municipality.`,
            },
          ],
    );
    if (invalid.length > 0) {
      throw new ProblemException(
        400,
        ErrorCode.unknownMunicipality,
        invalid.map((param) => param.reason).join(' '),
        invalid,
      );
    }
  }
}
