import { Injectable } from '@nestjs/common';
import {
  CoverageStatus,
  DirectoryKind,
  FUNCTION_TYPE_LABELS,
  FunctionType,
  GM_CODE_PATTERN,
  ORGANISATION_TYPE_LABELS,
  OrganisationType,
  RegionTypeCode,
} from '@ketenkaart/shared-domain';
import { DataSource } from 'typeorm';
import { PageQueryDto } from '../common/pagination.dto';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';
import { CURRENT_SQL, escapeLike, isoOrNull, STALE_SQL, UUID_PATTERN } from './directory-history';
import { RegionRefDto } from './dto/common.dto';
import {
  CHAIN_HOLDER_LIMIT,
  CHAIN_ORGANISATION_LIMIT,
  ChainDto,
  ChainRoleDto,
  ChainScopeDto,
  SearchPageDto,
  SearchQueryDto,
  StalePageDto,
} from './dto/directory.dto';
import { FunctionDto } from './dto/function.dto';
import { FUNCTION_CURRENT_SQL, FunctionRow, SELECT_FUNCTION, toFunctionDto } from './functions.service';
import {
  ORGANISATION_COLUMNS,
  OrganisationRow,
  organisationRelevance,
  toOrganisationSummary,
} from './organisations.service';
import { personRelevance } from './people.service';
import { DirectorySearchCache } from './search-cache';
import { everyWordMatches, searchWords, withSearchThreshold } from './search-sql';

/** Functions held for a region, shown in this order on the chain; the aandachtsfunctionaris is per gemeente. */
const REGION_ROLES: FunctionType[] = [
  'ketenregisseur',
  'zorgcoordinator',
  'riec-contact',
  'zvh-procesregisseur',
  'comensha-consulent',
];

/** A row of a capped list: its rank in its list, the list's total and how many of the list are stale. */
interface Ranked {
  rank: string;
  total: number;
  staleTotal: number;
}

/** Chain partners that are organisations, with the reference grid that shows their area. */
const PARTNERS: { type: OrganisationType; regionType: RegionTypeCode }[] = [
  { type: 'politie', regionType: RegionTypeCode.politieEenheid },
  { type: 'riec', regionType: RegionTypeCode.riec },
  { type: 'zorg-en-veiligheidshuis', regionType: RegionTypeCode.zorgEnVeiligheidshuis },
];

/** A scope is vacant without a current holder; held only "op afstand" by CoMensha it shows as such. */
export function coverageOf(holders: Pick<FunctionDto, 'opAfstand'>[]): CoverageStatus {
  if (holders.some((holder) => !holder.opAfstand)) return CoverageStatus.filled;
  if (holders.length > 0) return CoverageStatus.opAfstand;
  return CoverageStatus.vacant;
}

/** The narrow columns a chain ranks serving organisations on (alias `d`, stale months in $1). */
const SERVING_COLUMNS = `d.id, d.name, d.type, d.national, ${STALE_SQL('d', '$1')} AS stale`;

const FUNCTION_LABEL_SQL = `(CASE f.function_type ${Object.entries(FUNCTION_TYPE_LABELS)
  .map(([code, label]) => `WHEN '${code}' THEN '${label}'`)
  .join(' ')} ELSE f.function_type END)`;

