import { isOverdue } from '@ketenkaart/shared-domain';
import type {
  HandoffDetailDto,
  HandoffEventDto,
  HandoffOrganisationRefDto,
  HandoffSummaryDto,
} from './dto/handoff.dto';
import type { HandoffEventEntity } from './handoff-event.entity';
import type { HandoffEntity } from './handoff.entity';

/** Names the mapper needs beside the row: organisations and regions by id, staff accounts by id. */
export interface HandoffNames {
  organisations: Map<string, { name: string; type: string }>;
  regions: Map<string, string>;
  accounts: Map<string, string>;
}

export type HandoffView = 'full' | 'status';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function organisationRef(names: HandoffNames, id: string): HandoffOrganisationRefDto {
  const organisation = names.organisations.get(id);
  return { id, name: organisation?.name ?? '', type: organisation?.type ?? '' };
}

export function toHandoffSummary(
  handoff: HandoffEntity,
  names: HandoffNames,
  today: string,
): HandoffSummaryDto {
  return {
    id: handoff.id,
    caseReference: handoff.caseReference,
    pathCode: handoff.pathCode,
    state: handoff.state,
    sender: organisationRef(names, handoff.senderOrganisationId),
    receiver: {
      organisation: handoff.receiverOrganisationId
        ? organisationRef(names, handoff.receiverOrganisationId)
        : null,
      regionId: handoff.receiverRegionId,
      regionName: handoff.receiverRegionId ? (names.regions.get(handoff.receiverRegionId) ?? null) : null,
      functionType: handoff.receiverFunctionType,
    },
    municipalityCode: handoff.municipalityCode,
    exploitationForm: handoff.exploitationForm,
    createdAt: handoff.createdAt.toISOString(),
    sentAt: iso(handoff.sentAt),
    respondBefore: handoff.respondBefore,
    overdue: isOverdue(handoff.state, handoff.respondBefore, today),
    respondedAt: iso(handoff.respondedAt),
    closedAt: iso(handoff.closedAt),
    version: handoff.version,
  };
}

function toEvent(event: HandoffEventEntity, names: HandoffNames, view: HandoffView): HandoffEventDto {
  const base: HandoffEventDto = {
    version: event.version,
    kind: event.kind,
    party: event.party,
    fromState: event.fromState,
    toState: event.toState,
    occurredAt: event.occurredAt.toISOString(),
    reason: event.reason,
    alternativeOrganisationId: event.alternativeOrganisationId,
    forwardedHandoffId: event.forwardedHandoffId,
  };
  if (view === 'status') return base;
  return {
    ...base,
    actorName: event.actorAccountId ? (names.accounts.get(event.actorAccountId) ?? null) : null,
    remark: event.remark,
    changedFields: event.changedFields,
  };
}

/** The record as `view` allows: the status view leaves out notes, references, consent and who typed what. */
export function toHandoffDetail(
  handoff: HandoffEntity,
  events: readonly HandoffEventEntity[],
  view: HandoffView,
  actions: string[],
  names: HandoffNames,
  today: string,
): HandoffDetailDto {
  const detail: HandoffDetailDto = {
    ...toHandoffSummary(handoff, names, today),
    view,
    targetGroup: handoff.targetGroup,
    minor: handoff.minor,
    ageBand: handoff.ageBand,
    legalBasis: handoff.legalBasis,
    declineReason: handoff.declineReason,
    alternativeOrganisationId: handoff.alternativeOrganisationId,
    forwardedFromId: handoff.forwardedFromId,
    timeline: events.map((event) => toEvent(event, names, view)),
    actions,
  };
  if (view === 'status') return detail;
  return {
    ...detail,
    externalReference: handoff.externalReference,
    notes: handoff.notes,
    consent: { given: handoff.consentGiven, date: handoff.consentDate, givenBy: handoff.consentGivenBy },
    senderName: handoff.senderAccountId ? (names.accounts.get(handoff.senderAccountId) ?? null) : null,
  };
}

// ---------------------------------------------------------------- rows of hand-written SQL

/** A mapped column: its SQL name, the entity property it fills, and how it arrives (`date` as text, `timestamptz`). */
export interface MappedColumn {
  column: string;
  property: string;
  kind: 'plain' | 'date' | 'timestamptz' | 'uuid[]';
}

/**
 * The select list of `columns` under `alias`, each named after its entity property, so that a row is an entity's
 * properties: `date` columns as text (as TypeORM hands them over), uuid arrays as text arrays.
 */
export function selectList(alias: string, columns: readonly MappedColumn[]): string {
  return columns
    .map(({ column, property, kind }) => {
      const cast = kind === 'date' ? '::text' : kind === 'uuid[]' ? '::text[]' : '';
      return `${alias}.${column}${cast} AS "${property}"`;
    })
    .join(', ');
}

/** A row of `selectList` (straight from the driver, or from `json_agg`, where timestamps are ISO strings). */
export function entityOfRow<T extends object>(
  target: new () => T,
  columns: readonly MappedColumn[],
  row: Record<string, unknown>,
): T {
  const entity = new target() as Record<string, unknown>;
  for (const { property, kind } of columns) {
    const value = row[property];
    entity[property] =
      kind === 'timestamptz' && typeof value === 'string' ? new Date(value) : (value ?? null);
  }
  return entity as T;
}
