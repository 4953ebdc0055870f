import { Injectable } from '@nestjs/common';
import {
  BasisVerdict,
  COVERAGE_REGION_TYPES,
  CoverageStatus,
  ErrorCode,
  KADER_PERIOD_PATTERN,
  KADER_REPORT_KIND_LABELS,
  KADER_STATUS_LABELS,
  KADER_THEMES,
  KADER_THEME_LABELS,
  KADER_TREND_MAX_PERIODS,
  KADER_YEAR_PATTERN,
  KaderReportKind,
  KaderStatus,
  Permission,
  kaderPeriodBounds,
  kaderPeriodOf,
  kaderPeriodsBetween,
  type CoverageRegionType,
  type KaderReportTable,
} from '@ketenkaart/shared-domain';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { csvDocument } from '../directory/import/csv';
import type { KaderMunicipalityStatusDto } from './dto/kader.dto';
import {
  KaderReportDto,
  KaderReportMunicipalityDto,
  KaderReportQueryDto,
  KaderReportRegionCoverageDto,
  KaderReportRegionDto,
  KaderTrendDto,
  KaderTrendQueryDto,
} from './dto/kader-report.dto';
import type { FunctionCoverageDto } from './dto/monitoring.dto';
import { KaderService } from './kader.service';
import { kaderTotals } from './kader-totals';
import { MonitoringService } from './monitoring.service';
import { PolicyDocumentsService, referenceDateOf } from './policy-documents.service';

const TREND_DEFAULT_PERIODS = 4;

/** Status of a gemeente in a report, with the half-year it comes from. */
type ReportStatus = KaderMunicipalityStatusDto & { basedOnPeriod: string | null; criteriaSetVersion: number };

