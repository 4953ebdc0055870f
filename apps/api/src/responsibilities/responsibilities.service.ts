import { Injectable } from '@nestjs/common';
import {
  CellOrigin,
  ErrorCode,
  EXPLOITATION_FORMS,
  ExploitationForm,
  FunctionType,
  LOOKUP_NEEDS,
  LookupNeed,
  MATRIX_REGION_TYPES,
  NEED_TASKS,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  OrganisationType,
  OverrideStatus,
  RESPONSIBILITY_LEVELS,
  RESPONSIBILITY_TASK_LABELS,
  RESPONSIBILITY_TASKS,
  ResponsibilityGapKind,
  ResponsibilityLevel,
  ResponsibilityTask,
  TARGET_GROUPS,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import { assertRegionAccess, Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import {
  ContactPointDto,
  FunctionHolderDto,
  LookupDto,
  LookupEntryDto,
  LookupQueryDto,
  MatrixCellDto,
  MatrixDto,
  MatrixQueryDto,
  NationalGapsDto,
  OverrideDto,
  OverrideHistoryEventDto,
  ProposeOverrideDto,
  RegionGapsDto,
  RegionOverridesDto,
  RegionRefDto,
  ResponsibilityGapDto,
  ResponsibilityTaskListDto,
} from './dto/responsibility.dto';
import {
  findSecondLead,
  isEffectiveOn,
  leadCells,
  MatrixCell,
  mergeCells,
  periodsOverlap,
  resolveCell,
  typesOf,
} from './matrix-resolution';
import { cellKey } from './national-default';
import { ResponsibilityDefaultEntity } from './responsibility-default.entity';
import { ResponsibilityOverrideEntity } from './responsibility-override.entity';

const CURRENT = (alias: string) =>
  `(${alias}.valid_from <= CURRENT_DATE AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > CURRENT_DATE))`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  website: string | null;
  contact_points: ContactPointDto[];
  national: boolean;
  municipality_codes: string[];
  region_ids: string[];
  exploitation_forms: string[];
  target_groups: string[];
  has_person: boolean;
}

interface HolderRow {
  function_type: FunctionType;
  organisation_id: string | null;
  name: string | null;
  work_email: string | null;
  work_phone: string | null;
  op_afstand: boolean;
  scope_name: string | null;
}

const SELECT_ORGANISATIONS = `
  SELECT o.id, o.name, o.type, o.website, o.contact_points, o.national, o.municipality_codes,
         o.region_ids::text[] AS region_ids, o.exploitation_forms, o.target_groups,
         EXISTS (SELECT 1 FROM person p WHERE p.organisation_id = o.id AND p.archived_at IS NULL) AS has_person
    FROM organisation o WHERE o.archived_at IS NULL`;

function toCell(row: ResponsibilityDefaultEntity | ResponsibilityOverrideEntity): MatrixCell {
  const override = row instanceof ResponsibilityOverrideEntity ? row : null;
  return {
    task: row.task,
    organisationType: row.organisationType,
    exploitationForm: row.exploitationForm,
    targetGroup: row.targetGroup,
    level: row.level,
    note: row.note,
    source: { title: row.sourceTitle, reference: row.sourceReference, url: row.sourceUrl },
    overrideId: override?.id ?? null,
    regionId: override?.regionId ?? null,
    organisationId: override?.organisationId ?? null,
    validFrom: override?.validFrom ?? null,
    validUntil: override?.validUntil ?? null,
  };
}

/** Accepts an organisation as serving an exploitation form and target group unless it lists others. */
function accepts(org: OrganisationRow, form: string | null, targetGroup: string | null): boolean {
  return (
    (!form || org.exploitation_forms.length === 0 || org.exploitation_forms.includes(form)) &&
    (!targetGroup || org.target_groups.length === 0 || org.target_groups.includes(targetGroup))
  );
}

function isContactable(org: OrganisationRow): boolean {
  return org.has_person || org.contact_points.some((point) => Boolean(point.phone || point.email));
}

function csvField(value: string | null): string {
  let text = value ?? '';
  // Spreadsheet formula injection: a leading =, +, - or @ would be evaluated.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

@Injectable()
export class ResponsibilitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return todayInNetherlands(this.clock.now());
  }

  listTasks(): ResponsibilityTaskListDto {
    return {
      items: RESPONSIBILITY_TASKS.map((code) => ({
        code,
        label: RESPONSIBILITY_TASK_LABELS[code],
        needs: LOOKUP_NEEDS.filter((need) => NEED_TASKS[need].includes(code)),
      })),
      levels: [...RESPONSIBILITY_LEVELS],
      needs: [...LOOKUP_NEEDS],
    };
  }

  // ---------------------------------------------------------------- the matrix

  async matrix(query: MatrixQueryDto): Promise<MatrixDto> {
    const form = query.form ? this.requireForm(query.form, 'form') : null;
    const targetGroup = query.targetGroup ? this.requireTargetGroup(query.targetGroup, 'targetGroup') : null;
    const region = query.region ? await this.requireMatrixRegion(query.region, 'region') : null;
    const date = this.today();
    const defaults = await this.defaultCells();
    const regional = region ? await this.approvedCells(this.dataSource.manager, [region.id], date) : [];
    const cells = mergeCells(defaults, regional);
    const organisations = await this.organisationNames(cells);
    const types = ORGANISATION_TYPES.filter((type) => typesOf(cells).includes(type));
    const result: MatrixCellDto[] = [];
    for (const task of RESPONSIBILITY_TASKS) {
      for (const type of types) {
        const cell = resolveCell(cells, task, type, form, targetGroup);
        if (!cell) continue;
        const hasVariants = cells.some(
          (other) =>
            other.task === task &&
            other.organisationType === type &&
            ((form === null && other.exploitationForm !== null) ||
              (targetGroup === null && other.targetGroup !== null)),
        );
        const replaced = cell.overrideId ? resolveCell(defaults, task, type, form, targetGroup) : undefined;
        result.push(
          this.cellDto(cell, organisations, hasVariants, cell.overrideId ? (replaced?.level ?? null) : null),
        );
      }
    }
    return {
      exploitationForm: form,
      targetGroup,
      region,
      date,
      tasks: RESPONSIBILITY_TASKS.map((code) => ({ code, label: RESPONSIBILITY_TASK_LABELS[code] })),
      organisationTypes: types.map((code) => ({ code, label: ORGANISATION_TYPE_LABELS[code] })),
      cells: result,
    };
  }

  /** Every effective cell, general and specific, as CSV (one row per cell). */
  async exportCsv(regionId?: string): Promise<string> {
    const region = regionId ? await this.requireMatrixRegion(regionId, 'region') : null;
    const cells = mergeCells(
      await this.defaultCells(),
      region ? await this.approvedCells(this.dataSource.manager, [region.id], this.today()) : [],
    );
    const organisations = await this.organisationNames(cells);
    const order = (cell: MatrixCell) =>
      [
        String(RESPONSIBILITY_TASKS.indexOf(cell.task)).padStart(2, '0'),
        String(ORGANISATION_TYPES.indexOf(cell.organisationType)).padStart(2, '0'),
        cell.exploitationForm ?? '',
        cell.targetGroup ?? '',
      ].join('|');
    cells.sort((a, b) => order(a).localeCompare(order(b)));
    const header = [
      'taak',
      'organisatietype',
      'uitbuitingsvorm',
      'doelgroep',
      'niveau',
      'toelichting',
      'bron',
      'bronverwijzing',
      'bron_url',
      'herkomst',
      'regio',
      'organisatie',
      'geldig_vanaf',
      'geldig_tot',
    ];
    const rows = cells.map((cell) => [
      RESPONSIBILITY_TASK_LABELS[cell.task],
      ORGANISATION_TYPE_LABELS[cell.organisationType],
      cell.exploitationForm ?? 'alle',
      cell.targetGroup ?? 'alle',
      cell.level,
      cell.note,
      cell.source.title,
      cell.source.reference,
      cell.source.url,
      cell.overrideId ? CellOrigin.regionalAgreement : CellOrigin.nationalDefault,
      cell.overrideId ? (region?.name ?? null) : null,
      cell.organisationId ? (organisations.get(cell.organisationId) ?? null) : null,
      cell.validFrom,
      cell.validUntil,
    ]);
    return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  }

  // ---------------------------------------------------------------- regional agreements

  async propose(principal: Principal, regionId: string, dto: ProposeOverrideDto): Promise<OverrideDto> {
    const region = await this.requireMatrixRegion(regionId, 'id', true);
    assertRegionAccess(principal, [region.id], 'Region', regionId);
    const task = this.requireTask(dto.task);
    const organisationType = this.requireOrganisationType(dto.organisationType);
    const exploitationForm = dto.exploitationForm
      ? this.requireForm(dto.exploitationForm, 'exploitationForm')
      : null;
    const targetGroup = dto.targetGroup ? this.requireTargetGroup(dto.targetGroup, 'targetGroup') : null;
    const level = this.requireLevel(dto.level);
    const validFrom = dto.validFrom ?? this.today();
    const validUntil = dto.validUntil ?? null;
    if (validUntil !== null && validUntil <= validFrom) {
      const reason = `validUntil (${validUntil}) must lie after validFrom (${validFrom}).`;
      throw new ProblemException(400, ErrorCode.invalidPeriod, reason, [
        { name: 'validUntil', code: ErrorCode.invalidPeriod, reason },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.lockRegion(manager, region.id);
      if (dto.organisationId)
        await this.requireOrganisationOfType(manager, dto.organisationId, organisationType);
      const candidate = manager.create(ResponsibilityOverrideEntity, {
        regionId: region.id,
        task,
        organisationType,
        exploitationForm,
        targetGroup,
        level,
        organisationId: dto.organisationId ?? null,
        note: dto.note,
        sourceTitle: dto.sourceTitle,
        sourceReference: dto.sourceReference ?? null,
        sourceUrl: dto.sourceUrl ?? null,
        validFrom,
        validUntil,
        status: OverrideStatus.proposed,
        proposedBy: principal.actor,
        proposedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      candidate.cellKey = cellKey(candidate);
      await this.checkRules(manager, candidate, [OverrideStatus.proposed, OverrideStatus.approved]);
      const saved = await manager.save(candidate);
      return (await this.overrideDtos(manager, [saved]))[0];
    });
  }

  async decide(
    principal: Principal,
    regionId: string,
    overrideId: string,
    decision: 'approved' | 'rejected',
    note: string | undefined,
  ): Promise<OverrideDto> {
    const region = await this.requireMatrixRegion(regionId, 'id', true);
    assertRegionAccess(principal, [region.id], 'Region', regionId);
    if (!UUID.test(overrideId)) throw ProblemException.notFound('Regional agreement', overrideId);
    return this.dataSource.transaction(async (manager) => {
      await this.lockRegion(manager, region.id);
      const override = await manager.findOneBy(ResponsibilityOverrideEntity, {
        id: overrideId,
        regionId: region.id,
      });
      if (!override) throw ProblemException.notFound('Regional agreement', overrideId);
      if (override.status !== OverrideStatus.proposed) {
        throw ProblemException.conflict(
          ErrorCode.overrideNotProposed,
          `Regional agreement '${overrideId}' is ${override.status} already; only a proposed agreement can be approved or rejected.`,
        );
      }
      // The rules are checked again: other agreements may have been approved since the proposal.
      if (decision === OverrideStatus.approved)
        await this.checkRules(manager, override, [OverrideStatus.approved]);
      override.status = decision;
      override.decidedBy = principal.actor;
      override.decidedAt = this.clock.now();
      override.decisionNote = note ?? null;
      const saved = await manager.save(override);
      return (await this.overrideDtos(manager, [saved]))[0];
    });
  }

  async listOverrides(principal: Principal, regionId: string): Promise<RegionOverridesDto> {
    const region = await this.requireMatrixRegion(regionId, 'id', true);
    assertRegionAccess(principal, [region.id], 'Region', regionId);
    const rows = await this.dataSource.manager.find(ResponsibilityOverrideEntity, {
      where: { regionId: region.id },
      order: { proposedAt: 'DESC' },
    });
    const items = await this.overrideDtos(this.dataSource.manager, rows);
    const names = await this.actorNames(rows.flatMap((row) => [row.proposedBy, row.decidedBy ?? '']));
    const history: OverrideHistoryEventDto[] = rows.flatMap((row) => {
      const summary = `${RESPONSIBILITY_TASK_LABELS[row.task]} · ${ORGANISATION_TYPE_LABELS[row.organisationType]}${
        row.exploitationForm ? ` · ${row.exploitationForm}` : ''
      }${row.targetGroup ? ` · ${row.targetGroup}` : ''}: ${row.level} (${row.validFrom} – ${row.validUntil ?? '…'})`;
      const events: OverrideHistoryEventDto[] = [
        {
          at: row.proposedAt.toISOString(),
          action: 'proposed',
          actor: names.get(row.proposedBy) ?? row.proposedBy,
          overrideId: row.id,
          summary,
        },
      ];
      if (row.decidedAt && row.decidedBy) {
        events.push({
          at: row.decidedAt.toISOString(),
          action: row.status,
          actor: names.get(row.decidedBy) ?? row.decidedBy,
          overrideId: row.id,
          summary,
        });
      }
      return events;
    });
    history.sort((a, b) => b.at.localeCompare(a.at));
    return { region, items, history };
  }

  // ---------------------------------------------------------------- checks

  async regionGaps(regionId: string): Promise<RegionGapsDto> {
    const region = await this.requireMatrixRegion(regionId, 'id', true);
    const context = await this.gapContext();
    return { region, gaps: this.gapsOf(region, context) };
  }

  async nationalGaps(regionType = 'veiligheidsregio'): Promise<NationalGapsDto> {
    const regions: RegionRefDto[] = await this.dataSource.query(
      `SELECT r.id, r.type_code AS "typeCode", r.code, r.name FROM region r WHERE r.type_code = $1 AND ${CURRENT('r')} ORDER BY r.name`,
      [regionType],
    );
    const context = await this.gapContext();
    return {
      regionType,
      items: regions.map((region) => {
        const gaps = this.gapsOf(region, context);
        const count = (kind: string) => gaps.filter((gap) => gap.kind === kind).length;
        return {
          region,
          gapCount: gaps.length,
          noLead: count(ResponsibilityGapKind.noLead),
          multipleLeads: count(ResponsibilityGapKind.multipleLeads),
          leadWithoutContact: count(ResponsibilityGapKind.leadWithoutContact),
        };
      }),
    };
  }

  private async gapContext() {
    const date = this.today();
    const memberships: { region_id: string; municipality_code: string }[] = await this.dataSource.query(
      `SELECT m.region_id, m.municipality_code FROM region_membership m JOIN region r ON r.id = m.region_id
        WHERE ${CURRENT('m')} AND ${CURRENT('r')}`,
    );
    const members = new Map<string, Set<string>>();
    for (const row of memberships) {
      if (!members.has(row.region_id)) members.set(row.region_id, new Set());
      members.get(row.region_id)!.add(row.municipality_code);
    }
    const overrides = await this.dataSource.manager.find(ResponsibilityOverrideEntity, {
      where: { status: OverrideStatus.approved },
    });
    return {
      defaults: await this.defaultCells(),
      approved: overrides.filter((row) => isEffectiveOn(row, date)).map(toCell),
      organisations: (await this.dataSource.query(SELECT_ORGANISATIONS)) as OrganisationRow[],
      members,
    };
  }

  /**
   * Per task × form × target group: exactly one organisation type must lead, and the lead type must be filled
   * by exactly one directory organisation serving the region (gemeenten each lead for their own territory) that
   * can be reached (a contact point with phone or e-mail, or a person). Gaps with the same cause are grouped.
   */
  private gapsOf(
    region: RegionRefDto,
    context: Awaited<ReturnType<ResponsibilitiesService['gapContext']>>,
  ): ResponsibilityGapDto[] {
    const own = context.members.get(region.id) ?? new Set<string>();
    const overlapping = new Set(
      [...context.members].filter(([, codes]) => [...codes].some((code) => own.has(code))).map(([id]) => id),
    );
    const serving = context.organisations.filter(
      (org) =>
        org.national ||
        org.municipality_codes.some((code) => own.has(code)) ||
        org.region_ids.some((id) => overlapping.has(id)),
    );
    const byId = new Map(context.organisations.map((org) => [org.id, org]));
    const cells = mergeCells(
      context.defaults,
      context.approved.filter((cell) => cell.regionId === region.id),
    );
    const grouped = new Map<string, ResponsibilityGapDto>();
    const add = (
      task: ResponsibilityTask,
      kind: ResponsibilityGapKind,
      types: string[],
      orgs: OrganisationRow[],
      form: ExploitationForm,
      targetGroup: TargetGroup,
      detail: string,
    ) => {
      const key = [task, kind, types.join(','), orgs.map((org) => org.id).join(',')].join('|');
      const gap = grouped.get(key) ?? {
        task,
        kind,
        organisationTypes: types,
        organisations: orgs.map((org) => ({ id: org.id, name: org.name })),
        allCombinations: false,
        combinations: [],
        detail,
      };
      gap.combinations.push({ exploitationForm: form, targetGroup });
      grouped.set(key, gap);
    };
    for (const task of RESPONSIBILITY_TASKS) {
      for (const form of EXPLOITATION_FORMS) {
        for (const targetGroup of TARGET_GROUPS) {
          const leads = leadCells(cells, task, form, targetGroup);
          const label = RESPONSIBILITY_TASK_LABELS[task];
          if (leads.length === 0) {
            add(
              task,
              ResponsibilityGapKind.noLead,
              [],
              [],
              form,
              targetGroup,
              `No organisation type leads ${label}.`,
            );
            continue;
          }
          if (leads.length > 1) {
            const types = leads.map((cell) => cell.organisationType).sort();
            add(
              task,
              ResponsibilityGapKind.multipleLeads,
              types,
              [],
              form,
              targetGroup,
              `${types.join(' and ')} both lead ${label}.`,
            );
            continue;
          }
          const [lead] = leads;
          const named = lead.organisationId ? byId.get(lead.organisationId) : undefined;
          const candidates = named
            ? [named]
            : serving.filter((org) => org.type === lead.organisationType && accepts(org, form, targetGroup));
          const type = lead.organisationType;
          if (candidates.length === 0) {
            add(
              task,
              ResponsibilityGapKind.noLead,
              [type],
              [],
              form,
              targetGroup,
              `${ORGANISATION_TYPE_LABELS[type]} leads ${label}, but no organisation of that type serves the region.`,
            );
            continue;
          }
          if (candidates.length > 1 && type !== OrganisationType.gemeente) {
            add(
              task,
              ResponsibilityGapKind.multipleLeads,
              [type],
              candidates,
              form,
              targetGroup,
              `${candidates.length} organisations of type ${ORGANISATION_TYPE_LABELS[type]} serve the region; an agreement should name the one that leads ${label}.`,
            );
            continue;
          }
          const unreachable = candidates.filter((org) => !isContactable(org));
          if (unreachable.length > 0) {
            add(
              task,
              ResponsibilityGapKind.leadWithoutContact,
              [type],
              unreachable,
              form,
              targetGroup,
              `The lead organisation has no active contact (no contact point with phone or e-mail, no person).`,
            );
          }
        }
      }
    }
    const total = EXPLOITATION_FORMS.length * TARGET_GROUPS.length;
    return [...grouped.values()].map((gap) => ({
      ...gap,
      allCombinations: gap.combinations.length === total,
    }));
  }

  // ---------------------------------------------------------------- "Wie moet ik bellen?"

  async lookup(query: LookupQueryDto): Promise<LookupDto> {
    const form = this.requireForm(query.form, 'form');
    const targetGroup = this.requireTargetGroup(query.targetGroup, 'targetGroup');
    if (!LOOKUP_NEEDS.includes(query.need as LookupNeed)) {
      throw this.unknown('need', ErrorCode.unknownNeed, query.need, LOOKUP_NEEDS);
    }
    const need = query.need as LookupNeed;
    if (!query.gm === !query.region) {
      throw ProblemException.invalid(
        'gm',
        'gm_or_region',
        'Give either gm (a gemeente) or region, not both or neither.',
      );
    }
    const manager = this.dataSource.manager;
    let municipality: { code: string; label: string } | null = null;
    let codes: string[];
    if (query.gm) {
      const [row]: { code: string; name: string }[] = await manager.query(
        `SELECT code, coalesce(display_name, name) AS name FROM municipality g WHERE code = $1 AND ${CURRENT('g')}`,
        [query.gm],
      );
      if (!row) throw ProblemException.notFound('Gemeente', query.gm);
      municipality = { code: row.code, label: row.name };
      codes = [row.code];
    } else {
      const region = await this.requireRegion(query.region!, 'region', false);
      codes = region.municipalityCodes;
    }
    const regions: RegionRefDto[] = await manager.query(
      `SELECT DISTINCT r.id, r.type_code AS "typeCode", r.code, r.name FROM region r
         JOIN region_membership m ON m.region_id = r.id
        WHERE m.municipality_code = ANY($1::text[]) AND ${CURRENT('m')} AND ${CURRENT('r')}
        ORDER BY r.type_code, r.name`,
      [codes],
    );
    // Agreements of the gemeente's veiligheidsregio, then of its ketenregie region(s), which win.
    const date = this.today();
    const matrixRegions = regions.filter((region) => MATRIX_REGION_TYPES.includes(region.typeCode));
    const layer = async (type: string) =>
      this.approvedCells(
        manager,
        matrixRegions.filter((region) => region.typeCode === type).map((region) => region.id),
        date,
      );
    const cells = mergeCells(
      await this.defaultCells(),
      await layer('veiligheidsregio'),
      await layer('ketenregie'),
    );
    const regionIds = regions.map((region) => region.id);
    // The three ways to serve the gemeente apart, each with its own index (partial index on the national ones, GIN
    // on the arrays): `OR`ed together they made a scan of the whole table. `has_person` probed per row (a scalar
    // subquery cannot be hashed), not by hashing every current person at 10×.
    const organisations: OrganisationRow[] = await manager.query(
      `SELECT o.id, o.name, o.type, o.website, o.contact_points, o.national, o.municipality_codes,
              o.region_ids::text[] AS region_ids, o.exploitation_forms, o.target_groups,
              (SELECT true FROM person p WHERE p.organisation_id = o.id AND p.archived_at IS NULL LIMIT 1) IS NOT NULL
                AS has_person
         FROM organisation o
        WHERE o.archived_at IS NULL AND o.id IN (
              SELECT d.id FROM organisation d WHERE d.archived_at IS NULL AND d.national
              UNION ALL
              SELECT d.id FROM organisation d WHERE d.municipality_codes && $1::text[]
              UNION ALL
              SELECT d.id FROM organisation d WHERE d.region_ids && $2::uuid[])
        ORDER BY o.national, o.name, o.id`,
      [codes, regionIds],
    );
    const named: OrganisationRow[] = await manager.query(
      `${SELECT_ORGANISATIONS} AND o.id = ANY($1::uuid[])`,
      [cells.map((cell) => cell.organisationId).filter((id): id is string => id !== null)],
    );
    const holders: HolderRow[] = await manager.query(
      `SELECT f.function_type, f.organisation_id, p.name, p.work_email, p.work_phone, f.op_afstand,
              coalesce(r.name, coalesce(g.display_name, g.name)) AS scope_name
         FROM function_assignment f
         LEFT JOIN person p ON p.id = f.person_id AND p.archived_at IS NULL
         LEFT JOIN region r ON r.id = f.region_id
         LEFT JOIN municipality g ON g.code = f.municipality_code
        WHERE f.archived_at IS NULL AND f.start_date <= CURRENT_DATE AND (f.end_date IS NULL OR f.end_date >= CURRENT_DATE)
          AND (f.region_id = ANY($1::uuid[]) OR f.municipality_code = ANY($2::text[]))
          AND (p.id IS NOT NULL OR f.op_afstand)
        ORDER BY f.function_type, p.name`,
      [regionIds, codes],
    );
    const holderDto = (row: HolderRow): FunctionHolderDto => ({
      functionType: row.function_type,
      name: row.name,
      workEmail: row.work_email,
      workPhone: row.work_phone,
      opAfstand: row.op_afstand,
      scopeName: row.scope_name,
    });
    const regionById = new Map(regions.map((region) => [region.id, region]));
    const tasks = NEED_TASKS[need];
    const entries: LookupEntryDto[] = [];
    for (const task of tasks) {
      for (const type of ORGANISATION_TYPES) {
        const cell = resolveCell(cells, task, type, form, targetGroup);
        if (!cell) continue;
        const orgs = cell.organisationId
          ? named.filter((org) => org.id === cell.organisationId)
          : organisations.filter(
              // The ones not to call are named whatever groups they serve; the others only when they serve this one.
              (org) =>
                org.type === type &&
                (cell.level === ResponsibilityLevel.notResponsible || accepts(org, form, targetGroup)),
            );
        entries.push({
          task,
          taskLabel: RESPONSIBILITY_TASK_LABELS[task],
          organisationType: type,
          organisationTypeLabel: ORGANISATION_TYPE_LABELS[type],
          level: cell.level,
          note: cell.note,
          source: cell.source,
          origin: cell.overrideId ? CellOrigin.regionalAgreement : CellOrigin.nationalDefault,
          agreementRegion: cell.regionId ? (regionById.get(cell.regionId) ?? null) : null,
          organisations: orgs.map((org) => ({
            id: org.id,
            name: org.name,
            website: org.website,
            // Public contact points only; the visiting address (possibly confidential) is never part of the answer.
            contactPoints: org.contact_points.map((point) => ({
              label: point.label,
              phone: point.phone ?? null,
              email: point.email ?? null,
              openingHours: point.openingHours ?? null,
            })),
            functionHolders: holders.filter((holder) => holder.organisation_id === org.id).map(holderDto),
          })),
        });
      }
    }
    const of = (level: ResponsibilityLevel) => entries.filter((entry) => entry.level === level);
    const key: readonly string[] = [
      FunctionType.ketenregisseur,
      FunctionType.zorgcoordinator,
      FunctionType.aandachtsfunctionaris,
    ];
    return {
      municipality,
      regions,
      form,
      targetGroup,
      need,
      tasks: [...tasks],
      responsible: of(ResponsibilityLevel.lead),
      contributes: of(ResponsibilityLevel.contributes),
      refersOn: of(ResponsibilityLevel.refersOn),
      notResponsible: of(ResponsibilityLevel.notResponsible),
      keyContacts: holders.filter((holder) => key.includes(holder.function_type)).map(holderDto),
    };
  }

  // ---------------------------------------------------------------- helpers

  /** Overlap and second-lead rules for a cell of a regional agreement; throws the 409 that names the problem. */
  private async checkRules(
    manager: EntityManager,
    candidate: ResponsibilityOverrideEntity,
    blockingStatuses: OverrideStatus[],
  ): Promise<void> {
    const existing = await manager.find(ResponsibilityOverrideEntity, {
      where: { regionId: candidate.regionId },
    });
    const clash = existing.find(
      (row) =>
        row.id !== candidate.id &&
        row.cellKey === candidate.cellKey &&
        blockingStatuses.includes(row.status) &&
        periodsOverlap(row, candidate),
    );
    if (clash) {
      throw ProblemException.conflict(
        ErrorCode.overlappingOverride,
        `An ${clash.status} agreement '${clash.id}' for the same cell and region is in force from ${clash.validFrom} until ${
          clash.validUntil ?? 'further notice'
        }, which overlaps ${candidate.validFrom} – ${candidate.validUntil ?? 'open end'}. End or reject it first, or choose another period.`,
      );
    }
    const approved = existing
      .filter((row) => row.id !== candidate.id && row.status === OverrideStatus.approved)
      .map(toCell);
    const conflict = findSecondLead(await this.defaultCells(manager), approved, {
      ...toCell(candidate),
      validFrom: candidate.validFrom,
      validUntil: candidate.validUntil,
    });
    if (conflict) {
      throw ProblemException.conflict(
        ErrorCode.secondLead,
        `${ORGANISATION_TYPE_LABELS[conflict.otherTypes[0]]} already leads ${RESPONSIBILITY_TASK_LABELS[candidate.task]} for ${conflict.form} / ${conflict.targetGroup} in this region on ${conflict.date}; a task has one lead. Agree first that ${conflict.otherTypes.join(', ')} no longer leads it.`,
      );
    }
  }

  private async defaultCells(manager: EntityManager = this.dataSource.manager): Promise<MatrixCell[]> {
    return (await manager.find(ResponsibilityDefaultEntity)).map(toCell);
  }

  private async approvedCells(
    manager: EntityManager,
    regionIds: string[],
    date: string,
  ): Promise<MatrixCell[]> {
    if (regionIds.length === 0) return [];
    const rows: ResponsibilityOverrideEntity[] = await manager
      .createQueryBuilder(ResponsibilityOverrideEntity, 'o')
      .where('o.region_id IN (:...regionIds)', { regionIds })
      .andWhere('o.status = :status', { status: OverrideStatus.approved })
      .andWhere('o.valid_from <= :date AND (o.valid_until IS NULL OR o.valid_until > :date)', { date })
      .getMany();
    return rows.map(toCell);
  }

  private async organisationNames(
    cells: MatrixCell[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const ids = [
      ...new Set(cells.map((cell) => cell.organisationId).filter((id): id is string => id !== null)),
    ];
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  private async actorNames(actors: string[]): Promise<Map<string, string>> {
    const ids = [
      ...new Set(actors.filter((actor) => actor.startsWith('account:')).map((actor) => actor.slice(8))),
    ].filter((id) => UUID.test(id));
    const names = new Map<string, string>([['service:admin-token', 'Beheer (service)']]);
    if (ids.length === 0) return names;
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT id, display_name FROM account WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    for (const row of rows) names.set(`account:${row.id}`, row.display_name);
    return names;
  }

  private cellDto(
    cell: MatrixCell,
    organisations: Map<string, string>,
    hasVariants: boolean,
    defaultLevel: string | null,
  ): MatrixCellDto {
    return {
      task: cell.task,
      organisationType: cell.organisationType,
      exploitationForm: cell.exploitationForm,
      targetGroup: cell.targetGroup,
      level: cell.level,
      note: cell.note,
      source: cell.source,
      origin: cell.overrideId ? CellOrigin.regionalAgreement : CellOrigin.nationalDefault,
      overrideId: cell.overrideId,
      organisation: cell.organisationId
        ? { id: cell.organisationId, name: organisations.get(cell.organisationId) ?? '' }
        : null,
      defaultLevel,
      hasVariants,
    };
  }

  private async overrideDtos(
    manager: EntityManager,
    rows: ResponsibilityOverrideEntity[],
  ): Promise<OverrideDto[]> {
    const defaults = await this.defaultCells(manager);
    const cells = rows.map(toCell);
    const organisations = await this.organisationNames(cells, manager);
    const today = this.today();
    return rows.map((row) => {
      const replaced = resolveCell(
        defaults,
        row.task,
        row.organisationType,
        row.exploitationForm,
        row.targetGroup,
      );
      return {
        id: row.id,
        regionId: row.regionId,
        task: row.task,
        organisationType: row.organisationType,
        exploitationForm: row.exploitationForm,
        targetGroup: row.targetGroup,
        level: row.level,
        organisation: row.organisationId
          ? { id: row.organisationId, name: organisations.get(row.organisationId) ?? '' }
          : null,
        note: row.note,
        source: { title: row.sourceTitle, reference: row.sourceReference, url: row.sourceUrl },
        validFrom: row.validFrom,
        validUntil: row.validUntil,
        status: row.status,
        effective: row.status === OverrideStatus.approved && isEffectiveOn(row, today),
        proposedBy: row.proposedBy,
        proposedAt: row.proposedAt.toISOString(),
        decidedBy: row.decidedBy,
        decidedAt: row.decidedAt?.toISOString() ?? null,
        decisionNote: row.decisionNote,
        nationalDefault: replaced ? this.cellDto(replaced, new Map(), false, null) : null,
        levelChange: { from: replaced?.level ?? null, to: row.level },
      };
    });
  }

  /** Serializes writes to one region's agreements, so two concurrent proposals cannot both pass the rules. */
  private async lockRegion(manager: EntityManager, regionId: string): Promise<void> {
    await manager.query(`SELECT id FROM region WHERE id = $1 FOR UPDATE`, [regionId]);
  }

  private async requireRegion(
    id: string,
    name: string,
    asPath: boolean,
  ): Promise<RegionRefDto & { municipalityCodes: string[] }> {
    const [row]: (RegionRefDto & { municipalityCodes: string[] | null })[] = UUID.test(id)
      ? await this.dataSource.query(
          `SELECT r.id, r.type_code AS "typeCode", r.code, r.name,
                  (SELECT array_agg(m.municipality_code) FROM region_membership m WHERE m.region_id = r.id AND ${CURRENT('m')}) AS "municipalityCodes"
             FROM region r WHERE r.id = $1 AND ${CURRENT('r')}`,
          [id],
        )
      : [];
    if (!row) {
      if (asPath) throw ProblemException.notFound('Region', id);
      throw new ProblemException(400, ErrorCode.unknownRegion, `${name}: region '${id}' does not exist.`, [
        { name, code: ErrorCode.unknownRegion, reason: `Region '${id}' does not exist.` },
      ]);
    }
    return { ...row, municipalityCodes: row.municipalityCodes ?? [] };
  }

  private async requireMatrixRegion(id: string, name: string, asPath = false): Promise<RegionRefDto> {
    const { municipalityCodes: _codes, ...region } = await this.requireRegion(id, name, asPath);
    if (!MATRIX_REGION_TYPES.includes(region.typeCode)) {
      throw new ProblemException(
        400,
        ErrorCode.regionTypeNotSupported,
        `${name}: region '${region.name}' is a ${region.typeCode}; regional agreements are kept for ${MATRIX_REGION_TYPES.join(' and ')} regions.`,
        [
          {
            name,
            code: ErrorCode.regionTypeNotSupported,
            reason: `Regions of type '${region.typeCode}' hold no agreements.`,
          },
        ],
      );
    }
    return region;
  }

  private async requireOrganisationOfType(
    manager: EntityManager,
    id: string,
    type: OrganisationType,
  ): Promise<void> {
    const [row]: { type: string; name: string }[] = await manager.query(
      `SELECT type, name FROM organisation WHERE id = $1 AND archived_at IS NULL`,
      [id],
    );
    if (!row) {
      throw new ProblemException(
        400,
        ErrorCode.unknownOrganisation,
        `organisationId: organisation '${id}' does not exist.`,
        [
          {
            name: 'organisationId',
            code: ErrorCode.unknownOrganisation,
            reason: `Organisation '${id}' does not exist or is archived.`,
          },
        ],
      );
    }
    if (row.type !== type) {
      throw new ProblemException(
        400,
        ErrorCode.organisationTypeMismatch,
        `organisationId: '${row.name}' is of type '${row.type}', not '${type}' as the cell.`,
        [
          {
            name: 'organisationId',
            code: ErrorCode.organisationTypeMismatch,
            reason: `The organisation is of type '${row.type}'.`,
          },
        ],
      );
    }
  }

  private unknown(
    name: string,
    code: ErrorCode,
    value: string,
    allowed: readonly string[],
  ): ProblemException {
    const reason = `'${value}' is not one of: ${allowed.join(', ')}.`;
    return new ProblemException(400, code, `${name}: ${reason}`, [{ name, code, reason }]);
  }

  private requireTask(value: string): ResponsibilityTask {
    if (!RESPONSIBILITY_TASKS.includes(value as ResponsibilityTask)) {
      throw this.unknown('task', ErrorCode.unknownTask, value, RESPONSIBILITY_TASKS);
    }
    return value as ResponsibilityTask;
  }

  private requireOrganisationType(value: string): OrganisationType {
    if (!ORGANISATION_TYPES.includes(value as OrganisationType)) {
      throw this.unknown('organisationType', ErrorCode.unknownOrganisationType, value, ORGANISATION_TYPES);
    }
    return value as OrganisationType;
  }

  private requireForm(value: string, name: string): ExploitationForm {
    if (!EXPLOITATION_FORMS.includes(value as ExploitationForm)) {
      throw this.unknown(name, ErrorCode.unknownExploitationForm, value, EXPLOITATION_FORMS);
    }
    return value as ExploitationForm;
  }

  private requireTargetGroup(value: string, name: string): TargetGroup {
    if (!TARGET_GROUPS.includes(value as TargetGroup)) {
      throw this.unknown(name, ErrorCode.unknownTargetGroup, value, TARGET_GROUPS);
    }
    return value as TargetGroup;
  }

  private requireLevel(value: string): ResponsibilityLevel {
    if (!RESPONSIBILITY_LEVELS.includes(value as ResponsibilityLevel)) {
      throw this.unknown('level', ErrorCode.unknownResponsibilityLevel, value, RESPONSIBILITY_LEVELS);
    }
    return value as ResponsibilityLevel;
  }
}
