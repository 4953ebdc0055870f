import { Injectable, Logger } from '@nestjs/common';
import { RegionTypeCode } from '@ketenkaart/shared-domain';
import { DataSource, In } from 'typeorm';
import { todayInNetherlands } from '../common/dates';
import { RegionMembershipEntity } from '../regions/region-membership.entity';
import { seedDirectoryIfEmpty } from '../directory/directory-seed';
import { RegionEntity } from '../regions/region.entity';
import { BUNDLED_LIST_VALID_FROM } from './reference-data.service';

/**
 * DEMO DATA. The real areas of ketenregie, zorgcoördinatie, centrumgemeenten VO/MO and Zorg- en
 * Veiligheidshuizen are not public (../shared/data/README.md); these stand-ins follow the safety regions so
 * the map has something to show. Every region is marked `source = 'demo'` and named "(demo)".
 */
const DEMO_REGIONS: { typeCode: RegionTypeCode; code: string; name: string; veiligheidsregios: string[] }[] =
  [
    {
      typeCode: RegionTypeCode.ketenregie,
      code: 'demo-kr-amsterdam',
      name: 'Ketenregie Amsterdam-Amstelland (demo)',
      veiligheidsregios: ['VR13'],
    },
    {
      typeCode: RegionTypeCode.ketenregie,
      code: 'demo-kr-oost',
      name: 'Ketenregie Oost-Nederland (demo)',
      veiligheidsregios: ['VR04', 'VR05', 'VR06', 'VR07', 'VR08'],
    },
    {
      typeCode: RegionTypeCode.ketenregie,
      code: 'demo-kr-rotterdam',
      name: 'Ketenregie Rotterdam-Rijnmond (demo)',
      veiligheidsregios: ['VR17', 'VR18'],
    },
    {
      typeCode: RegionTypeCode.ketenregie,
      code: 'demo-kr-noord',
      name: 'Ketenregie Noord-Nederland (demo)',
      veiligheidsregios: ['VR01', 'VR02', 'VR03'],
    },
    {
      typeCode: RegionTypeCode.zorgcoordinatie,
      code: 'demo-zc-amsterdam',
      name: 'Zorgcoördinatie Amsterdam (demo)',
      veiligheidsregios: ['VR13', 'VR12'],
    },
    {
      typeCode: RegionTypeCode.zorgcoordinatie,
      code: 'demo-zc-twente',
      name: 'Zorgcoördinatie Twente (demo)',
      veiligheidsregios: ['VR05'],
    },
    {
      typeCode: RegionTypeCode.zorgcoordinatie,
      code: 'demo-zc-limburg',
      name: 'Zorgcoördinatie Limburg (demo)',
      veiligheidsregios: ['VR23', 'VR24'],
    },
    {
      typeCode: RegionTypeCode.centrumgemeente,
      code: 'demo-cg-amsterdam',
      name: 'Centrumgemeente Amsterdam (demo)',
      veiligheidsregios: ['VR13'],
    },
    {
      typeCode: RegionTypeCode.centrumgemeente,
      code: 'demo-cg-enschede',
      name: 'Centrumgemeente Enschede (demo)',
      veiligheidsregios: ['VR05'],
    },
    {
      typeCode: RegionTypeCode.zorgEnVeiligheidshuis,
      code: 'demo-zvh-amsterdam',
      name: 'Zorg- en Veiligheidshuis Amsterdam-Amstelland (demo)',
      veiligheidsregios: ['VR13'],
    },
    {
      typeCode: RegionTypeCode.zorgEnVeiligheidshuis,
      code: 'demo-zvh-rotterdam',
      name: 'Zorg- en Veiligheidshuis Rotterdam-Rijnmond (demo)',
      veiligheidsregios: ['VR17'],
    },
  ];

@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(private readonly dataSource: DataSource) {}

  /** Seeds only what is empty: the demo regions when there are none of their own, the directory when it has no organisations. */
  async seedIfEmpty(): Promise<boolean> {
    const regions = await this.seedRegionsIfEmpty();
    const directory = await this.dataSource.transaction((manager) =>
      seedDirectoryIfEmpty(manager, this.logger),
    );
    return regions || directory > 0;
  }

  /** Seeds the demo regions into a database that has no regions of its own (editable types) yet. */
  private async seedRegionsIfEmpty(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const own = await manager.count(RegionEntity, { where: { source: In(['demo', 'user']) } });
      if (own > 0) return false;
      const vrRegions = await manager.find(RegionEntity, {
        where: { typeCode: RegionTypeCode.veiligheidsregio },
        relations: { memberships: true },
      });
      // Current members only: after a municipality import the history holds merged municipalities too.
      const today = todayInNetherlands();
      const isCurrent = (m: RegionMembershipEntity) =>
        m.validFrom <= today && (m.validUntil === null || m.validUntil > today);
      const membersOfVr = new Map(
        vrRegions.map((vr) => [
          vr.code,
          (vr.memberships ?? []).filter(isCurrent).map((m) => m.municipalityCode),
        ]),
      );
      for (const demo of DEMO_REGIONS) {
        const region = await manager.save(
          manager.create(RegionEntity, {
            typeCode: demo.typeCode,
            code: demo.code,
            name: demo.name,
            validFrom: BUNDLED_LIST_VALID_FROM,
            validUntil: null,
            source: 'demo',
          }),
        );
        const codes = demo.veiligheidsregios.flatMap((vr) => membersOfVr.get(vr) ?? []);
        await manager.insert(
          RegionMembershipEntity,
          codes.map((municipalityCode) => ({
            regionId: region.id,
            municipalityCode,
            validFrom: BUNDLED_LIST_VALID_FROM,
            validUntil: null,
          })),
        );
      }
      this.logger.log(`demo seed: ${DEMO_REGIONS.length} regions (marked as demo)`);
      return true;
    });
  }
}
