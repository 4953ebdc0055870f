import { Injectable } from '@nestjs/common';
import {
  CellOrigin,
  ErrorCode,
  ExploitationForm,
  FUNCTION_TYPE_LABELS,
  FunctionType,
  handoffPath,
  HandoffPathCode,
  MATRIX_REGION_TYPES,
  ORGANISATION_TYPE_LABELS,
  OrganisationType,
  OverrideStatus,
  RESPONSIBILITY_TASK_LABELS,
  ResponsibilityLevel,
  ResponsibilityTask,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { MatrixCell, mergeCells, resolveCell, typesOf } from '../responsibilities/matrix-resolution';
import { ResponsibilityDefaultEntity } from '../responsibilities/responsibility-default.entity';
import { ResponsibilityOverrideEntity } from '../responsibilities/responsibility-override.entity';
import type {
  FunctionInboxDto,
  FunctionInboxListDto,
  NotResponsibleTypeDto,
  ProposalRegionDto,
  ReceiverProposalDto,
  ReceiverProposalListDto,
  ReceiverProposalQueryDto,
} from './handoff-proposals.dto';

/**
 * Which row of the wie-doet-wat matrix (issue 5) a hand-off path belongs to: the task whose responsible
 * organisation in the region is the natural receiver. Data, not logic: change a row here and the proposal
 * follows. The path catalogue's `receiverTypes` say which organisation types usually receive the path; the
 * matrix says, per region, form and target group, how far each of them (and whoever leads the task) is
 * responsible there.
 */
export const HANDOFF_PATH_MATRIX_TASKS: Record<HandoffPathCode, ResponsibilityTask> = {
  // Aanmelding = registration of a (possible) victim; CoMensha leads registratie.
  'comensha-aanmelding': ResponsibilityTask.registratie,
  // First placement in shelter: COSM for non-EU adults, VO/MO for Dutch and EU adults.
  'cosm-plaatsing': ResponsibilityTask.opvang,
  'vo-mo-plaatsing': ResponsibilityTask.opvang,
  // CoMensha → regional zorgcoördinator: the zorgcoördinatie task.
  'overdracht-zorgcoordinator': ResponsibilityTask.zorgcoordinatie,
  // A complex zorg + veiligheid case: the ZVH contributes to zorgcoördinatie (DOMAIN.md §5).
  'zvh-intake': ResponsibilityTask.zorgcoordinatie,
  // The RIEC's integrale casusaanpak supports the bestuurlijke aanpak of the gemeenten.
  'riec-intake': ResponsibilityTask.bestuurlijkeAanpak,
  // A report to the police or the Labour Inspectorate: melding en aangifte.
  'politie-nla-melding': ResponsibilityTask.melding,
  hulpverlening: ResponsibilityTask.hulpverlening,
  // A victim moving to another region: the zorgcoördinatie of the new region takes the case over.
  'regio-overdracht': ResponsibilityTask.zorgcoordinatie,
};

/**
 * The function inbox a path naturally goes to when the sender does not know the organisation: "the zorgcoördinator
 * of regio X", "the CoMensha-consulent of politie-eenheid Y". Paths without an entry propose organisations only.
 */
export const HANDOFF_PATH_FUNCTION_INBOXES: Partial<Record<HandoffPathCode, FunctionType>> = {
  'comensha-aanmelding': FunctionType.comenshaConsulent,
  'overdracht-zorgcoordinator': FunctionType.zorgcoordinator,
  'regio-overdracht': FunctionType.zorgcoordinator,
  'zvh-intake': FunctionType.zvhProcesregisseur,
  'riec-intake': FunctionType.riecContact,
};

interface HeldInboxRow {
  region_id: string;
  region_name: string;
  region_type_code: string;
  region_type_name: string;
  region_type_name_en: string;
  function_type: FunctionType;
  holders: { id: string; name: string; type: string; opAfstand: boolean }[];
}

/**
 * Function inboxes that an organisation holds today, with their holders: the same rule as the inbox query of
 * HandoffsService (an assignment of that function in that region, not archived, not ended) and an organisation
 * that is not archived. An assignment without an organisation (a person only) reaches no inbox.
 */
async function heldFunctionInboxes(
  manager: EntityManager,
  today: string,
  filter: { regionIds?: readonly string[]; functionTypes?: readonly FunctionType[] } = {},
): Promise<HeldInboxRow[]> {
  return manager.query(
    `SELECT r.id AS region_id, r.name AS region_name, r.type_code AS region_type_code,
            t.name AS region_type_name, t.name_en AS region_type_name_en, h.function_type,
            json_agg(json_build_object('id', h.id, 'name', h.name, 'type', h.type, 'opAfstand', h.op_afstand)
                     ORDER BY h.name) AS holders
       FROM (SELECT fa.region_id, fa.function_type, o.id, o.name, o.type, bool_or(fa.op_afstand) AS op_afstand
               FROM function_assignment fa
               JOIN organisation o ON o.id = fa.organisation_id AND o.archived_at IS NULL
              WHERE fa.region_id IS NOT NULL AND fa.archived_at IS NULL
                AND (fa.end_date IS NULL OR fa.end_date >= $1::date)
                AND ($2::uuid[] IS NULL OR fa.region_id = ANY($2::uuid[]))
                AND ($3::text[] IS NULL OR fa.function_type = ANY($3::text[]))
              GROUP BY fa.region_id, fa.function_type, o.id, o.name, o.type) h
       JOIN region r ON r.id = h.region_id AND (r.valid_until IS NULL OR r.valid_until > $1::date)
       JOIN region_type t ON t.code = r.type_code
      GROUP BY r.id, r.name, r.type_code, t.name, t.name_en, t.sort_order, h.function_type
      ORDER BY t.sort_order, r.name, h.function_type`,
    [today, filter.regionIds ?? null, filter.functionTypes ?? null],
  );
}

function toFunctionInbox(row: HeldInboxRow, ownOrganisationId: string | null): FunctionInboxDto {
  return {
    region: {
      id: row.region_id,
      typeCode: row.region_type_code,
      typeName: row.region_type_name,
      typeNameEn: row.region_type_name_en,
      name: row.region_name,
    },
    functionType: row.function_type,
    functionTypeLabel: FUNCTION_TYPE_LABELS[row.function_type] ?? row.function_type,
    holders: row.holders,
    ownOnly: row.holders.every((holder) => holder.id === ownOrganisationId),
  };
}

/**
 * Why a function inbox cannot receive a hand-off from `senderOrganisationId`, as [code, reason] pairs (none: it
 * can). Nobody holds it → `function_inbox_unheld` (the hand-off would reach no one); only the sender's own
 * organisation holds it → `own_organisation`. HandoffsService checks this on every save, send and forward.
 */
export async function functionInboxProblems(
  manager: EntityManager,
  receiver: { regionId: string | null; functionType: FunctionType | null },
  senderOrganisationId: string,
  today: string,
): Promise<[code: string, reason: string][]> {
  if (!receiver.regionId || !receiver.functionType) return [];
  const [row] = await heldFunctionInboxes(manager, today, {
    regionIds: [receiver.regionId],
    functionTypes: [receiver.functionType],
  });
  if (!row) {
    const [region]: { name: string }[] = await manager.query(`SELECT name FROM region WHERE id = $1`, [
      receiver.regionId,
    ]);
    return [
      [
        'function_inbox_unheld',
        `Nobody holds the function '${receiver.functionType}' in region '${region?.name ?? receiver.regionId}' today, so a hand-off to this function inbox would reach no one; choose another region or function, or an organisation.`,
      ],
    ];
  }
  if (row.holders.every((holder) => holder.id === senderOrganisationId))
    return [
      [
        'own_organisation',
        `Only your own organisation holds the function '${receiver.functionType}' in region '${row.region_name}'; a hand-off goes to another organisation than your own.`,
      ],
    ];
  return [];
}

const CURRENT = (alias: string) =>
  `${alias}.valid_from <= $2::date AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > $2::date)`;

/** Lead first, then contributes, refers-on, and types the path usually goes to without a matrix cell. */
const LEVEL_RANK: Record<string, number> = {
  [ResponsibilityLevel.lead]: 0,
  [ResponsibilityLevel.contributes]: 1,
  [ResponsibilityLevel.refersOn]: 2,
};

interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  national: boolean;
  exploitation_forms: string[];
  target_groups: string[];
}

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

