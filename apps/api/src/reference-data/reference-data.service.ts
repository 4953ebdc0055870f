import { Injectable, Logger } from '@nestjs/common';
import { RegionTypeCode } from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { RegionMembershipEntity } from '../regions/region-membership.entity';
import { RegionTypeEntity } from '../regions/region-type.entity';
import { RegionEntity } from '../regions/region.entity';
import { MunicipalityRow, readBundledMunicipalityList, slug } from './municipality-list';
import { REGION_TYPES } from './region-types';

/** The municipal division the bundled list describes (CBS, 1 January 2023; 2025 has the same 342 codes). */
export const BUNDLED_LIST_VALID_FROM = '2023-01-01';

export interface ReferenceRegion {
  typeCode: RegionTypeCode;
  code: string;
  name: string;
}

export const referenceRegionKey = (region: { typeCode: string; code: string }) =>
  `${region.typeCode}|${region.code}`;

/** The four reference grids a municipality belongs to by law or CBS, derived from one list row. */
export function referenceRegionsOf(row: MunicipalityRow): ReferenceRegion[] {
  return [
    { typeCode: RegionTypeCode.provincie, code: row.provinceCode, name: row.provinceName },
    { typeCode: RegionTypeCode.veiligheidsregio, code: row.vrCode, name: row.vrName },
    { typeCode: RegionTypeCode.politieEenheid, code: slug(row.politieEenheid), name: row.politieEenheid },
    { typeCode: RegionTypeCode.riec, code: slug(row.riec), name: row.riec },
  ];
}

@Injectable()
export class ReferenceDataService {
  private readonly logger = new Logger('ReferenceData');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Idempotent: region types are upserted; the municipality list is loaded once into an empty database. */
  async ensureLoaded(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(RegionTypeEntity, REGION_TYPES, ['code']);
      if ((await manager.count(MunicipalityEntity)) > 0) return;
      const rows = readBundledMunicipalityList(this.config.resolvePath(this.config.REFERENCE_DATA_DIR));
      await this.insertMunicipalities(manager, rows, BUNDLED_LIST_VALID_FROM);
      await this.linkReferenceRegions(manager, rows, BUNDLED_LIST_VALID_FROM);
      this.logger.log(`loaded ${rows.length} municipalities and their reference regions`);
    });
  }

  async insertMunicipalities(
    manager: EntityManager,
    rows: MunicipalityRow[],
    validFrom: string,
  ): Promise<void> {
    await manager.insert(
      MunicipalityEntity,
      rows.map((row) => ({
        code: row.gmCode,
        cbsCode: row.cbsCode,
        name: row.name,
        displayName: row.displayName,
        validFrom,
        validUntil: null,
        successorCode: null,
      })),
    );
  }

  /** Creates missing reference regions and gives each row's municipality a current membership in them. */
  async linkReferenceRegions(
    manager: EntityManager,
    rows: MunicipalityRow[],
    validFrom: string,
  ): Promise<void> {
    const idByKey = await this.ensureReferenceRegions(manager, rows.flatMap(referenceRegionsOf), validFrom);
    const memberships = rows.flatMap((row) =>
      referenceRegionsOf(row).map((region) => ({
        regionId: idByKey.get(referenceRegionKey(region))!,
        municipalityCode: row.gmCode,
        validFrom,
        validUntil: null,
      })),
    );
    for (let start = 0; start < memberships.length; start += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RegionMembershipEntity)
        .values(memberships.slice(start, start + 500))
        .orIgnore()
        .execute();
    }
  }

  /** Creates the reference regions that do not exist yet; returns the id of every reference region by key. */
  async ensureReferenceRegions(
    manager: EntityManager,
    regions: ReferenceRegion[],
    validFrom: string,
  ): Promise<Map<string, string>> {
    const wanted = new Map(regions.map((region) => [referenceRegionKey(region), region]));
    if (wanted.size > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RegionEntity)
        .values(
          [...wanted.values()].map((region) => ({ ...region, validFrom, source: 'reference' as const })),
        )
        .orIgnore()
        .execute();
    }
    const existing = await manager.find(RegionEntity, { where: { source: 'reference' } });
    return new Map(existing.map((region) => [referenceRegionKey(region), region.id]));
  }
}
