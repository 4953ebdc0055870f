import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  basisVerdict,
  ErrorCode,
  GM_CODE_PATTERN,
  KADER_PERIOD_PATTERN,
  KADER_SOURCE,
  KADER_THEMES,
  kaderPeriodBounds,
  kaderPeriodOf,
  KaderStatus,
  NATIONWIDE_ROLES,
  Permission,
  worstKaderStatus,
  type InvalidParam,
  type KaderLevel,
  type KaderTheme,
} from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { assertWriteScope } from '../common/write-scope';
import { AppConfig } from '../config/app-config';
import { FUNCTION_CURRENT_SQL } from '../directory/functions.service';
import {
  AandachtsfunctionarisCheckDto,
  CreateKaderCriteriaSetDto,
  KaderAssessmentSheetDto,
  KaderCriteriaSetDto,
  KaderMunicipalityStatusDto,
  PutKaderAssessmentsDto,
  RegionKaderAssessmentsDto,
} from './dto/kader.dto';
import { INITIAL_KADER_CRITERIA, INITIAL_KADER_VALID_FROM } from './kader-criteria';
import { KaderAssessmentEntity } from './kader-assessment.entity';
import { KaderCriterionEntity } from './kader-criterion.entity';
import { PolicyDocumentsService, referenceDateOf } from './policy-documents.service';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENT = (alias: string) =>
  `(${alias}.valid_from <= CURRENT_DATE AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > CURRENT_DATE))`;

interface CriterionRow {
  id: string;
  code: string;
  theme: KaderTheme;
  level: KaderLevel;
  text: string;
  source: string;
}

interface CriteriaSet {
  id: string;
  version: number;
  validFrom: string;
  note: string | null;
  criteria: CriterionRow[];
}

interface AssessmentRow {
  municipality_code: string;
  criterion_id: string;
  status: KaderStatus;
  evidence_url: string | null;
  assessed_by: string;
  assessed_at: Date;
}