/** Trend of the Kader status over half-years, and the two reports VNG owes (issue 7 §4–5). */
@Injectable()
export class KaderReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kader: KaderService,
    private readonly monitoring: MonitoringService,
    private readonly policyDocuments: PolicyDocumentsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Per half-year: how many gemeenten meet the basis, per theme the status counts, and how many have adopted
   * policy in force. The gemeenten are the current ones (of the region); the aandachtsfunctionaris check is
   * left out because the directory knows only who holds the function now.
   */
  async trend(query: KaderTrendQueryDto): Promise<KaderTrendDto> {
    const to = query.to ?? kaderPeriodOf(todayInNetherlands(this.clock.now()));
    const from = query.from ?? kaderPeriodsBetween('2000-H1', to).slice(-TREND_DEFAULT_PERIODS)[0];
    const periods = kaderPeriodsBetween(from, to);
    if (periods.length === 0) throw ProblemException.invalid('from', 'range', 'from must not be after to');
    if (periods.length > KADER_TREND_MAX_PERIODS)
      throw ProblemException.invalid(
        'from',
        'range',
        `the trend spans at most ${KADER_TREND_MAX_PERIODS} half-years`,
      );
    const manager = this.dataSource.manager;
    const municipalities = await this.kader.currentMunicipalities(manager, query.region);
    const result = [];
    for (const period of periods) {
      const set = await this.kader.setForPeriod(manager, period);
      const statuses = await this.kader.statuses(manager, municipalities, period, set);
      const totals = kaderTotals(statuses);
      result.push({
        period,
        criteriaSetVersion: set.version,
        municipalities: totals.municipalities,
        assessedMunicipalities: statuses.filter((status) => status.assessedCriteria > 0).length,
        meetsBasis: totals.meetsBasis,
        doesNotMeetBasis: totals.doesNotMeetBasis,
        unknown: totals.unknown,
        withPolicyDocument: totals.withPolicyDocument,
        themes: totals.themes,
      });
    }
    return { from, to, regionId: query.region ?? null, periods: result };
  }

  /** The interim report (a half-year) or the yearly overview (a year), as JSON. */
  async report(query: KaderReportQueryDto, principal: Principal): Promise<KaderReportDto> {
    const kind = query.kind ?? KaderReportKind.tussenrapportage;
    const today = todayInNetherlands(this.clock.now());
    const period = this.resolvePeriod(kind, query.period, today);
    this.assertMayReport(query.region, principal);
    const manager = this.dataSource.manager;
    const region = query.region ? await this.region(query.region) : null;
    const periods = kind === KaderReportKind.jaaroverzicht ? [`${period}-H1`, `${period}-H2`] : [period];
    const last = periods[periods.length - 1];
    const referenceDate = referenceDateOf(kaderPeriodBounds(last).end, today);
    const municipalities = await this.kader.currentMunicipalities(manager, query.region);

    // Per half-year the statuses; per gemeente the latest half-year with a recorded assessment.
    const perPeriod: { period: string; version: number; statuses: KaderMunicipalityStatusDto[] }[] = [];
    for (const half of periods) {
      const set = await this.kader.setForPeriod(manager, half);
      perPeriod.push({
        period: half,
        version: set.version,
        statuses: await this.kader.statuses(manager, municipalities, half, set),
      });
    }
    const latest = perPeriod[perPeriod.length - 1];
    const statuses: ReportStatus[] = municipalities.map((_, index) => {
      const chosen =
        [...perPeriod].reverse().find((entry) => entry.statuses[index].assessedCriteria > 0) ?? null;
      const source = chosen ?? latest;
      return {
        ...source.statuses[index],
        // Policy and aandachtsfunctionaris as on the reference date, whichever half-year the status comes from.
        policyDocuments: latest.statuses[index].policyDocuments,
        aandachtsfunctionaris: latest.statuses[index].aandachtsfunctionaris,
        basedOnPeriod: chosen?.period ?? null,
        criteriaSetVersion: source.version,
      };
    });
    const documents = await this.policyDocuments.inForce(
      manager,
      municipalities.map((municipality) => municipality.code),
      referenceDate,
    );

    const coverage = await this.coverage(region, last, statuses);
    const from = kaderPeriodBounds(periods[0]).start;
    const to = kaderPeriodBounds(last).end;
    // The same figures (and the same suppression of counts below 5) as GET /monitoring/handoff-figures.
    const handoffFigures = await this.monitoring.handoffFigures(
      { from, to, region: query.region },
      principal,
    );
    const totals = kaderTotals(statuses);
    return {
      kind,
      period,
      periods,
      title: `${KADER_REPORT_KIND_LABELS[kind]} VNG Kader ${period} — ${region?.name ?? 'Nederland'}`,
      referenceDate,
      generatedAt: this.clock.now().toISOString(),
      region,
      criteriaSetVersion: latest.version,
      summary: {
        ...totals,
        regions: coverage.regions.length,
        ketenregisseurVacant: coverage.regions.filter(
          (r) => r.ketenregisseur.status === CoverageStatus.vacant,
        ).length,
        zorgcoordinatieVacant: coverage.regions.filter(
          (r) => r.zorgcoordinatie.status === CoverageStatus.vacant,
        ).length,
        zorgcoordinatieOpAfstand: coverage.regions.filter(
          (r) => r.zorgcoordinatie.status === CoverageStatus.opAfstand,
        ).length,
      },
      municipalities: statuses.map((status): KaderReportMunicipalityDto => ({
        code: status.code,
        name: status.name,
        basedOnPeriod: status.basedOnPeriod,
        criteriaSetVersion: status.criteriaSetVersion,
        meetsBasis: status.meetsBasis,
        themes: status.themes,
        shortfallThemes: status.themes
          .filter((theme) => theme.status === KaderStatus.deels || theme.status === KaderStatus.voldoetNiet)
          .map((theme) => theme.theme),
        aandachtsfunctionaris: status.aandachtsfunctionaris,
        policyDocuments: (documents.get(status.code) ?? []).map((document) => ({
          title: document.title,
          url: document.url,
          adoptedOn: document.adopted_on,
          validUntil: document.valid_until,
          exploitationForms: document.exploitation_forms,
        })),
        policyExploitationForms: status.policyDocuments.exploitationForms,
      })),
      coverage,
      handoffFigures,
    };
  }

  /** One table of the report as CSV for Excel: UTF-8 with BOM, `;`-separated, CRLF, Dutch headers and values. */
  csv(report: KaderReportDto, table: KaderReportTable): { filename: string; body: string } {
    const place = report.region ? slug(report.region.code) : 'nederland';
    const filename = `kader-rapport-${report.period}-${place}${table === 'regios' ? '-regios' : ''}.csv`;
    if (table === 'regios') {
      const header = [
        'regiocode',
        'regio',
        'ketenregisseur',
        'ketenregisseur_uren_per_week',
        'ketenregisseur_vacant_sinds',
        'zorgcoordinatie',
        'zorgcoordinatie_uren_per_week',
        'zorgcoordinatie_vacant_sinds',
        'gemeenten',
        'gemeenten_voldoen_basis',
        'aandachtsfunctionaris_voldoet',
        'gemeenten_met_beleid',
      ];
      const fn = (coverage: FunctionCoverageDto) => [
        COVERAGE_LABELS[coverage.status],
        decimal(coverage.hoursPerWeek),
        coverage.vacantSince,
      ];
      const rows = report.coverage.regions.map((region) => [
        region.code,
        region.name,
        ...fn(region.ketenregisseur),
        ...fn(region.zorgcoordinatie),
        String(region.municipalities),
        String(region.municipalitiesMeetingBasis),
        String(region.aandachtsfunctionarisMeets),
        String(region.withPolicyDocument),
      ]);
      return { filename, body: csvDocument(header, rows) };
    }
    const header = [
      'gemeentecode',
      'gemeente',
      'periode',
      'voldoet_basis',
      ...KADER_THEMES.map((theme) => theme.replace(/-/g, '_')),
      'tekort_op_thema',
      'aandachtsfunctionaris_benoemd',
      'aandachtsfunctionaris_getraind',
      'aandachtsfunctionaris_uren_per_week',
      'aandachtsfunctionaris_voldoet',
      'beleidsdocumenten',
      'beleid_uitbuitingsvormen',
    ];
    const rows = report.municipalities.map((municipality) => [
      municipality.code,
      municipality.name,
      municipality.basedOnPeriod,
      VERDICT_LABELS[municipality.meetsBasis],
      ...KADER_THEMES.map(
        (theme) => KADER_STATUS_LABELS[municipality.themes.find((t) => t.theme === theme)!.status],
      ),
      municipality.shortfallThemes.map((theme) => KADER_THEME_LABELS[theme]).join('|'),
      yesNo(municipality.aandachtsfunctionaris.named),
      yesNo(municipality.aandachtsfunctionaris.trained),
      decimal(municipality.aandachtsfunctionaris.hoursPerWeek),
      yesNo(municipality.aandachtsfunctionaris.meets),
      municipality.policyDocuments.map((document) => `${document.title} (${document.adoptedOn})`).join('|'),
      municipality.policyExploitationForms.join('|'),
    ]);
    return { filename, body: csvDocument(header, rows) };
  }

  /** `2025-H1` for an interim report, `2026` for a yearly overview; the current one by default. */
  private resolvePeriod(kind: KaderReportKind, period: string | undefined, today: string): string {
    if (kind === KaderReportKind.jaaroverzicht) {
      if (period === undefined) return today.slice(0, 4);
      if (!KADER_YEAR_PATTERN.test(period))
        throw ProblemException.invalid(
          'period',
          'matches',
          'period of a jaaroverzicht must be a year such as 2026',
        );
      return period;
    }
    if (period === undefined) return kaderPeriodOf(today);
    if (!KADER_PERIOD_PATTERN.test(period))
      throw ProblemException.invalid(
        'period',
        'matches',
        'period of a tussenrapportage must be a half-year such as 2025-H1 or 2025-H2',
      );
    return period;
  }

  /**
   * The national monitor and the beheerder (aggregates.read) report on any region or the whole country; a
   * ketenregisseur (kader.assess without aggregates.read) on one of their own regions. Hand-off figures in the
   * report follow the rules of GET /monitoring/handoff-figures.
   */
  private assertMayReport(regionId: string | undefined, principal: Principal): void {
    if (principal.can(Permission.aggregatesRead)) return;
    if (!principal.can(Permission.kaderAssess) || !principal.can(Permission.handoffFiguresRead))
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        'Reports are for the national monitor, the beheerder and ketenregisseurs.',
      );
    if (!regionId || !principal.regionIds.includes(regionId))
      throw new ProblemException(
        403,
        ErrorCode.outOfScope,
        'Choose one of your own regions; reports of other regions and of the whole country are for the national monitor.',
      );
  }

  private async region(id: string): Promise<KaderReportRegionDto> {
    const [row]: KaderReportRegionDto[] = await this.dataSource.query(
      `SELECT r.id, r.code, r.name, r.type_code AS type FROM region r WHERE r.id = $1`,
      [id],
    );
    if (!row) throw ProblemException.notFound('Region', id);
    return row;
  }

  /**
   * Coverage of the network for the report: the region itself when it is of a coverage type, else the
   * veiligheidsregio's that share gemeenten with it (all of them nationally). Gemeente counts come from the
   * report's own statuses (for a jaaroverzicht: the latest half-year per gemeente).
   */
  private async coverage(
    region: KaderReportRegionDto | null,
    period: string,
    statuses: readonly ReportStatus[],
  ): Promise<{ type: CoverageRegionType; regions: KaderReportRegionCoverageDto[] }> {
    const ownType = COVERAGE_REGION_TYPES.find((type) => type === region?.type);
    const type: CoverageRegionType = ownType ?? 'veiligheidsregio';
    const coverage = await this.monitoring.coverage({ type, period });
    const byCode = new Map(statuses.map((status) => [status.code, status]));
    const regions = coverage.regions.filter((candidate) =>
      ownType
        ? candidate.id === region!.id
        : !region || candidate.municipalities.some((municipality) => byCode.has(municipality.code)),
    );
    return {
      type,
      regions: regions.map((candidate) => {
        const members = candidate.municipalities
          .map((municipality) => byCode.get(municipality.code))
          .filter((status): status is ReportStatus => status !== undefined);
        return {
          id: candidate.id,
          code: candidate.code,
          name: candidate.name,
          ketenregisseur: candidate.ketenregisseur,
          zorgcoordinatie: candidate.zorgcoordinatie,
          municipalities: members.length,
          municipalitiesMeetingBasis: members.filter((m) => m.meetsBasis === BasisVerdict.yes).length,
          aandachtsfunctionarisMeets: members.filter((m) => m.aandachtsfunctionaris.meets).length,
          withPolicyDocument: members.filter((m) => m.policyDocuments.documents > 0).length,
        };
      }),
    };
  }
}

const VERDICT_LABELS: Record<BasisVerdict, string> = { yes: 'ja', no: 'nee', unknown: 'onbekend' };
const COVERAGE_LABELS: Record<CoverageStatus, string> = {
  filled: 'ingevuld',
  'op-afstand': 'CoMensha op afstand',
  vacant: 'vacant',
};

function yesNo(value: boolean): string {
  return value ? 'ja' : 'nee';
}

/** Dutch Excel reads `4,5` as a number where `;` separates the cells. */
function decimal(value: number | null): string | null {
  return value === null ? null : String(value).replace('.', ',');
}

function slug(code: string): string {
  return (
    code
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'regio'
  );
}
