import { Injectable } from '@nestjs/common';
import { GM_CODE_PATTERN } from '@ketenkaart/shared-domain';
import { DataSource } from 'typeorm';
import { Page } from '../common/pagination.dto';
import { ProblemException } from '../common/problem.exception';
import {
  ListMunicipalitiesQueryDto,
  MunicipalityDetailDto,
  MunicipalityRegionDto,
  MunicipalitySummaryDto,
} from './dto/municipality.dto';

const SELECT_MUNICIPALITY = `
  SELECT g.code, g.cbs_code AS "cbsCode", g.name, g.display_name AS "displayName",
         to_char(g.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(g.valid_until, 'YYYY-MM-DD') AS "validUntil",
         g.successor_code AS "successorCode"
    FROM municipality g`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

@Injectable()
export class MunicipalitiesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListMunicipalitiesQueryDto): Promise<Page<MunicipalitySummaryDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (!query.includeEnded) where.push('(g.valid_until IS NULL OR g.valid_until > CURRENT_DATE)');
    let order = 'g.name';
    if (query.q) {
      params.push(escapeLike(query.q));
      const term = `$${params.length}`;
      // Prefix of the name or of a later word in it: "sud" finds Súdwest-Fryslân, "haag" finds Den Haag.
      where.push(`(kk_fold(g.name) LIKE kk_fold(${term}) || '%'
                  OR kk_fold(coalesce(g.display_name, '')) LIKE kk_fold(${term}) || '%'
                  OR kk_fold(g.name) ~ ('[^a-z0-9]' || kk_fold(${term}))
                  OR g.code = upper(${term}))`);
      order = `(kk_fold(g.name) LIKE kk_fold(${term}) || '%') DESC, g.name`;
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.dataSource.query(`SELECT count(*) FROM municipality g ${filter}`, params);
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const items: MunicipalitySummaryDto[] = await this.dataSource.query(
      `${SELECT_MUNICIPALITY} ${filter} ORDER BY ${order}, g.code LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items, page: query.page, pageSize: query.pageSize, total: Number(count) };
  }

  async get(code: string): Promise<MunicipalityDetailDto> {
    if (!GM_CODE_PATTERN.test(code)) throw ProblemException.notFound('Municipality', code);
    const [municipality]: MunicipalitySummaryDto[] = await this.dataSource.query(
      `${SELECT_MUNICIPALITY} WHERE g.code = $1`,
      [code],
    );
    if (!municipality) throw ProblemException.notFound('Municipality', code);
    const regions: MunicipalityRegionDto[] = await this.dataSource.query(
      `SELECT r.id, r.type_code AS "typeCode", t.name AS "typeName", r.code, r.name
         FROM region_membership m
         JOIN region r ON r.id = m.region_id
         JOIN region_type t ON t.code = r.type_code
        WHERE m.municipality_code = $1
          AND m.valid_from <= CURRENT_DATE AND (m.valid_until IS NULL OR m.valid_until > CURRENT_DATE)
          AND r.valid_from <= CURRENT_DATE AND (r.valid_until IS NULL OR r.valid_until > CURRENT_DATE)
        ORDER BY t.sort_order, r.name`,
      [code],
    );
    return { ...municipality, regions };
  }
}