/** Same rule as the lookup: an organisation serves a form and target group unless it lists others. */
function serves(org: OrganisationRow, form: string | null, targetGroup: string | null): boolean {
  return (
    (!form || org.exploitation_forms.length === 0 || org.exploitation_forms.includes(form)) &&
    (!targetGroup || org.target_groups.length === 0 || org.target_groups.includes(targetGroup))
  );
}

/**
 * "Whom do I hand this to?" (issue 6, point 4): when a sender chooses a receiver, the wie-doet-wat matrix of the
 * gemeente's regions proposes the responsible organisation there, with the row and agreement it comes from.
 */
@Injectable()
export class HandoffProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async propose(principal: Principal, query: ReceiverProposalQueryDto): Promise<ReceiverProposalListDto> {
    const path = handoffPath(query.path);
    const task = HANDOFF_PATH_MATRIX_TASKS[path.code];
    const form: ExploitationForm | null = query.exploitationForm ?? null;
    const targetGroup: TargetGroup | null = query.targetGroup ?? null;
    const manager = this.dataSource.manager;
    const today = todayInNetherlands(this.clock.now());

    const [municipality]: { code: string; name: string }[] = await manager.query(
      `SELECT code, coalesce(display_name, name) AS name FROM municipality WHERE code = $1`,
      [query.municipality],
    );
    if (!municipality)
      throw new ProblemException(
        400,
        ErrorCode.unknownMunicipality,
        `municipality: gemeente '${query.municipality}' does not exist.`,
        [
          {
            name: 'municipality',
            code: ErrorCode.unknownMunicipality,
            reason: `Gemeente '${query.municipality}' does not exist.`,
          },
        ],
      );
    const regions: ProposalRegionDto[] = await manager.query(
      `SELECT DISTINCT r.id, r.type_code AS "typeCode", r.name FROM region r
         JOIN region_membership m ON m.region_id = r.id
        WHERE m.municipality_code = $1 AND ${CURRENT('m')} AND ${CURRENT('r')}
        ORDER BY r.type_code, r.name`,
      [municipality.code, today],
    );
    // The same layering as the lookup: national default, then the veiligheidsregio's agreements, then the
    // ketenregie region's, which win.
    const approvedOf = async (typeCode: string): Promise<MatrixCell[]> => {
      const ids = regions.filter((region) => region.typeCode === typeCode).map((region) => region.id);
      if (ids.length === 0 || !MATRIX_REGION_TYPES.includes(typeCode)) return [];
      const rows = await manager
        .createQueryBuilder(ResponsibilityOverrideEntity, 'o')
        .where('o.region_id IN (:...ids)', { ids })
        .andWhere('o.status = :status', { status: OverrideStatus.approved })
        .andWhere('o.valid_from <= :today AND (o.valid_until IS NULL OR o.valid_until > :today)', { today })
        .getMany();
      return rows.map(toCell);
    };
    const cells = mergeCells(
      (await manager.find(ResponsibilityDefaultEntity)).map(toCell),
      await approvedOf('veiligheidsregio'),
      await approvedOf('ketenregie'),
    );