@Injectable()
export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly searchCache: DirectorySearchCache<SearchPageDto>,
  ) {}

  /** Mixed search over current organisations, people and functions, in one relevance order. */
  async search(query: SearchQueryDto): Promise<SearchPageDto> {
    return this.searchCache.page([query.q, query.page, query.pageSize], () => this.searchUncached(query));
  }

  private async searchUncached(query: SearchQueryDto): Promise<SearchPageDto> {
    // $1 text, $2 text escaped for LIKE, $3… its words (each must match), then page size and offset.
    const words = searchWords(query.q);
    const wordParams = words.map((_, index) => `$${index + 3}`);
    const limit = `$${words.length + 3}`;
    const offset = `$${words.length + 4}`;
    const organisation = organisationRelevance('o', '$1', '$2', wordParams);
    const person = personRelevance('$1', '$2', wordParams);
    // 1. `hits`: every match with its score only, found through indexes alone and scored on stored folded texts.
    //    Functions match on f.search_text = kk_fold(label || ' ' || holder || ' ' || region/gemeente name), kept
    //    by triggers (migration SearchIndexes1795875600000).
    // 2. Titles, subtitles and the tie-break key (kk_fold(title)) only for the rows that can be on the page: those
    //    scoring at least the score at the page's last rank (`cutoff`); ties at that rank are all kept, so the
    //    order is exactly that of sorting all hits. A query matching 15,000 functions no longer joins them all.
    const hits = `
      SELECT 'organisation' AS kind, o.id, ${organisation.score} AS score
        FROM organisation o WHERE o.archived_at IS NULL AND ${organisation.match}
      UNION ALL
      SELECT 'person', p.id, ${person.score}
        FROM person p WHERE p.archived_at IS NULL AND ${person.match}
      UNION ALL
      SELECT 'function', f.id, 2 * word_similarity(kk_fold($1), f.search_text) + similarity(kk_fold($1), f.search_text)
        FROM function_assignment f
       WHERE (f.search_text LIKE '%' || kk_fold($2) || '%' OR ${everyWordMatches('f.search_text', wordParams)})
         AND ${FUNCTION_CURRENT_SQL('f')}`;
    const pageSql = `
      WITH hits AS MATERIALIZED (${hits}),
           cutoff AS (SELECT score FROM hits ORDER BY score DESC LIMIT 1 OFFSET ${limit}::int + ${offset}::int - 1)
      SELECT h.kind, h.id, d.title, d.subtitle, h.score, (SELECT count(*) FROM hits) AS total
        FROM hits h
        CROSS JOIN LATERAL (
          SELECT o.name AS title, o.type AS subtitle, o.search_name AS sort_key
            FROM organisation o WHERE h.kind = 'organisation' AND o.id = h.id
          UNION ALL
          SELECT p.name, o.name, p.search_name
            FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE h.kind = 'person' AND p.id = h.id
          UNION ALL
          SELECT t.title, t.holder, kk_fold(t.title)
            FROM (SELECT ${FUNCTION_LABEL_SQL} || ' ' || coalesce(r.name, coalesce(g.display_name, g.name)) AS title,
                         coalesce(p.name, 'CoMensha op afstand') AS holder
                    FROM function_assignment f
                    LEFT JOIN person p ON p.id = f.person_id LEFT JOIN region r ON r.id = f.region_id
                    LEFT JOIN municipality g ON g.code = f.municipality_code
                   WHERE h.kind = 'function' AND f.id = h.id OFFSET 0) t) d
       WHERE h.score >= coalesce((SELECT score FROM cutoff), '-Infinity'::float8)
       ORDER BY h.score DESC, d.sort_key COLLATE "C", h.kind, h.id LIMIT ${limit} OFFSET ${offset}`;
    const params = [query.q, escapeLike(query.q), ...words];
    const { count, rows } = await withSearchThreshold(this.dataSource, async (manager) => {
      // One statement: the total comes with the page; only a page past the end is counted apart.
      const page: {
        kind: DirectoryKind;
        id: string;
        title: string;
        subtitle: string | null;
        score: number;
        total: string;
      }[] = await manager.query(pageSql, [...params, query.pageSize, (query.page - 1) * query.pageSize]);
      if (page.length > 0 || query.page === 1) return { count: page[0]?.total ?? 0, rows: page };
      const [{ count: all }] = await manager.query(`SELECT count(*) FROM (${hits}) hits`, params);
      return { count: all, rows: page };
    });
    return {
      items: rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        title: row.title,
        subtitle:
          row.kind === 'organisation'
            ? (ORGANISATION_TYPE_LABELS[row.subtitle as OrganisationType] ?? row.subtitle)
            : row.subtitle,
        score: Math.round(Number(row.score) * 1000) / 1000,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(count),
    };
  }

  /** Entries nobody verified for DIRECTORY_STALE_MONTHS months, least recently verified first (for CoMensha). */
  async stale(query: PageQueryDto): Promise<StalePageDto> {
    const union = `
      SELECT 'organisation' AS kind, o.id, o.name AS title, o.type AS subtitle, o.last_verified_at, o.last_verified_by, o.created_at
        FROM organisation o WHERE o.archived_at IS NULL AND ${STALE_SQL('o', '$1')}
      UNION ALL
      SELECT 'person', p.id, p.name, NULL, p.last_verified_at, p.last_verified_by, p.created_at
        FROM person p WHERE p.archived_at IS NULL AND ${STALE_SQL('p', '$1')}
      UNION ALL
      SELECT 'function', f.id, ${FUNCTION_LABEL_SQL} || ' ' || coalesce(r.name, coalesce(g.display_name, g.name)),
             coalesce(pp.name, 'CoMensha op afstand'), f.last_verified_at, f.last_verified_by, f.created_at
        FROM function_assignment f LEFT JOIN person pp ON pp.id = f.person_id
        LEFT JOIN region r ON r.id = f.region_id LEFT JOIN municipality g ON g.code = f.municipality_code
       WHERE ${FUNCTION_CURRENT_SQL('f')} AND ${STALE_SQL('f', '$1')}`;
    const months = this.config.DIRECTORY_STALE_MONTHS;
    const [{ count }] = await this.dataSource.query(`SELECT count(*) FROM (${union}) stale`, [months]);
    const rows: {
      kind: DirectoryKind;
      id: string;
      title: string;
      subtitle: string | null;
      last_verified_at: Date | null;
      last_verified_by: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT * FROM (${union}) stale ORDER BY coalesce(last_verified_at, created_at), kind, id LIMIT $2 OFFSET $3`,
      [months, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        title: row.title,
        subtitle:
          row.kind === 'organisation'
            ? (ORGANISATION_TYPE_LABELS[row.subtitle as OrganisationType] ?? row.subtitle)
            : row.subtitle,
        lastVerifiedAt: isoOrNull(row.last_verified_at),
        lastVerifiedBy: row.last_verified_by,
        createdAt: row.created_at.toISOString(),
      })),
      staleMonths: months,
      page: query.page,
      pageSize: query.pageSize,
      total: Number(count),
    };
  }

  async regionChain(id: string): Promise<ChainDto> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Region', id);
    const [region]: RegionRefDto[] = await this.dataSource.query(
      `SELECT r.id, r.type_code AS "typeCode", r.code, r.name FROM region r WHERE r.id = $1`,
      [id],
    );
    if (!region) throw ProblemException.notFound('Region', id);
    const members: { code: string }[] = await this.dataSource.query(
      `SELECT m.municipality_code AS code FROM region_membership m WHERE m.region_id = $1 AND ${CURRENT_SQL('m')}`,
      [id],
    );
    // The region itself and every current region that contains all of its gemeenten (e.g. its ketenregie region).
    const covering: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM region c
        WHERE ${CURRENT_SQL('c')} AND (c.id = $1 OR (cardinality($2::text[]) > 0 AND NOT EXISTS (
              SELECT 1 FROM unnest($2::text[]) AS s(code) WHERE NOT EXISTS (
                SELECT 1 FROM region_membership m WHERE m.region_id = c.id AND m.municipality_code = s.code AND ${CURRENT_SQL('m')}))))`,
      [id, members.map((member) => member.code)],
    );
    return this.chain(
      { kind: 'region', region },
      members.map((member) => member.code),
      covering.map((row) => row.id),
    );
  }

  async municipalityChain(code: string): Promise<ChainDto> {
    if (!GM_CODE_PATTERN.test(code)) throw ProblemException.notFound('Municipality', code);
    const [municipality]: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT g.code, coalesce(g.display_name, g.name) AS name FROM municipality g WHERE g.code = $1`,
      [code],
    );
    if (!municipality) throw ProblemException.notFound('Municipality', code);
    const covering: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM region_membership m JOIN region r ON r.id = m.region_id
        WHERE m.municipality_code = $1 AND ${CURRENT_SQL('m')} AND ${CURRENT_SQL('r')}`,
      [code],
    );
    return this.chain(
      { kind: 'municipality', municipality },
      [code],
      covering.map((row) => row.id),
    );
  }

  private async chain(
    scope: ChainScopeDto,
    municipalityCodes: string[],
    coveringRegionIds: string[],
  ): Promise<ChainDto> {
    const months = this.config.DIRECTORY_STALE_MONTHS;
    // Each list capped in SQL (window functions), with its total and stale count: at 10× a region has thousands of
    // current and ended entries, and serialising them all made a 1.5 MB page (README, Mixed load).
    const regionFunctions: (FunctionRow & Ranked)[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT h.*, row_number() OVER (PARTITION BY h."functionType"
                       ORDER BY h."opAfstand", h."regionName", h."personName", h.id) AS rank,
                count(*) OVER (PARTITION BY h."functionType")::int AS total,
                count(*) FILTER (WHERE h.stale) OVER (PARTITION BY h."functionType")::int AS "staleTotal"
           FROM (${SELECT_FUNCTION('$1')} WHERE ${FUNCTION_CURRENT_SQL('f')} AND f.region_id = ANY($2::uuid[])
                 AND f.function_type = ANY($3)) h) ranked
        WHERE ranked.rank <= $4 ORDER BY ranked."functionType", ranked.rank`,
      [months, coveringRegionIds, REGION_ROLES, CHAIN_HOLDER_LIMIT],
    );
    // `coalesce(end_date, 'infinity') > CURRENT_DATE` repeats part of FUNCTION_CURRENT_SQL in the form of the partial
    // index idx_function_assignment_municipality_open: the gemeente's ended assignments (most rows at 10×) are then
    // skipped in the index instead of read from the table and filtered (~9,000 rows for Oost-Nederland).
    const localFunctions: (FunctionRow & Ranked)[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT h.*, row_number() OVER (PARTITION BY h."municipalityCode" ORDER BY h."opAfstand", h."personName", h.id) AS rank,
                count(*) OVER (PARTITION BY h."municipalityCode")::int AS total,
                count(*) FILTER (WHERE h.stale) OVER (PARTITION BY h."municipalityCode")::int AS "staleTotal"
           FROM (${SELECT_FUNCTION('$1')} WHERE ${FUNCTION_CURRENT_SQL('f')} AND f.municipality_code = ANY($2)
                 AND coalesce(f.end_date, 'infinity'::date) > CURRENT_DATE
                 AND f.function_type = 'aandachtsfunctionaris') h) ranked
        WHERE ranked.rank <= $3 ORDER BY ranked."municipalityCode", ranked.rank`,
      [months, municipalityCodes, CHAIN_HOLDER_LIMIT],
    );
    const municipalities: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT g.code, coalesce(g.display_name, g.name) AS name FROM municipality g WHERE g.code = ANY($1) ORDER BY g.name, g.code`,
      [municipalityCodes],
    );
    const organisationRows: (OrganisationRow & Ranked & { typeRank: string; typeTotal: number })[] =
      await this.dataSource.query(
        // Serves one of the gemeenten directly, or through a region that holds one; the national ones apart, so that
        // `OR o.national` does not turn the index scans into a scan of the table (partial index idx_organisation_national).
        // One GIN probe per gemeente (`&& ARRAY[code]`): with the whole list at once the planner expects a third of the
        // table and scans all of it, testing the overlap on every row (~70 ms for a province at 10×). Ranked per list
        // (regional, national) and per partner type on narrow rows; only the first rows of each are then read whole.
        `SELECT ${ORGANISATION_COLUMNS('o', '$1')}, ranked.rank, ranked."typeRank", ranked.total, ranked."typeTotal",
                ranked."staleTotal"
           FROM (SELECT s.id, s.national, s.type,
                        row_number() OVER (PARTITION BY s.national ORDER BY s.name, s.id) AS rank,
                        row_number() OVER (PARTITION BY s.national, s.type ORDER BY s.name, s.id) AS "typeRank",
                        count(*) OVER (PARTITION BY s.national)::int AS total,
                        count(*) OVER (PARTITION BY s.national, s.type)::int AS "typeTotal",
                        count(*) FILTER (WHERE s.stale) OVER (PARTITION BY s.national)::int AS "staleTotal"
                   FROM (SELECT ${SERVING_COLUMNS} FROM unnest($2::text[]) AS c(code)
                           JOIN organisation d ON d.municipality_codes && ARRAY[c.code]
                          WHERE d.archived_at IS NULL AND NOT d.national
                         UNION
                         SELECT ${SERVING_COLUMNS} FROM organisation d
                          WHERE d.archived_at IS NULL AND NOT d.national AND d.region_ids && ARRAY(
                                SELECT DISTINCT sm.region_id FROM region_membership sm
                                 WHERE sm.municipality_code = ANY($2::text[]) AND ${CURRENT_SQL('sm')})
                         UNION ALL
                         SELECT ${SERVING_COLUMNS} FROM organisation d WHERE d.archived_at IS NULL AND d.national) s) ranked
          -- OFFSET 0 keeps this a lookup by key per kept row, not a hash of the whole table.
          CROSS JOIN LATERAL (SELECT * FROM organisation w WHERE w.id = ranked.id OFFSET 0) o
          WHERE ranked.rank <= $3 OR (NOT ranked.national AND ranked.type = ANY($4) AND ranked."typeRank" <= $5)
          ORDER BY o.name, o.id`,
        [
          months,
          municipalityCodes,
          CHAIN_ORGANISATION_LIMIT,
          PARTNERS.map((partner) => partner.type),
          CHAIN_HOLDER_LIMIT,
        ],
      );
    const referenceRegions: RegionRefDto[] = await this.dataSource.query(
      `SELECT DISTINCT r.id, r.type_code AS "typeCode", r.code, r.name FROM region r
         JOIN region_membership m ON m.region_id = r.id AND ${CURRENT_SQL('m')}
        WHERE r.type_code = ANY($1) AND m.municipality_code = ANY($2) AND ${CURRENT_SQL('r')}
        ORDER BY r.name`,
      [PARTNERS.map((partner) => partner.regionType), municipalityCodes],
    );

    /** A capped list's total and stale count ride on each of its rows. */
    const totals = (rows: Ranked[]) => ({ total: rows[0]?.total ?? 0, stale: rows[0]?.staleTotal ?? 0 });
    let staleCount = 0;
    // Holders are ranked regional before "op afstand", so the capped list gives the same status as the full one.
    const roles: ChainRoleDto[] = REGION_ROLES.map((functionType) => {
      const rows = regionFunctions.filter((row) => row.functionType === functionType);
      const holders = rows.map(toFunctionDto);
      staleCount += totals(rows).stale;
      return {
        functionType,
        label: FUNCTION_TYPE_LABELS[functionType],
        status: coverageOf(holders),
        total: totals(rows).total,
        holders,
      };
    });
    const chainMunicipalities = municipalities.map((municipality) => {
      const rows = localFunctions.filter((row) => row.municipalityCode === municipality.code);
      const holders = rows.map(toFunctionDto);
      staleCount += totals(rows).stale;
      return {
        ...municipality,
        aandachtsfunctionaris: {
          functionType: 'aandachtsfunctionaris' as const,
          label: FUNCTION_TYPE_LABELS.aandachtsfunctionaris,
          status: coverageOf(holders),
          total: totals(rows).total,
          holders,
        },
      };
    });
    const regionalRows = organisationRows.filter((row) => !row.national);
    const nationalRows = organisationRows.filter((row) => row.national);
    const firstOf = (rows: (OrganisationRow & Ranked)[]) =>
      rows.filter((row) => Number(row.rank) <= CHAIN_ORGANISATION_LIMIT).map(toOrganisationSummary);
    const partners = PARTNERS.map(({ type, regionType }) => {
      const serving = regionalRows.filter(
        (row) => row.type === type && Number(row.typeRank) <= CHAIN_HOLDER_LIMIT,
      );
      const total = serving[0]?.typeTotal ?? 0;
      return {
        organisationType: type,
        label: ORGANISATION_TYPE_LABELS[type],
        regions: referenceRegions.filter((region) => region.typeCode === regionType),
        status: total > 0 ? CoverageStatus.filled : CoverageStatus.vacant,
        total,
        organisations: serving.map(toOrganisationSummary),
      };
    });
    staleCount += totals(regionalRows).stale;
    return {
      scope,
      staleMonths: months,
      roles,
      partners,
      municipalities: chainMunicipalities,
      organisations: firstOf(regionalRows),
      organisationsTotal: totals(regionalRows).total,
      nationalOrganisations: firstOf(nationalRows),
      nationalOrganisationsTotal: totals(nationalRows).total,
      summary: {
        municipalities: chainMunicipalities.length,
        vacantAandachtsfunctionarissen: chainMunicipalities.filter(
          (m) => m.aandachtsfunctionaris.status === CoverageStatus.vacant,
        ).length,
        // A CoMensha consulent is a national contact, not a regional post: its absence is no vacancy.
        vacantRoles: roles.filter(
          (role) => role.status === CoverageStatus.vacant && role.functionType !== 'comensha-consulent',
        ).length,
        stale: staleCount,
      },
    };
  }
}
