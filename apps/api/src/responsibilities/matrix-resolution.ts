import {
  EXPLOITATION_FORMS,
  ExploitationForm,
  OrganisationType,
  ResponsibilityLevel,
  ResponsibilityTask,
  TARGET_GROUPS,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { CellSource, cellKey } from './national-default';

/** A cell as the rules see it: from the national default or from a regional agreement. */
export interface MatrixCell {
  task: ResponsibilityTask;
  organisationType: OrganisationType;
  exploitationForm: ExploitationForm | null;
  targetGroup: TargetGroup | null;
  level: ResponsibilityLevel;
  note: string;
  source: CellSource;
  /** Set on cells of a regional agreement. */
  overrideId: string | null;
  regionId: string | null;
  organisationId: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

export interface Period {
  validFrom: string;
  validUntil: string | null;
}

/** Half-open periods [from, until) overlap; null until is open-ended. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (
    (b.validUntil === null || a.validFrom < b.validUntil) &&
    (a.validUntil === null || b.validFrom < a.validUntil)
  );
}

export function isEffectiveOn(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validUntil === null || date < period.validUntil);
}

/** Regional cells replace the default cell with the same key, or add a more specific one. Later layers win. */
export function mergeCells(...layers: readonly MatrixCell[][]): MatrixCell[] {
  const byKey = new Map<string, MatrixCell>();
  for (const layer of layers) for (const cell of layer) byKey.set(cellKey(cell), cell);
  return [...byKey.values()];
}

/**
 * The cell that applies to one organisation type for a task, form and target group: the most specific one
 * (form and target group > form > target group > all). A null form or group asks for the general cell only.
 */
export function resolveCell(
  cells: readonly MatrixCell[],
  task: string,
  organisationType: string,
  form: string | null,
  targetGroup: string | null,
): MatrixCell | undefined {
  let best: MatrixCell | undefined;
  let bestScore = -1;
  for (const cell of cells) {
    if (cell.task !== task || cell.organisationType !== organisationType) continue;
    if (cell.exploitationForm !== null && cell.exploitationForm !== form) continue;
    if (cell.targetGroup !== null && cell.targetGroup !== targetGroup) continue;
    const score = (cell.exploitationForm ? 2 : 0) + (cell.targetGroup ? 1 : 0);
    if (score > bestScore) {
      best = cell;
      bestScore = score;
    }
  }
  return best;
}

/** Every organisation type that has at least one cell for the task. */
export function typesOf(cells: readonly MatrixCell[], task?: string): OrganisationType[] {
  return [
    ...new Set(cells.filter((cell) => !task || cell.task === task).map((cell) => cell.organisationType)),
  ];
}

/** The lead cells (one per organisation type at most) for a task, form and target group. */
export function leadCells(
  cells: readonly MatrixCell[],
  task: string,
  form: ExploitationForm,
  targetGroup: TargetGroup,
): MatrixCell[] {
  return typesOf(cells, task)
    .map((type) => resolveCell(cells, task, type, form, targetGroup))
    .filter((cell): cell is MatrixCell => cell?.level === ResponsibilityLevel.lead);
}

/** The form × target group combinations a cell speaks for. */
export function combinationsOf(cell: Pick<MatrixCell, 'exploitationForm' | 'targetGroup'>) {
  const forms = cell.exploitationForm ? [cell.exploitationForm] : EXPLOITATION_FORMS;
  const groups = cell.targetGroup ? [cell.targetGroup] : TARGET_GROUPS;
  return forms.flatMap((form) => groups.map((targetGroup) => ({ form, targetGroup })));
}

export interface SecondLead {
  form: ExploitationForm;
  targetGroup: TargetGroup;
  date: string;
  otherTypes: OrganisationType[];
}

/**
 * Would `candidate` (a lead) make a second lead in the region? Checked on every date within its period where
 * the region's approved agreements change, since the matrix differs between those dates.
 */
export function findSecondLead(
  defaults: readonly MatrixCell[],
  approved: readonly MatrixCell[],
  candidate: MatrixCell & Period,
): SecondLead | null {
  if (candidate.level !== ResponsibilityLevel.lead) return null;
  const key = cellKey(candidate);
  const others = approved.filter((cell) => cellKey(cell) !== key && cell.validFrom !== null);
  const dates = new Set([candidate.validFrom]);
  for (const cell of others) {
    for (const date of [cell.validFrom, cell.validUntil]) {
      if (date && isEffectiveOn(candidate, date)) dates.add(date);
    }
  }
  for (const date of [...dates].sort()) {
    const effective = mergeCells(
      [...defaults],
      others.filter((cell) =>
        isEffectiveOn({ validFrom: cell.validFrom!, validUntil: cell.validUntil }, date),
      ),
      [candidate],
    );
    for (const { form, targetGroup } of combinationsOf(candidate)) {
      const leads = leadCells(effective, candidate.task, form, targetGroup);
      if (!leads.includes(candidate)) continue; // shadowed by a more specific cell of the same type
      const otherTypes = leads.filter((cell) => cell !== candidate).map((cell) => cell.organisationType);
      if (otherTypes.length > 0) return { form, targetGroup, date, otherTypes };
    }
  }
  return null;
}