    // Candidates: the types that usually receive the path, then whoever leads the task here.
    const usual: readonly OrganisationType[] = path.receiverTypes;
    const leads = typesOf(cells, task).filter(
      (type) => resolveCell(cells, task, type, form, targetGroup)?.level === ResponsibilityLevel.lead,
    );
    const candidates = [...new Set([...usual, ...leads])];
    const regionIds = regions.map((region) => region.id);
    const organisations: OrganisationRow[] = await manager.query(
      `SELECT o.id, o.name, o.type, o.national, o.exploitation_forms, o.target_groups FROM organisation o
        WHERE o.archived_at IS NULL AND o.type = ANY($1::text[])
          AND (o.national OR $2 = ANY(o.municipality_codes) OR o.region_ids && $3::uuid[])
        ORDER BY o.national, o.name`,
      [candidates, municipality.code, regionIds],
    );
    const namedIds = cells.map((cell) => cell.organisationId).filter((id): id is string => id !== null);
    const named: OrganisationRow[] = namedIds.length
      ? await manager.query(
          `SELECT o.id, o.name, o.type, o.national, o.exploitation_forms, o.target_groups FROM organisation o
            WHERE o.archived_at IS NULL AND o.id = ANY($1::uuid[])`,
          [namedIds],
        )
      : [];
    const regionById = new Map(regions.map((region) => [region.id, region]));

