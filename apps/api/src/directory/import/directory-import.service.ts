import { Injectable, Logger } from '@nestjs/common';
import {
  DirectoryKind,
  ErrorCode,
  InvalidParam,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  OrganisationType,
} from '@ketenkaart/shared-domain';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/principal';
import { ProblemException } from '../../common/problem.exception';
import { AppConfig } from '../../config/app-config';
import { currentVersion, recordChange, Snapshot, UUID_PATTERN } from '../directory-history';
import { CreateOrganisationDto } from '../dto/organisation.dto';
import { CreatePersonDto } from '../dto/person.dto';
import { ContactPoint, OrganisationEntity } from '../organisation.entity';
import { organisationSnapshot } from '../organisations.service';
import { personSnapshot } from '../people.service';
import { PersonEntity } from '../person.entity';
import { booleanCell, cellValue, CsvSyntaxError, listCell, ParsedCsv, parseCsv } from './csv';
import { COLUMNS_OF, columnOfField, DEFAULT_CONTACT_LABEL, REQUIRED_COLUMNS } from './directory-csv-columns';
import {
  DirectoryImportEntity,
  DirectoryImportError,
  DirectoryImportKind,
  DirectoryImportStatus,
} from './directory-import.entity';
import { DirectoryImportDto } from './dto/directory-import.dto';

/**
 * Up to this many rows an import runs within the request (201 with the finished job); above it the request
 * returns 202 at once and the import runs in the background of the same process, with its progress in
 * `directory_import` so that any instance can answer `GET /directory/imports/{id}`.
 */
export const SYNC_IMPORT_MAX_ROWS = 500;
/** Rows applied between two progress updates. */
const BATCH_SIZE = 100;
/** A file full of errors reports the first ones; nobody reads ten thousand. */
const MAX_REPORTED_ERRORS = 500;

type Fields = Record<string, unknown>;

/** One valid row, ready to apply: the fields of the columns present in the file (absent columns stay as they are). */
interface PlannedRow {
  row: number;
  key: string;
  fields: Fields;
  /** Organisations with contact columns: the first contact point (null = remove it). */
  contact?: ContactPoint | null;
}

interface Plan {
  rows: PlannedRow[];
  errors: DirectoryImportError[];
}

type Outcome = 'created' | 'updated' | 'unchanged';

class RollBack extends Error {
  constructor(readonly errors: DirectoryImportError[]) {
    super('import rolled back');
  }
}

@Injectable()
export class DirectoryImportService {
  private readonly logger = new Logger('DirectoryImport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Starts an import. Small files finish within the call (status 201, or 200 for a dry run); a file with row
   * errors gives 400 naming every row and column, and nothing is saved. Large files return 202 at once.
   */
  async start(
    kind: DirectoryImportKind,
    csv: string,
    dryRun: boolean,
    principal: Principal,
  ): Promise<{ status: 200 | 201 | 202; job: DirectoryImportDto }> {
    const parsed = this.parseOrFail(kind, csv);
    const repository = this.dataSource.getRepository(DirectoryImportEntity);
    const job = await repository.save(
      repository.create({
        kind,
        status: 'validating',
        dryRun,
        totalRows: parsed.rows.length,
        processedRows: 0,
        errors: [],
        createdBy: principal.actor,
        finishedAt: null,
      }),
    );
    if (!dryRun && parsed.rows.length > SYNC_IMPORT_MAX_ROWS) {
      setImmediate(() => void this.run(job.id, kind, parsed, dryRun, principal));
      return { status: 202, job: toDto(job) };
    }
    const finished = await this.run(job.id, kind, parsed, dryRun, principal);
    if (finished.status === 'failed') throw rowProblem(finished.errors);
    return { status: dryRun ? 200 : 201, job: finished };
  }

  async get(id: string): Promise<DirectoryImportDto> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Import', id);
    const job = await this.dataSource.getRepository(DirectoryImportEntity).findOneBy({ id });
    if (!job) throw ProblemException.notFound('Import', id);
    return toDto(job);
  }

