import { Injectable } from '@nestjs/common';
import {
  BasisVerdict,
  CoverageStatus,
  ErrorCode,
  Permission,
  SUPPRESSED,
  type CoverageRegionType,
} from '@ketenkaart/shared-domain';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { FUNCTION_CURRENT_SQL } from '../directory/functions.service';
import {
  CoverageDto,
  CoverageQueryDto,
  FunctionCoverageDto,
  HandoffFiguresDto,
  HandoffFiguresQueryDto,
  KaderOverviewDto,
  KaderOverviewQueryDto,
} from './dto/monitoring.dto';
import { KaderService } from './kader.service';
import { kaderTotals } from './kader-totals';
import { CountRow, figure, median, suppressBreakdown } from './suppression';

const CURRENT = (alias: string) =>
  `(${alias}.valid_from <= CURRENT_DATE AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > CURRENT_DATE))`;

interface FunctionRow {
  region_id: string;
  function_type: 'ketenregisseur' | 'zorgcoordinator';
  op_afstand: boolean;
  hours_per_week: string | null;
}

/** Aggregates for the 2026 goals: Kader status, coverage of the network, hand-off figures. Never single records. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kader: KaderService,
    private readonly clock: Clock,
  ) {}

  async kaderOverview(query: KaderOverviewQueryDto): Promise<KaderOverviewDto> {
    const manager = this.dataSource.manager;
    const period = this.kader.resolvePeriod(query.period);
    const set = await this.kader.setForPeriod(manager, period);
    const municipalities = await this.kader.statuses(
      manager,
      await this.kader.currentMunicipalities(manager, query.region),
      period,
      set,
    );
    return {
      period,
      regionId: query.region ?? null,
      criteriaSetVersion: set.version,
      municipalities,
      totals: kaderTotals(municipalities),
    };
  }

  /**
   * Per region of a type: ketenregisseur and zorgcoördinatie in place (held for the region itself or for a
   * region that contains all of its gemeenten, as in the directory chain), hours, and how long vacant.
   */
  async coverage(query: CoverageQueryDto): Promise<CoverageDto> {
    const manager = this.dataSource.manager;
    const type: CoverageRegionType = query.type ?? 'veiligheidsregio';
    const period = this.kader.resolvePeriod(query.period);
    const regions: { id: string; code: string; name: string; valid_from: string; codes: string[] | null }[] =
      await manager.query(
        `SELECT r.id, r.code, r.name, to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from,
                (SELECT array_agg(m.municipality_code ORDER BY m.municipality_code) FROM region_membership m
                  WHERE m.region_id = r.id AND ${CURRENT('m')}) AS codes
           FROM region r WHERE r.type_code = $1 AND ${CURRENT('r')} ORDER BY r.name, r.id`,
        [type],
      );
    const coveringSql = `
      WITH members AS (
        SELECT m.region_id, array_agg(m.municipality_code) AS codes FROM region_membership m
          JOIN region c ON c.id = m.region_id AND ${CURRENT('c')}
         WHERE ${CURRENT('m')} GROUP BY m.region_id
      ), covering AS (
        SELECT own.region_id, other.region_id AS covering_id FROM members own JOIN members other
          ON other.region_id = own.region_id OR own.codes <@ other.codes
         WHERE own.region_id = ANY($1::uuid[])
      )`;
    const ids = regions.map((region) => region.id);
    const current: FunctionRow[] = await manager.query(
      `${coveringSql}
       SELECT cv.region_id, f.function_type, f.op_afstand, f.hours_per_week FROM covering cv
         JOIN function_assignment f ON f.region_id = cv.covering_id
        WHERE f.function_type IN ('ketenregisseur', 'zorgcoordinator') AND ${FUNCTION_CURRENT_SQL('f')}`,
      [ids],
    );
    const ended: { region_id: string; function_type: string; ended: string }[] = await manager.query(
      `${coveringSql}
       SELECT cv.region_id, f.function_type, to_char(max(f.end_date), 'YYYY-MM-DD') AS ended FROM covering cv
         JOIN function_assignment f ON f.region_id = cv.covering_id
        WHERE f.function_type IN ('ketenregisseur', 'zorgcoordinator') AND f.archived_at IS NULL
          AND f.end_date IS NOT NULL AND f.end_date <= CURRENT_DATE
        GROUP BY cv.region_id, f.function_type`,
      [ids],
    );
    const set = await this.kader.setForPeriod(manager, period);
    const allCodes = [...new Set(regions.flatMap((region) => region.codes ?? []))];
    const names: { code: string; name: string }[] = await manager.query(
      `SELECT g.code, coalesce(g.display_name, g.name) AS name FROM municipality g WHERE g.code = ANY($1) ORDER BY g.name`,
      [allCodes],
    );
    const statusByCode = new Map(
      (await this.kader.statuses(manager, names, period, set)).map((status) => [status.code, status]),
    );
    const functionCoverage = (
      region: { id: string; valid_from: string },
      functionType: FunctionRow['function_type'],
    ): FunctionCoverageDto => {
      const holders = current.filter((f) => f.region_id === region.id && f.function_type === functionType);
      const named = holders.filter((f) => !f.op_afstand);
      const status =
        named.length > 0
          ? CoverageStatus.filled
          : holders.length > 0
            ? CoverageStatus.opAfstand
            : CoverageStatus.vacant;
      const hours = named.filter((f) => f.hours_per_week !== null);
      return {
        status,
        holders: named.length,
        hoursPerWeek: hours.length > 0 ? hours.reduce((sum, f) => sum + Number(f.hours_per_week), 0) : null,
        vacantSince:
          status === CoverageStatus.vacant
            ? (ended.find((row) => row.region_id === region.id && row.function_type === functionType)
                ?.ended ?? region.valid_from)
            : null,
      };
    };
    const result = regions.map((region) => ({
      id: region.id,
      code: region.code,
      name: region.name,
      ketenregisseur: functionCoverage(region, 'ketenregisseur'),
      zorgcoordinatie: functionCoverage(region, 'zorgcoordinator'),
      municipalities: names
        .filter((municipality) => (region.codes ?? []).includes(municipality.code))
        .map((municipality) => {
          const status = statusByCode.get(municipality.code)!;
          return {
            code: municipality.code,
            name: municipality.name,
            meetsBasis: status.meetsBasis,
            aandachtsfunctionaris: status.aandachtsfunctionaris,
          };
        }),
    }));
    const statuses = [...statusByCode.values()];
    return {
      type,
      period,
      regions: result,
      totals: {
        regions: result.length,
        ketenregisseurVacant: result.filter((r) => r.ketenregisseur.status === CoverageStatus.vacant).length,
        zorgcoordinatieVacant: result.filter((r) => r.zorgcoordinatie.status === CoverageStatus.vacant)
          .length,
        zorgcoordinatieOpAfstand: result.filter((r) => r.zorgcoordinatie.status === CoverageStatus.opAfstand)
          .length,
        municipalities: statuses.length,
        municipalitiesMeetingBasis: statuses.filter((s) => s.meetsBasis === BasisVerdict.yes).length,
        aandachtsfunctionarisMeets: statuses.filter((s) => s.aandachtsfunctionaris.meets).length,
      },
    };
  }

  /**
   * Hand-off figures. Nationwide with aggregates.read; own regions only with handoff.figures.read. Counts below 5
   * are "<5" unless the caller may see the single hand-offs of the whole scope (handoff.status.read, own regions).
   */
  async handoffFigures(query: HandoffFiguresQueryDto, principal: Principal): Promise<HandoffFiguresDto> {
    const today = todayInNetherlands(this.clock.now());
    const to = query.to ?? today;
    const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    if (from > to) throw ProblemException.invalid('from', 'range', 'from must be on or before to');
    if (!principal.can(Permission.aggregatesRead) && !principal.can(Permission.handoffFiguresRead))
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        'Hand-off figures need aggregates.read or handoff.figures.read.',
      );
    const nationwide = principal.can(Permission.aggregatesRead);
    const ownScope = query.region ? principal.regionIds.includes(query.region) : false;
    if (!nationwide) {
      if (!query.region && principal.regionIds.length === 0)
        throw new ProblemException(403, ErrorCode.outOfScope, 'You have no regions to show figures for.');
      if (query.region && !ownScope)
        throw new ProblemException(
          403,
          ErrorCode.outOfScope,
          'This region lies outside your regions; figures of other regions are for the national monitor.',
        );
    }
    if (query.region) {
      const [region] = await this.dataSource.query(`SELECT id FROM region WHERE id = $1`, [query.region]);
      if (!region) throw ProblemException.notFound('Region', query.region);
    }
    const scopeRegions = query.region ? [query.region] : nationwide ? null : [...principal.regionIds];
    const seesSingles =
      principal.can(Permission.handoffStatusRead) &&
      scopeRegions !== null &&
      scopeRegions.every((id) => principal.regionIds.includes(id));
    const suppress = !seesSingles;

    const params: unknown[] = [from, to];
    let scopeSql = '';
    if (scopeRegions) {
      params.push(scopeRegions);
      scopeSql = `AND (h.region_ids && $3::uuid[] OR h.municipality_code IN (
        SELECT m.municipality_code FROM region_membership m WHERE m.region_id = ANY($3::uuid[]) AND ${CURRENT('m')}))`;
    }
    const rows: {
      path_code: string;
      exploitation_form: string;
      state: string;
      decline_reason: string | null;
      sent_at: Date;
      respond_before: string | null;
      responded_at: Date | null;
      responded_day: string | null;
      accepted_at: Date | null;
      vr_id: string | null;
      vr_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT h.path_code, h.exploitation_form, h.state, h.decline_reason, h.sent_at,
              to_char(h.respond_before, 'YYYY-MM-DD') AS respond_before, h.responded_at,
              to_char(h.responded_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS responded_day,
              (SELECT min(e.occurred_at) FROM handoff_event e WHERE e.handoff_id = h.id AND e.to_state = 'geaccepteerd') AS accepted_at,
              vr.id AS vr_id, vr.name AS vr_name
         FROM handoff h
         LEFT JOIN LATERAL (
           SELECT r.id, r.name FROM region_membership m JOIN region r ON r.id = m.region_id
            WHERE m.municipality_code = h.municipality_code AND r.type_code = 'veiligheidsregio' AND ${CURRENT('m')}
            LIMIT 1) vr ON true
        WHERE h.sent_at IS NOT NULL
          AND (h.sent_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN $1::date AND $2::date ${scopeSql}`,
      params,
    );
    const countBy = (
      keyOf: (row: (typeof rows)[number]) => string | null,
      labelOf?: (key: string) => string | null,
    ) => {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const key = keyOf(row);
        if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts]
        .map(([key, count]): CountRow => ({ key, label: labelOf?.(key) ?? null, count }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    };
    const total = rows.length;
    const totalShown = figure(total, suppress) !== SUPPRESSED;
    const regionNames = new Map(rows.filter((r) => r.vr_id).map((r) => [r.vr_id!, r.vr_name]));
    const hoursToAcceptance = rows
      .filter((row) => row.accepted_at)
      .map((row) => (new Date(row.accepted_at!).getTime() - new Date(row.sent_at).getTime()) / 3_600_000);
    // Overdue: still unanswered after the deadline, or answered after it.
    const overdue = rows.filter(
      (row) =>
        row.respond_before !== null &&
        ((row.state === 'verstuurd' && row.respond_before < today) ||
          (row.responded_day !== null && row.responded_day > row.respond_before)),
    ).length;
    const acceptedShown = figure(hoursToAcceptance.length, suppress);
    const overdueShown = figure(overdue, suppress);
    const declined = countBy((row) =>
      row.state === 'afgewezen' ? (row.decline_reason ?? 'onbekend') : null,
    );
    const medianHours = median(hoursToAcceptance);
    return {
      from,
      to,
      regionId: query.region ?? null,
      suppressed: suppress,
      total: figure(total, suppress),
      byPath: suppressBreakdown(
        countBy((row) => row.path_code),
        suppress,
        totalShown,
      ),
      byForm: suppressBreakdown(
        countBy((row) => row.exploitation_form),
        suppress,
        totalShown,
      ),
      byRegion: suppressBreakdown(
        countBy(
          (row) => row.vr_id,
          (key) => regionNames.get(key) ?? null,
        ),
        suppress,
        totalShown,
      ),
      declineReasons: suppressBreakdown(declined, suppress, false),
      accepted: acceptedShown,
      medianHoursToAcceptance:
        acceptedShown === SUPPRESSED
          ? SUPPRESSED
          : medianHours === null
            ? null
            : Math.round(medianHours * 10) / 10,
      overdue: overdueShown,
      overdueShare:
        overdueShown === SUPPRESSED || !totalShown
          ? SUPPRESSED
          : total === 0
            ? null
            : Math.round((overdue / total) * 1000) / 1000,
    };
  }
}
