import { Injectable } from '@nestjs/common';
import { foldForSearch, GM_CODE_PATTERN } from '@ketenkaart/shared-domain';
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

@Injectable()
export class MunicipalitiesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListMunicipalitiesQueryDto): Promise<Page<MunicipalitySummaryDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (!query.includeEnded) where.push('(g.valid_until IS NULL OR g.valid_until > CURRENT_DATE)');
    let order = 'g.name';
    if (query.q) {
      // Words of the name and display name, folded and split on anything but letters and digits, so that
      // "sud" finds Súdwest-Fryslân and "haag" finds 's-Gravenhage (Den Haag). Only [a-z0-9 ] reaches SQL.
      const words = foldForSearch(query.q)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      params.push(words, query.q.toUpperCase());
      const [term, code] = [`$${params.length - 1}`, `$${params.length}`];
      where.push(`((${term} <> '' AND ' ' || regexp_replace(kk_fold(g.name || ' ' || coalesce(g.display_name, '')), '[^a-z0-9]+', ' ', 'g')
                     LIKE '% ' || ${term} || '%') OR g.code = ${code})`);
      order = `(regexp_replace(kk_fold(g.name), '[^a-z0-9]+', ' ', 'g') LIKE ${term} || '%') DESC, g.name`;
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