/** The VNG Kader: criteria (versioned), assessments per gemeente and period, and the status derived from them. */
@Injectable()
export class KaderService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Kader');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly policyDocuments: PolicyDocumentsService,
  ) {}

  /** Reference data in every database (not demo): version 1 of the criteria, once. Runs after migrations. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO kader_criteria_set (version, valid_from, note, created_by) VALUES (1, $1, $2, 'reference')
         ON CONFLICT (version) DO NOTHING RETURNING id`,
        [INITIAL_KADER_VALID_FROM, 'Eerste versie op basis van het VNG Kader (2021)'],
      );
      if (inserted.length === 0) return;
      await this.insertCriteria(
        manager,
        inserted[0].id,
        INITIAL_KADER_CRITERIA.map((criterion) => ({ ...criterion, source: KADER_SOURCE })),
      );
      this.logger.log(`seeded ${INITIAL_KADER_CRITERIA.length} Kader criteria (version 1)`);
    });
  }

  async listCriteriaSets(): Promise<KaderCriteriaSetDto[]> {
    const sets: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM kader_criteria_set ORDER BY version DESC`,
    );
    return Promise.all(
      sets.map(async (set) => toSetDto(await this.loadSet(this.dataSource.manager, set.id))),
    );
  }

  /** A beheerder refines the criteria: always a new version; earlier assessments keep their version. */
  async createCriteriaSet(
    dto: CreateKaderCriteriaSetDto,
    principal: Principal,
  ): Promise<KaderCriteriaSetDto> {
    if (!principal.roles.some((role) => NATIONWIDE_ROLES.includes(role)))
      throw new ProblemException(403, ErrorCode.forbidden, 'Only a beheerder edits the Kader criteria.');
    const codes = dto.criteria.map((criterion) => criterion.code);
    const duplicate = codes.findIndex((code, index) => codes.indexOf(code) !== index);
    if (duplicate >= 0)
      throw ProblemException.invalid(
        `criteria.${duplicate}.code`,
        'duplicate',
        `code ${codes[duplicate]} occurs twice`,
      );
    return this.dataSource.transaction(async (manager) => {
      // Serialises concurrent versions: the unique version number refuses the second one.
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM kader_criteria_set`,
      );
      const [set]: { id: string }[] = await manager.query(
        `INSERT INTO kader_criteria_set (version, valid_from, note, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [Number(next), dto.validFrom, dto.note ?? null, principal.actor],
      );
      await this.insertCriteria(
        manager,
        set.id,
        dto.criteria.map((criterion) => ({ ...criterion, source: criterion.source ?? KADER_SOURCE })),
      );
      await this.audit.record(
        {
          action: 'kader.criteria.create',
          recordType: 'kader_criteria_set',
          recordId: set.id,
          principal,
          details: { version: Number(next), criteria: dto.criteria.length },
        },
        manager,
      );
      return toSetDto(await this.loadSet(manager, set.id));
    });
  }

  async getSheet(
    gmCode: string,
    period: string | undefined,
    principal: Principal,
  ): Promise<KaderAssessmentSheetDto> {
    const resolved = this.resolvePeriod(period);
    const municipality = await this.requireMunicipality(this.dataSource.manager, gmCode);
    const set = await this.setForPeriod(this.dataSource.manager, resolved);
    const [status] = await this.statuses(this.dataSource.manager, [municipality], resolved, set);
    const assessments = await this.assessments(this.dataSource.manager, [gmCode], resolved, set);
    const byCriterion = new Map(assessments.map((row) => [row.criterion_id, row]));
    // Who assessed is an internal account id: shown to those who assess or monitor, not to the public.
    const showAssessor = principal.can(Permission.kaderAssess) || principal.can(Permission.aggregatesRead);
    return {
      ...status,
      period: resolved,
      criteriaSetVersion: set.version,
      criteria: set.criteria.map((criterion) => {
        const row = byCriterion.get(criterion.id);
        return {
          code: criterion.code,
          theme: criterion.theme,
          level: criterion.level,
          text: criterion.text,
          source: criterion.source,
          status: row?.status ?? KaderStatus.onbekend,
          evidenceUrl: row?.evidence_url ?? null,
          assessedBy: row && showAssessor ? row.assessed_by : null,
          assessedAt: row ? new Date(row.assessed_at).toISOString() : null,
        };
      }),
    };
  }

  /** The whole assessment of one gemeente for one period, in one transaction. */
  async putMunicipality(
    gmCode: string,
    period: string,
    dto: PutKaderAssessmentsDto,
    principal: Principal,
  ): Promise<KaderAssessmentSheetDto> {
    this.requirePeriod(period);
    await this.dataSource.transaction(async (manager) => {
      await this.requireMunicipality(manager, gmCode);
      const set = await this.setForPeriod(manager, period);
      const rows = this.rowsFor(set, dto);
      await assertWriteScope(manager, principal, [{ municipalityCodes: [gmCode] }], 'gemeente');
      await this.replace(manager, [gmCode], period, rows, principal);
    });
    return this.getSheet(gmCode, period, principal);
  }

  /** The same assessment for every current gemeente of a region ("per region on behalf of its gemeenten"). */
  async putRegion(
    regionId: string,
    period: string,
    dto: PutKaderAssessmentsDto,
    principal: Principal,
  ): Promise<RegionKaderAssessmentsDto> {
    this.requirePeriod(period);
    const codes = await this.dataSource.transaction(async (manager) => {
      const members = await this.regionMembers(manager, regionId);
      const set = await this.setForPeriod(manager, period);
      const rows = this.rowsFor(set, dto);
      // One footprint per gemeente: every one of them must lie in the caller's regions, not just one.
      await assertWriteScope(
        manager,
        principal,
        members.map((member) => ({ municipalityCodes: [member.code] })),
        'gemeente',
      );
      await this.replace(
        manager,
        members.map((member) => member.code),
        period,
        rows,
        principal,
        regionId,
      );
      return members;
    });
    const set = await this.setForPeriod(this.dataSource.manager, period);
    return {
      regionId,
      period,
      municipalities: await this.statuses(this.dataSource.manager, codes, period, set),
    };
  }

  /** Status of each gemeente (all current ones, or those given) for a period. */
  async statuses(
    manager: EntityManager,
    municipalities: readonly { code: string; name: string }[],
    period: string,
    set: CriteriaSet,
  ): Promise<KaderMunicipalityStatusDto[]> {
    const codes = municipalities.map((municipality) => municipality.code);
    const assessments = await this.assessments(manager, codes, period, set);
    const checks = await this.aandachtsfunctionarisChecks(manager, codes);
    const policies = await this.policyDocuments.coverage(
      manager,
      codes,
      referenceDateOf(kaderPeriodBounds(period).end, todayInNetherlands(this.clock.now())),
    );
    const byMunicipality = new Map<string, Map<string, KaderStatus>>();
    for (const row of assessments) {
      const map = byMunicipality.get(row.municipality_code) ?? new Map<string, KaderStatus>();
      map.set(row.criterion_id, row.status);
      byMunicipality.set(row.municipality_code, map);
    }
    return municipalities.map((municipality) => {
      const recorded = byMunicipality.get(municipality.code) ?? new Map<string, KaderStatus>();
      const statusOf = (criterion: CriterionRow) => recorded.get(criterion.id) ?? KaderStatus.onbekend;
      const basis = set.criteria.filter((criterion) => criterion.level === 'basis');
      return {
        code: municipality.code,
        name: municipality.name,
        meetsBasis: basisVerdict(basis.map(statusOf)),
        themes: KADER_THEMES.map((theme) => ({
          theme,
          status: worstKaderStatus(basis.filter((c) => c.theme === theme).map(statusOf)),
          verdiepingStatus: worstKaderStatus(
            set.criteria.filter((c) => c.theme === theme && c.level === 'verdieping').map(statusOf),
          ),
        })),
        aandachtsfunctionaris: checks.get(municipality.code) ?? this.emptyCheck(),
        policyDocuments: policies.get(municipality.code)!,
        assessedCriteria: recorded.size,
      };
    });
  }

  /** The criteria set in force for a period: the latest version valid on the period's last day (else version 1). */
  async setForPeriod(manager: EntityManager, period: string): Promise<CriteriaSet> {
    const { end } = kaderPeriodBounds(period);
    const [row]: { id: string }[] = await manager.query(
      `SELECT id FROM kader_criteria_set ORDER BY (valid_from <= $1::date) DESC,
              CASE WHEN valid_from <= $1::date THEN version ELSE -version END DESC LIMIT 1`,
      [end],
    );
    if (!row)
      throw new ProblemException(409, ErrorCode.noKaderCriteriaSet, 'No Kader criteria set exists yet.');
    return this.loadSet(manager, row.id);
  }

  resolvePeriod(period: string | undefined): string {
    if (period === undefined) return kaderPeriodOf(todayInNetherlands(this.clock.now()));
    this.requirePeriod(period);
    return period;
  }

  async currentMunicipalities(
    manager: EntityManager,
    regionId?: string,
  ): Promise<{ code: string; name: string }[]> {
    if (regionId) return this.regionMembers(manager, regionId);
    return manager.query(
      `SELECT g.code, coalesce(g.display_name, g.name) AS name FROM municipality g
        WHERE g.valid_until IS NULL OR g.valid_until > CURRENT_DATE ORDER BY g.name, g.code`,
    );
  }

  private requirePeriod(period: string): void {
    if (!KADER_PERIOD_PATTERN.test(period))
      throw ProblemException.invalid(
        'period',
        'matches',
        'period must be a half-year such as 2025-H1 or 2025-H2',
      );
  }

  private async requireMunicipality(
    manager: EntityManager,
    gmCode: string,
  ): Promise<{ code: string; name: string }> {
    if (!GM_CODE_PATTERN.test(gmCode)) throw ProblemException.notFound('Municipality', gmCode);
    const [row]: { code: string; name: string }[] = await manager.query(
      `SELECT g.code, coalesce(g.display_name, g.name) AS name FROM municipality g WHERE g.code = $1`,
      [gmCode],
    );
    if (!row) throw ProblemException.notFound('Municipality', gmCode);
    return row;
  }

  private async regionMembers(
    manager: EntityManager,
    regionId: string,
  ): Promise<{ code: string; name: string }[]> {
    if (!UUID_PATTERN.test(regionId)) throw ProblemException.notFound('Region', regionId);
    const [region] = await manager.query(`SELECT r.id FROM region r WHERE r.id = $1 AND ${CURRENT('r')}`, [
      regionId,
    ]);
    if (!region) throw ProblemException.notFound('Region', regionId);
    return manager.query(
      `SELECT g.code, coalesce(g.display_name, g.name) AS name
         FROM region_membership m JOIN municipality g ON g.code = m.municipality_code
        WHERE m.region_id = $1 AND ${CURRENT('m')} ORDER BY g.name, g.code`,
      [regionId],
    );
  }

  /** Every criterion of the set: the given status, or onbekend when left out. Unknown or repeated codes are 400. */
  private rowsFor(
    set: CriteriaSet,
    dto: PutKaderAssessmentsDto,
  ): { criterionId: string; status: KaderStatus; evidenceUrl: string | null }[] {
    const byCode = new Map(set.criteria.map((criterion) => [criterion.code, criterion]));
    const invalid: InvalidParam[] = [];
    const seen = new Set<string>();
    dto.items.forEach((item, index) => {
      if (!byCode.has(item.criterionCode))
        invalid.push({
          name: `items.${index}.criterionCode`,
          code: ErrorCode.unknownKaderCriterion,
          reason: `criterionCode ${item.criterionCode} is not in version ${set.version} of the Kader criteria`,
        });
      else if (seen.has(item.criterionCode))
        invalid.push({
          name: `items.${index}.criterionCode`,
          code: 'duplicate',
          reason: `criterionCode ${item.criterionCode} occurs twice`,
        });
      seen.add(item.criterionCode);
    });
    if (invalid.length > 0)
      throw new ProblemException(
        400,
        ErrorCode.validationFailed,
        invalid.map((param) => param.reason).join('; '),
        invalid,
      );
    const given = new Map(dto.items.map((item) => [item.criterionCode, item]));
    return set.criteria.map((criterion) => {
      const item = given.get(criterion.code);
      return {
        criterionId: criterion.id,
        status: item?.status ?? KaderStatus.onbekend,
        evidenceUrl: item?.evidenceUrl ?? null,
      };
    });
  }

  private async replace(
    manager: EntityManager,
    codes: readonly string[],
    period: string,
    rows: { criterionId: string; status: KaderStatus; evidenceUrl: string | null }[],
    principal: Principal,
    regionId?: string,
  ): Promise<void> {
    await manager.query(`DELETE FROM kader_assessment WHERE municipality_code = ANY($1) AND period = $2`, [
      codes,
      period,
    ]);
    const assessedAt = this.clock.now();
    const values = codes.flatMap((municipalityCode) =>
      rows.map((row) => ({
        municipalityCode,
        period,
        criterionId: row.criterionId,
        status: row.status,
        evidenceUrl: row.evidenceUrl,
        assessedBy: principal.actor,
        assessedAt,
      })),
    );
    for (let start = 0; start < values.length; start += 500)
      await manager.insert(KaderAssessmentEntity, values.slice(start, start + 500));
    await this.audit.record(
      {
        action: 'kader.assessment.put',
        recordType: regionId ? 'region' : 'municipality',
        recordId: regionId ?? codes[0],
        principal,
        details: { period, municipalities: codes.length, criteria: rows.length },
      },
      manager,
    );
  }

  private async assessments(
    manager: EntityManager,
    codes: readonly string[],
    period: string,
    set: CriteriaSet,
  ): Promise<AssessmentRow[]> {
    return manager.query(
      `SELECT a.municipality_code, a.criterion_id, a.status, a.evidence_url, a.assessed_by, a.assessed_at
         FROM kader_assessment a
        WHERE a.period = $1 AND a.municipality_code = ANY($2) AND a.criterion_id = ANY($3::uuid[])`,
      [period, codes, set.criteria.map((criterion) => criterion.id)],
    );
  }

  /** "Trained and with enough time": the best current holder of the aandachtsfunctionaris function. */
  private async aandachtsfunctionarisChecks(
    manager: EntityManager,
    codes: readonly string[],
  ): Promise<Map<string, AandachtsfunctionarisCheckDto>> {
    const rows: {
      municipality_code: string;
      person_id: string | null;
      training_date: string | null;
      hours_per_week: string | null;
    }[] = await manager.query(
      `SELECT f.municipality_code, f.person_id, to_char(f.training_date, 'YYYY-MM-DD') AS training_date, f.hours_per_week
         FROM function_assignment f
        WHERE f.function_type = 'aandachtsfunctionaris' AND f.municipality_code = ANY($1) AND ${FUNCTION_CURRENT_SQL('f')}`,
      [codes],
    );
    const min = this.config.KADER_MIN_AF_HOURS;
    const checks = new Map<string, AandachtsfunctionarisCheckDto>();
    const score = (check: AandachtsfunctionarisCheckDto) =>
      Number(check.named) + Number(check.trained) + Number(check.enoughHours);
    for (const row of rows) {
      const hours = row.hours_per_week === null ? null : Number(row.hours_per_week);
      const named = row.person_id !== null;
      const trained = named && row.training_date !== null;
      const enoughHours = named && hours !== null && hours >= min;
      const check = {
        named,
        trained,
        hoursPerWeek: hours,
        minHoursPerWeek: min,
        enoughHours,
        meets: named && trained && enoughHours,
      };
      const previous = checks.get(row.municipality_code);
      if (!previous || score(check) > score(previous)) checks.set(row.municipality_code, check);
    }
    return checks;
  }

  private emptyCheck(): AandachtsfunctionarisCheckDto {
    return {
      named: false,
      trained: false,
      hoursPerWeek: null,
      minHoursPerWeek: this.config.KADER_MIN_AF_HOURS,
      enoughHours: false,
      meets: false,
    };
  }

  private async loadSet(manager: EntityManager, id: string): Promise<CriteriaSet> {
    const [set]: { id: string; version: number; valid_from: string; note: string | null }[] =
      await manager.query(
        `SELECT id, version, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, note FROM kader_criteria_set WHERE id = $1`,
        [id],
      );
    const criteria: CriterionRow[] = await manager.query(
      `SELECT id, code, theme, level, text, source FROM kader_criterion WHERE criteria_set_id = $1 ORDER BY sort_order, code`,
      [id],
    );
    return { id: set.id, version: Number(set.version), validFrom: set.valid_from, note: set.note, criteria };
  }

  private async insertCriteria(
    manager: EntityManager,
    setId: string,
    criteria: { code: string; theme: KaderTheme; level: KaderLevel; text: string; source: string }[],
  ): Promise<void> {
    await manager.insert(
      KaderCriterionEntity,
      criteria.map((criterion, index) => ({ ...criterion, criteriaSetId: setId, sortOrder: index + 1 })),
    );
  }
}

function toSetDto(set: CriteriaSet): KaderCriteriaSetDto {
  return {
    id: set.id,
    version: set.version,
    validFrom: set.validFrom,
    note: set.note,
    criteria: set.criteria.map(({ code, theme, level, text, source }) => ({
      code,
      theme,
      level,
      text,
      source,
    })),
  };
}

export type { CriteriaSet };