  /** Whole-file problems (syntax, header) are answered at once, before a job exists. */
  private parseOrFail(kind: DirectoryImportKind, csv: string): ParsedCsv {
    let parsed: ParsedCsv;
    try {
      parsed = parseCsv(csv);
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw rowProblem([{ row: error.row, column: null, code: 'csv_syntax', reason: error.message }]);
      }
      throw error;
    }
    const known = Object.keys(COLUMNS_OF[kind]);
    const errors: DirectoryImportError[] = [];
    const seen = new Set<string>();
    for (const column of parsed.header) {
      if (!known.includes(column)) {
        errors.push({
          row: 1,
          column,
          code: 'unknown_column',
          reason: `'${column}' is not a column of a ${kind} import; use ${known.join(', ')}.`,
        });
      } else if (seen.has(column)) {
        errors.push({
          row: 1,
          column,
          code: 'duplicate_column',
          reason: `Column '${column}' appears twice.`,
        });
      }
      seen.add(column);
    }
    for (const column of REQUIRED_COLUMNS[kind]) {
      if (!seen.has(column)) {
        errors.push({
          row: 1,
          column,
          code: 'missing_column',
          reason: `The header lacks the required column '${column}'.`,
        });
      }
    }
    if (errors.length === 0 && parsed.rows.length === 0) {
      errors.push({
        row: 2,
        column: null,
        code: 'no_rows',
        reason: 'The file has a header but no data rows.',
      });
    }
    if (errors.length > 0) throw rowProblem(errors);
    return parsed;
  }

  /** Validates every row, then applies all of them in one transaction; the job row records the outcome. */
  private async run(
    id: string,
    kind: DirectoryImportKind,
    parsed: ParsedCsv,
    dryRun: boolean,
    principal: Principal,
  ): Promise<DirectoryImportDto> {
    try {
      const plan =
        kind === 'organisations' ? await this.planOrganisations(parsed) : await this.planPeople(parsed);
      if (plan.errors.length > 0)
        return await this.finish(id, { status: 'failed', errors: cap(plan.errors) });
      await this.update(id, { status: dryRun ? 'validating' : 'running' });
      const counts = await this.apply(id, kind, plan.rows, dryRun, principal);
      return await this.finish(id, {
        status: dryRun ? 'validated' : 'succeeded',
        processedRows: dryRun ? 0 : plan.rows.length,
        createdCount: counts.created,
        updatedCount: counts.updated,
        unchangedCount: counts.unchanged,
      });
    } catch (error) {
      if (error instanceof RollBack)
        return this.finish(id, { status: 'failed', processedRows: 0, errors: cap(error.errors) });
      this.logger.error(`import ${id} failed: ${(error as Error).message}`, (error as Error).stack);
      return this.finish(id, {
        status: 'failed',
        processedRows: 0,
        errors: [
          {
            row: 0,
            column: null,
            code: ErrorCode.internal,
            reason: 'The import failed unexpectedly; nothing was saved.',
          },
        ],
      });
    }
  }

  private async apply(
    id: string,
    kind: DirectoryImportKind,
    rows: PlannedRow[],
    dryRun: boolean,
    principal: Principal,
  ): Promise<Record<Outcome, number>> {
    const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0 };
    const errors: DirectoryImportError[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        for (let start = 0; start < rows.length; start += BATCH_SIZE) {
          for (const row of rows.slice(start, start + BATCH_SIZE)) {
            try {
              const outcome =
                kind === 'organisations'
                  ? await this.applyOrganisation(manager, row, principal)
                  : await this.applyPerson(manager, row, principal);
              counts[outcome]++;
            } catch (error) {
              // A refused write (out of the caller's regions, archived entry) names its row; the rest still get checked.
              if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
              errors.push({ row: row.row, column: null, code: error.code, reason: error.detail });
            }
          }
          // The transaction holds its own connection; progress goes through another one so other instances see it.
          // The embedded database serves a single session, so there the progress shows when the import ends.
          if (!dryRun && !this.config.usesEmbeddedDatabase) {
            await this.update(id, { processedRows: Math.min(start + BATCH_SIZE, rows.length) });
          }
        }
        if (errors.length > 0 || dryRun) throw new RollBack(errors);
        await this.audit.record(
          {
            action: `directory.import.${kind}`,
            recordType: 'directory_import',
            recordId: id,
            details: { rows: rows.length, ...counts },
            principal,
          },
          manager,
        );
      });
    } catch (error) {
      if (error instanceof RollBack && error.errors.length === 0) return counts;
      throw error;
    }
    return counts;
  }

  private async applyOrganisation(
    manager: EntityManager,
    row: PlannedRow,
    principal: Principal,
  ): Promise<Outcome> {
    const existing = await findForImport(manager, OrganisationEntity, row.key);
    const entity =
      existing ??
      manager.create(OrganisationEntity, {
        description: null,
        website: null,
        parentId: null,
        contactPoints: [],
        address: null,
        addressConfidential: false,
        national: false,
        municipalityCodes: [],
        regionIds: [],
        exploitationForms: [],
        targetGroups: [],
        lastVerifiedAt: null,
        lastVerifiedBy: null,
        archivedAt: null,
      });
    if (existing?.archivedAt) throw archived('Organisation', row.key);
    const before = existing ? organisationSnapshot(existing) : null;
    const fields = { ...row.fields };
    // The export never carries a confidential address, so an empty cell for a confidential entry keeps it.
    const confidential = (fields['addressConfidential'] as boolean | undefined) ?? entity.addressConfidential;
    if (confidential && fields['address'] === null) delete fields['address'];
    Object.assign(entity, fields, keyOf(existing, row.key));
    if (row.contact !== undefined) {
      entity.contactPoints = [
        ...(row.contact ? [row.contact] : []),
        ...(existing?.contactPoints ?? []).slice(1),
      ];
    }
    return this.save(
      manager,
      DirectoryKind.organisation,
      'organisation',
      entity,
      before,
      organisationSnapshot,
      principal,
    );
  }

  private async applyPerson(manager: EntityManager, row: PlannedRow, principal: Principal): Promise<Outcome> {
    const existing = await findForImport(manager, PersonEntity, row.key);
    const entity =
      existing ??
      manager.create(PersonEntity, {
        workEmail: null,
        workPhone: null,
        organisationId: null,
        lastVerifiedAt: null,
        lastVerifiedBy: null,
        archivedAt: null,
      });
    if (existing?.archivedAt) throw archived('Person', row.key);
    const before = existing ? personSnapshot(existing) : null;
    Object.assign(entity, row.fields, keyOf(existing, row.key));
    return this.save(manager, DirectoryKind.person, 'person', entity, before, personSnapshot, principal);
  }

  /** Creates, or updates like a PATCH (new version, history entry), or leaves alone when nothing differs. */
  private async save<T extends OrganisationEntity | PersonEntity>(
    manager: EntityManager,
    kind: DirectoryKind,
    table: string,
    entity: T,
    before: Snapshot | null,
    snapshot: (entity: T) => Snapshot,
    principal: Principal,
  ): Promise<Outcome> {
    if (before === null) {
      const saved = await manager.save(entity);
      await recordChange(manager, kind, saved.id, saved.version, 'created', null, snapshot(saved), principal);
      return 'created';
    }
    const after = snapshot(entity);
    if (canonical(before) === canonical(after)) return 'unchanged';
    // Touching updatedAt makes the save bump the version, as every directory write does.
    entity.updatedAt = new Date();
    await manager.save(entity);
    const version = await currentVersion(manager, table, entity.id);
    await recordChange(manager, kind, entity.id, version, 'updated', before, after, principal);
    return 'updated';
  }

  private async planOrganisations(parsed: ParsedCsv): Promise<Plan> {
    const [municipalities, regions, existing] = await Promise.all([
      this.dataSource.query(
        `SELECT code FROM municipality WHERE valid_until IS NULL OR valid_until > CURRENT_DATE`,
      ) as Promise<{ code: string }[]>,
      this.dataSource.query(
        `SELECT id, type_code || '/' || code AS ref FROM region WHERE valid_until IS NULL OR valid_until > CURRENT_DATE`,
      ) as Promise<{ id: string; ref: string }[]>,
      this.existingKeys('organisation', parsed),
    ]);
    const municipalityCodes = new Set(municipalities.map((row) => row.code));
    const regionIds = new Map(regions.map((row) => [row.ref.toLowerCase(), row.id]));
    const typeByLabel = new Map<string, OrganisationType>(
      ORGANISATION_TYPES.flatMap((type) => [
        [type, type],
        [ORGANISATION_TYPE_LABELS[type].toLowerCase(), type],
      ]),
    );
    return this.plan('organisations', parsed, existing, CreateOrganisationDto, (cells, errors) => {
      const plain: Fields = {};
      for (const [column, value] of cells) {
        switch (column) {
          case 'type':
            plain['type'] = typeByLabel.get(value.toLowerCase()) ?? value;
            break;
          case 'landelijk':
          case 'adres_vertrouwelijk': {
            const flag = booleanCell(value);
            if (flag === undefined)
              errors.push({ column, code: 'isBoolean', reason: `${column} must be ja or nee.` });
            else plain[column === 'landelijk' ? 'national' : 'addressConfidential'] = flag;
            break;
          }
          case 'gemeenten': {
            const codes = listCell(value).map((code) => code.toUpperCase());
            const unknown = codes.filter((code) => /^GM\d{4}$/.test(code) && !municipalityCodes.has(code));
            if (unknown.length > 0) {
              errors.push({
                column,
                code: ErrorCode.unknownMunicipality,
                reason: `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a current gemeente' : 'are not current gemeenten'}.`,
              });
            }
            plain['municipalityCodes'] = codes;
            break;
          }
          case 'regios': {
            const refs = listCell(value);
            const unknown = refs.filter((ref) => !regionIds.has(ref.toLowerCase()));
            if (unknown.length > 0) {
              errors.push({
                column,
                code: ErrorCode.unknownRegion,
                reason: `${unknown.join(', ')}: not a current region; write regions as <type>/<code>, e.g. veiligheidsregio/VR13.`,
              });
            } else plain['regionIds'] = refs.map((ref) => regionIds.get(ref.toLowerCase()));
            break;
          }
          case 'uitbuitingsvormen':
          case 'doelgroepen':
            plain[column === 'uitbuitingsvormen' ? 'exploitationForms' : 'targetGroups'] = listCell(
              value,
            ).map((code) => code.toLowerCase());
            break;
          case 'contact_label':
          case 'contact_telefoon':
          case 'contact_email':
          case 'contact_openingstijden':
            break; // assembled below
          default:
            plain[COLUMNS_OF.organisations[column]] = value;
        }
      }
      const contactColumns = ['contact_label', 'contact_telefoon', 'contact_email', 'contact_openingstijden'];
      if (contactColumns.some((column) => cells.has(column))) {
        const [label, phone, email, openingHours] = contactColumns.map((column) => cells.get(column) ?? '');
        plain['contactPoints'] =
          label || phone || email || openingHours
            ? [{ label: label || DEFAULT_CONTACT_LABEL, phone, email, openingHours }]
            : [];
      }
      return plain;
    });
  }

  private async planPeople(parsed: ParsedCsv): Promise<Plan> {
    const [organisations, existing] = await Promise.all([
      this.dataSource.query(
        `SELECT id, external_key AS "externalKey" FROM organisation WHERE archived_at IS NULL`,
      ) as Promise<{ id: string; externalKey: string | null }[]>,
      this.existingKeys('person', parsed),
    ]);
    const organisationByRef = new Map<string, string>();
    for (const organisation of organisations) {
      organisationByRef.set(organisation.id, organisation.id);
      if (organisation.externalKey) organisationByRef.set(organisation.externalKey, organisation.id);
    }
    return this.plan('people', parsed, existing, CreatePersonDto, (cells, errors) => {
      const plain: Fields = {};
      for (const [column, value] of cells) {
        if (column === 'organisatie') {
          const id = value === '' ? null : organisationByRef.get(value);
          if (id === undefined) {
            errors.push({
              column,
              code: ErrorCode.unknownOrganisation,
              reason: `'${value}' is not the sleutel (or id) of a current organisation.`,
            });
          } else plain['organisationId'] = id;
        } else plain[COLUMNS_OF.people[column]] = value;
      }
      return plain;
    });
  }

  /** Archived state of the entries the file's keys already name. */
  private async existingKeys(
    table: 'organisation' | 'person',
    parsed: ParsedCsv,
  ): Promise<Map<string, boolean>> {
    const keyIndex = parsed.header.indexOf('sleutel');
    const keys = [...new Set(parsed.rows.map((row) => cellValue(row[keyIndex])).filter((key) => key !== ''))];
    const rows: { key: string; archived: boolean }[] =
      keys.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT coalesce(external_key, id::text) AS key, archived_at IS NOT NULL AS archived FROM ${table}
              WHERE external_key = ANY($1) OR (external_key IS NULL AND id::text = ANY($1))`,
            [keys],
          );
    return new Map(rows.map((row) => [row.key, row.archived]));
  }

  /** Checks every row: the column rules first, then the same DTO rules as the API (so both accept the same data). */
  private async plan(
    kind: DirectoryImportKind,
    parsed: ParsedCsv,
    existing: Map<string, boolean>,
    dto: new () => object,
    toPlain: (cells: Map<string, string>, errors: Omit<DirectoryImportError, 'row'>[]) => Fields,
  ): Promise<Plan> {
    const plan: Plan = { rows: [], errors: [] };
    const firstRowOfKey = new Map<string, number>();
    for (const [index, record] of parsed.rows.entries()) {
      const row = index + 2;
      const cells = new Map(parsed.header.map((column, position) => [column, cellValue(record[position])]));
      const errors: Omit<DirectoryImportError, 'row'>[] = [];
      if (
        record.length > parsed.header.length &&
        record.slice(parsed.header.length).some((cell) => cell.trim())
      ) {
        errors.push({
          column: null,
          code: 'too_many_cells',
          reason: `The row has more cells than the header's ${parsed.header.length}.`,
        });
      }
      const key = cells.get('sleutel') ?? '';
      if (key === '')
        errors.push({
          column: 'sleutel',
          code: 'isNotEmpty',
          reason: 'sleutel is required: it matches the row on a re-import.',
        });
      else if (key.length > 100)
        errors.push({
          column: 'sleutel',
          code: 'maxLength',
          reason: 'sleutel must be at most 100 characters.',
        });
      else if (firstRowOfKey.has(key)) {
        errors.push({
          column: 'sleutel',
          code: 'duplicate_key',
          reason: `sleutel '${key}' appears in row ${firstRowOfKey.get(key)} already.`,
        });
      } else {
        firstRowOfKey.set(key, row);
        if (existing.get(key) === true) {
          errors.push({
            column: 'sleutel',
            code: ErrorCode.entryArchived,
            reason: `The entry with sleutel '${key}' is archived; restore it first.`,
          });
        }
      }
      const plain = toPlain(cells, errors);
      const instance = plainToInstance(dto, { ...plain, externalKey: key || undefined });
      const failures = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
      for (const failure of flatten(failures)) {
        const column = columnOfField(kind, failure.field);
        // A column error found above (e.g. an unknown region) already names the cell.
        if (!errors.some((error) => error.column === column))
          errors.push({ column, code: failure.code, reason: failure.reason });
      }
      if (errors.length > 0) {
        plan.errors.push(...errors.map((error) => ({ row, ...error })));
        continue;
      }
      const fields: Fields = {};
      const transformed = instance as Fields;
      for (const field of Object.keys(plain))
        if (field !== 'contactPoints') fields[field] = transformed[field] ?? null;
      const planned: PlannedRow = { row, key, fields };
      if ('contactPoints' in plain) {
        const [point] = (transformed['contactPoints'] as ContactPoint[] | undefined) ?? [];
        planned.contact = point
          ? {
              label: point.label,
              phone: point.phone ?? null,
              email: point.email ?? null,
              openingHours: point.openingHours ?? null,
            }
          : null;
      }
      plan.rows.push(planned);
    }
    return plan;
  }

  private async update(id: string, changes: Partial<DirectoryImportEntity>): Promise<void> {
    await this.dataSource.getRepository(DirectoryImportEntity).update(id, changes as never);
  }

  private async finish(
    id: string,
    changes: Partial<DirectoryImportEntity> & { status: DirectoryImportStatus },
  ): Promise<DirectoryImportDto> {
    await this.update(id, { ...changes, finishedAt: new Date() });
    return this.get(id);
  }
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; code: string; reason: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, reason]) => ({ field, code, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The entry a row names: by external key, or — for entries that have none, which the export writes with their
 * id as `sleutel` — by id, so that an export of such entries re-imports as unchanged.
 */
async function findForImport<T extends OrganisationEntity | PersonEntity>(
  manager: EntityManager,
  target: new () => T,
  key: string,
): Promise<T | null> {
  const lock = { mode: 'pessimistic_write' } as const;
  const byKey = await manager.findOne(target, { where: { externalKey: key } as never, lock });
  if (byKey || !UUID_PATTERN.test(key)) return byKey;
  return manager.findOne(target, { where: { id: key, externalKey: IsNull() } as never, lock });
}

/** A new entry, or one found by its key, carries the row's key; one found by id keeps having none. */
const keyOf = (existing: { externalKey: string | null } | null, key: string) =>
  existing && existing.externalKey === null ? {} : { externalKey: key };

/** JSON with object keys sorted: jsonb hands back contact points with its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

const cap = (errors: DirectoryImportError[]) => errors.slice(0, MAX_REPORTED_ERRORS);

function archived(what: string, key: string): ProblemException {
  return ProblemException.conflict(
    ErrorCode.entryArchived,
    `${what} with sleutel '${key}' is archived; restore it first.`,
  );
}

/** 400 whose `invalidParams` name each cell as `row 7, column type` (or `row 7` for the whole row). */
export function rowProblem(errors: DirectoryImportError[]): ProblemException {
  const invalidParams: InvalidParam[] = cap(errors).map((error) => ({
    name: error.column ? `row ${error.row}, column ${error.column}` : `row ${error.row}`,
    code: error.code,
    reason: error.reason,
  }));
  const more =
    errors.length > MAX_REPORTED_ERRORS
      ? ` (the first ${MAX_REPORTED_ERRORS} of ${errors.length} are listed)`
      : '';
  return new ProblemException(
    400,
    ErrorCode.validationFailed,
    `The file has ${errors.length} error${errors.length === 1 ? '' : 's'}${more}; nothing was imported.`,
    invalidParams,
  );
}

function toDto(job: DirectoryImportEntity): DirectoryImportDto {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    dryRun: job.dryRun,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    created: job.createdCount,
    updated: job.updatedCount,
    unchanged: job.unchangedCount,
    errors: job.errors,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}