    const proposals: (ReceiverProposalDto & { rank: number })[] = [];
    const notResponsible: NotResponsibleTypeDto[] = [];
    candidates.forEach((type, candidateIndex) => {
      const cell = resolveCell(cells, task, type, form, targetGroup);
      if (cell?.level === ResponsibilityLevel.notResponsible) {
        notResponsible.push({
          organisationType: type,
          organisationTypeLabel: ORGANISATION_TYPE_LABELS[type],
          note: cell.note,
          source: cell.source,
        });
        return;
      }
      const isUsual = usual.includes(type);
      const orgs = cell?.organisationId
        ? named.filter((org) => org.id === cell.organisationId)
        : organisations.filter((org) => org.type === type && serves(org, form, targetGroup));
      const levelRank = cell ? (LEVEL_RANK[cell.level] ?? 3) : 3;
      for (const org of orgs) {
        // The sender hands a case to another organisation, never to itself.
        if (org.id === principal.organisationId) continue;
        proposals.push({
          // The usual receivers of the path first (best level first), then the task's other leads.
          rank: (isUsual ? 0 : 100) + levelRank * 10 + (org.national ? 1 : 0) + candidateIndex / 1000,
          organisation: { id: org.id, name: org.name, type: org.type, national: org.national },
          organisationType: type,
          organisationTypeLabel: ORGANISATION_TYPE_LABELS[type],
          level: cell?.level ?? null,
          note: cell?.note ?? null,
          source: cell?.source ?? null,
          origin: cell ? (cell.overrideId ? CellOrigin.regionalAgreement : CellOrigin.nationalDefault) : null,
          agreementRegion: cell?.regionId ? (regionById.get(cell.regionId) ?? null) : null,
          agreementId: cell?.overrideId ?? null,
          usualReceiver: isUsual,
        });
      }
    });
    const ordered = proposals
      .map((proposal, index) => ({ proposal, index }))
      .sort((a, b) => a.proposal.rank - b.proposal.rank || a.index - b.index)
      .map(({ proposal: { rank: _rank, ...proposal } }) => proposal);
    const inboxFunction = HANDOFF_PATH_FUNCTION_INBOXES[path.code];
    const inboxes =
      inboxFunction && regionIds.length > 0
        ? (await heldFunctionInboxes(manager, today, { regionIds, functionTypes: [inboxFunction] }))
            .map((row) => toFunctionInbox(row, principal.organisationId))
            .filter((inbox) => !inbox.ownOnly)
        : [];
    return {
      pathCode: path.code,
      task,
      taskLabel: RESPONSIBILITY_TASK_LABELS[task],
      municipalityCode: municipality.code,
      municipalityName: municipality.name,
      exploitationForm: form,
      targetGroup,
      proposal: ordered[0] ?? null,
      proposals: ordered,
      notResponsible,
      inboxes,
    };
  }

  /** Every function inbox that an organisation holds today: the choices of "Functie in een regio". */
  async functionInboxes(principal: Principal): Promise<FunctionInboxListDto> {
    const today = todayInNetherlands(this.clock.now());
    const rows = await heldFunctionInboxes(this.dataSource.manager, today);
    return { items: rows.map((row) => toFunctionInbox(row, principal.organisationId)) };
  }
}
