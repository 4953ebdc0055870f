import { Injectable } from '@nestjs/common';
import {
  EXPLOITATION_FORMS,
  ErrorCode,
  GM_CODE_PATTERN,
  Permission,
  type ExploitationForm,
  type InvalidParam,
} from '@ketenkaart/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { assertWriteScope } from '../common/write-scope';
import {
  ArchivePolicyDocumentDto,
  CreatePolicyDocumentDto,
  ListPolicyDocumentsQueryDto,
  PolicyCoverageDto,
  PolicyDocumentDto,
  PolicyDocumentListDto,
  UpdatePolicyDocumentDto,
} from './dto/policy-document.dto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `d.id, d.municipality_code, d.title, d.url, to_char(d.adopted_on, 'YYYY-MM-DD') AS adopted_on,
  d.exploitation_forms, to_char(d.valid_until, 'YYYY-MM-DD') AS valid_until, d.archived_at, d.version,
  d.created_by, d.created_at`;

/** In force on a date: adopted on or before it, not ended before it, not archived. */
const IN_FORCE = (alias: string, date: string) =>
  `(${alias}.archived_at IS NULL AND ${alias}.adopted_on <= ${date}::date
    AND (${alias}.valid_until IS NULL OR ${alias}.valid_until >= ${date}::date))`;

export interface PolicyDocumentRow {
  id: string;
  municipality_code: string;
  title: string;
  url: string | null;
  adopted_on: string;
  exploitation_forms: ExploitationForm[];
  valid_until: string | null;
  archived_at: Date | null;
  version: number;
  created_by: string;
  created_at: Date;
}

/** Adopted policy documents per gemeente (issue 7 §2). Public to read; kader.assess within the region scope to write. */
@Injectable()
export class PolicyDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    gmCode: string,
    query: ListPolicyDocumentsQueryDto,
    principal: Principal,
  ): Promise<PolicyDocumentListDto> {
    await this.requireMunicipality(this.dataSource.manager, gmCode);
    const rows: PolicyDocumentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM policy_document d
        WHERE d.municipality_code = $1 ${query.includeArchived ? '' : 'AND d.archived_at IS NULL'}
        ORDER BY d.adopted_on DESC, d.created_at DESC, d.id`,
      [gmCode],
    );
    return { municipalityCode: gmCode, items: rows.map((row) => this.toDto(row, principal)) };
  }

  async create(
    gmCode: string,
    dto: CreatePolicyDocumentDto,
    principal: Principal,
  ): Promise<PolicyDocumentDto> {
    this.checkDates(dto.adoptedOn, dto.validUntil ?? null);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.requireMunicipality(manager, gmCode);
      await assertWriteScope(manager, principal, [{ municipalityCodes: [gmCode] }], 'gemeente');
      const now = this.clock.now();
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO policy_document (municipality_code, title, url, adopted_on, exploitation_forms, valid_until,
           version, created_by, created_at, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5::text[], $6, 1, $7, $8, $7, $8) RETURNING id`,
        [
          gmCode,
          dto.title.trim(),
          dto.url ?? null,
          dto.adoptedOn,
          sortedForms(dto.exploitationForms),
          dto.validUntil ?? null,
          principal.actor,
          now,
        ],
      );
      await this.audit.record(
        {
          action: 'kader.policy-document.create',
          recordType: 'policy_document',
          recordId: row.id,
          principal,
          details: { municipalityCode: gmCode },
        },
        manager,
      );
      return row.id;
    });
    return this.get(id, principal);
  }

  async update(id: string, dto: UpdatePolicyDocumentDto, principal: Principal): Promise<PolicyDocumentDto> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForWrite(manager, id, dto.version, principal);
      const next = {
        title: dto.title !== undefined ? dto.title.trim() : current.title,
        url: dto.url !== undefined ? dto.url : current.url,
        adoptedOn: dto.adoptedOn ?? current.adopted_on,
        exploitationForms:
          dto.exploitationForms !== undefined
            ? sortedForms(dto.exploitationForms)
            : current.exploitation_forms,
        validUntil: dto.validUntil !== undefined ? dto.validUntil : current.valid_until,
      };
      this.checkDates(next.adoptedOn, next.validUntil);
      const changed = [
        next.title !== current.title && 'title',
        next.url !== current.url && 'url',
        next.adoptedOn !== current.adopted_on && 'adoptedOn',
        next.exploitationForms.join('|') !== current.exploitation_forms.join('|') && 'exploitationForms',
        next.validUntil !== current.valid_until && 'validUntil',
      ].filter((field): field is string => field !== false);
      await manager.query(
        `UPDATE policy_document SET title = $2, url = $3, adopted_on = $4, exploitation_forms = $5::text[],
                valid_until = $6, version = version + 1, updated_by = $7, updated_at = $8
          WHERE id = $1`,
        [
          id,
          next.title,
          next.url,
          next.adoptedOn,
          next.exploitationForms,
          next.validUntil,
          principal.actor,
          this.clock.now(),
        ],
      );
      await this.audit.record(
        {
          action: 'kader.policy-document.update',
          recordType: 'policy_document',
          recordId: id,
          principal,
          details: { municipalityCode: current.municipality_code, changed },
        },
        manager,
      );
    });
    return this.get(id, principal);
  }

  /** There is no hard delete: a document recorded by mistake is archived (it then counts nowhere). */
  async archive(id: string, dto: ArchivePolicyDocumentDto, principal: Principal): Promise<PolicyDocumentDto> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForWrite(manager, id, dto.version, principal);
      const now = this.clock.now();
      await manager.query(
        `UPDATE policy_document SET archived_at = $2, version = version + 1, updated_by = $3, updated_at = $2
          WHERE id = $1`,
        [id, now, principal.actor],
      );
      await this.audit.record(
        {
          action: 'kader.policy-document.archive',
          recordType: 'policy_document',
          recordId: id,
          principal,
          details: { municipalityCode: current.municipality_code },
        },
        manager,
      );
    });
    return this.get(id, principal);
  }

  /**
   * Per gemeente: the documents in force on `date` (YYYY-MM-DD) and the forms of exploitation they cover
   * together. Gemeenten without one are absent from the map.
   */
  async inForce(
    manager: EntityManager,
    codes: readonly string[],
    date: string,
  ): Promise<Map<string, PolicyDocumentRow[]>> {
    const rows: PolicyDocumentRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM policy_document d
        WHERE d.municipality_code = ANY($1) AND ${IN_FORCE('d', '$2')}
        ORDER BY d.municipality_code, d.adopted_on DESC, d.id`,
      [codes, date],
    );
    const byMunicipality = new Map<string, PolicyDocumentRow[]>();
    for (const row of rows)
      byMunicipality.set(row.municipality_code, [...(byMunicipality.get(row.municipality_code) ?? []), row]);
    return byMunicipality;
  }

  /** Count and covered forms per gemeente on `date`, for the Kader overview and the trend. */
  async coverage(
    manager: EntityManager,
    codes: readonly string[],
    date: string,
  ): Promise<Map<string, PolicyCoverageDto>> {
    const documents = await this.inForce(manager, codes, date);
    return new Map(codes.map((code) => [code, policyCoverageOf(documents.get(code) ?? [])] as const));
  }

  toDto(row: PolicyDocumentRow, principal: Principal): PolicyDocumentDto {
    const today = todayInNetherlands(this.clock.now());
    // Who recorded it is an internal account id: shown to those who assess or monitor, not to the public.
    const showCreator = principal.can(Permission.kaderAssess) || principal.can(Permission.aggregatesRead);
    return {
      id: row.id,
      municipalityCode: row.municipality_code,
      title: row.title,
      url: row.url,
      adoptedOn: row.adopted_on,
      exploitationForms: row.exploitation_forms,
      validUntil: row.valid_until,
      inForce:
        row.archived_at === null &&
        row.adopted_on <= today &&
        (row.valid_until === null || row.valid_until >= today),
      archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
      version: Number(row.version),
      createdBy: showCreator ? row.created_by : null,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  private async get(id: string, principal: Principal): Promise<PolicyDocumentDto> {
    const [row]: PolicyDocumentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM policy_document d WHERE d.id = $1`,
      [id],
    );
    if (!row) throw ProblemException.notFound('Policy document', id);
    return this.toDto(row, principal);
  }

  /** The row, locked; 404 when unknown, 403 outside the caller's regions, 409 when archived or stale. */
  private async lockForWrite(
    manager: EntityManager,
    id: string,
    version: number,
    principal: Principal,
  ): Promise<PolicyDocumentRow> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Policy document', id);
    const [row]: PolicyDocumentRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM policy_document d WHERE d.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw ProblemException.notFound('Policy document', id);
    // Publicly readable, so outside the scope is 403 (as for the assessments), not 404.
    await assertWriteScope(manager, principal, [{ municipalityCodes: [row.municipality_code] }], 'gemeente');
    if (row.archived_at !== null)
      throw ProblemException.conflict(ErrorCode.entryArchived, 'This policy document is archived.');
    if (Number(row.version) !== version)
      throw ProblemException.conflict(
        ErrorCode.versionConflict,
        `Someone else changed this policy document (now version ${row.version}); reload it first.`,
      );
    return row;
  }

  private checkDates(adoptedOn: string, validUntil: string | null): void {
    const invalid: InvalidParam[] = [];
    const today = todayInNetherlands(this.clock.now());
    if (adoptedOn > today)
      invalid.push({ name: 'adoptedOn', code: 'range', reason: 'adoptedOn cannot be in the future' });
    if (validUntil !== null && validUntil < adoptedOn)
      invalid.push({
        name: 'validUntil',
        code: 'range',
        reason: 'validUntil must be on or after adoptedOn',
      });
    if (invalid.length > 0)
      throw new ProblemException(
        400,
        ErrorCode.validationFailed,
        invalid.map((param) => param.reason).join('; '),
        invalid,
      );
  }

  private async requireMunicipality(manager: EntityManager, gmCode: string): Promise<void> {
    if (!GM_CODE_PATTERN.test(gmCode)) throw ProblemException.notFound('Municipality', gmCode);
    const [row] = await manager.query(`SELECT 1 FROM municipality g WHERE g.code = $1`, [gmCode]);
    if (!row) throw ProblemException.notFound('Municipality', gmCode);
  }
}

/** Forms in the shared domain's order, without repeats. */
function sortedForms(forms: readonly ExploitationForm[]): ExploitationForm[] {
  return EXPLOITATION_FORMS.filter((form) => forms.includes(form));
}

export function policyCoverageOf(documents: readonly PolicyDocumentRow[]): PolicyCoverageDto {
  return {
    documents: documents.length,
    exploitationForms: sortedForms(documents.flatMap((document) => document.exploitation_forms)),
  };
}

/** The date a period's figures refer to: its last day, or today while it runs. */
export function referenceDateOf(periodEnd: string, today: string): string {
  return periodEnd < today ? periodEnd : today;
}
