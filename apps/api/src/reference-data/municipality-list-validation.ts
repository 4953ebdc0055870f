import { GM_CODE_PATTERN } from '@ketenkaart/shared-domain';
import { CsvError, parse } from 'csv-parse/sync';
import { MunicipalityRow } from './municipality-list';
import { ReferenceGrids } from './reference-grids';

/**
 * One problem with an import's input. `row` is the line in the file as an editor or spreadsheet shows it
 * (the header is row 1); `column` is the CSV column, or the option name for `source: 'options'`.
 */
export interface ImportIssue {
  source: 'list' | 'mergers' | 'options';
  row?: number;
  column?: string;
  message: string;
}

export function formatImportIssue(issue: ImportIssue): string {
  const where = [
    issue.source === 'list' ? 'municipality list' : issue.source === 'mergers' ? 'mergers file' : 'option',
    issue.row === undefined ? undefined : `row ${issue.row}`,
    issue.column === undefined
      ? undefined
      : issue.source === 'options'
        ? issue.column
        : `column ${issue.column}`,
  ].filter(Boolean);
  return `${where.join(', ')}: ${issue.message}`;
}

export const MUNICIPALITY_LIST_COLUMNS = [
  'gm_code',
  'cbs_code',
  'name',
  'display_name',
  'province_code',
  'province_name',
  'vr_code',
  'vr_name',
  'politie_eenheid',
  'riec',
] as const;

export const MERGER_COLUMNS = ['old_gm_code', 'successor_gm_code'] as const;

/** Same bound as the `municipality.name` column. */
const MAX_NAME_LENGTH = 120;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ListedMunicipality extends MunicipalityRow {
  row: number;
}

/** A CBS merger: the old code ends and `successorCode` takes over its area. */
export interface Merger {
  oldCode: string;
  successorCode: string;
  row: number;
}

interface CsvRecord<C extends string> {
  row: number;
  values: Record<C, string>;
}

/** Reads a CSV with a header of exactly `columns` (any order); reports structural problems per row. */
function readTable<C extends string>(
  text: string,
  source: ImportIssue['source'],
  columns: readonly C[],
): { records: CsvRecord<C>[]; issues: ImportIssue[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      // Both, even mixed: a Windows export with a line added in another editor is common.
      record_delimiter: ['\r\n', '\n'],
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (error as CsvError & { lines?: number }).lines;
    return { records: [], issues: [{ source, row, message: `not readable as CSV: ${error.message}` }] };
  }
  const [header, ...body] = parsed;
  if (!header) return { records: [], issues: [{ source, message: 'the file is empty' }] };
  const issues: ImportIssue[] = [];
  const names = header.record.map((name) => name.toLowerCase());
  const expected = `expected the columns ${columns.join(',')}`;
  names.forEach((name, index) => {
    if (!(columns as readonly string[]).includes(name)) {
      issues.push({
        source,
        row: header.info.lines,
        column: name || `#${index + 1}`,
        message: `unknown column; ${expected}`,
      });
    } else if (names.indexOf(name) !== index) {
      issues.push({ source, row: header.info.lines, column: name, message: 'column appears twice' });
    }
  });
  for (const column of columns) {
    if (!names.includes(column))
      issues.push({ source, row: header.info.lines, column, message: `missing column; ${expected}` });
  }
  if (issues.length > 0) return { records: [], issues };
  const records: CsvRecord<C>[] = [];
  for (const { record, info } of body) {
    if (record.length !== names.length) {
      issues.push({
        source,
        row: info.lines,
        message: `has ${record.length} values where the header has ${names.length} (a name with a comma needs "quotes")`,
      });
      continue;
    }
    const values = Object.fromEntries(names.map((name, index) => [name, record[index].normalize('NFC')]));
    records.push({ row: info.lines, values: values as Record<C, string> });
  }
  return { records, issues };
}

/**
 * Parses and checks a CBS-derived municipality list (the columns of `gemeenten.csv`) without a database:
 * code formats, required names, duplicates, and that province and veiligheidsregio (with its politie-eenheid
 * and RIEC) are the ones the law defines. Every problem is reported, not just the first.
 */
export function parseMunicipalityList(
  text: string,
  grids: ReferenceGrids,
): { rows: ListedMunicipality[]; issues: ImportIssue[] } {
  const { records, issues } = readTable(text, 'list', MUNICIPALITY_LIST_COLUMNS);
  if (records.length === 0 && issues.length === 0) {
    issues.push({ source: 'list', message: 'the list has no municipalities' });
  }
  const rows: ListedMunicipality[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values } of records) {
    const rowIssues: ImportIssue[] = [];
    const problem = (column: string, message: string) =>
      rowIssues.push({ source: 'list', row, column, message });
    const gmCode = values.gm_code;
    if (!GM_CODE_PATTERN.test(gmCode)) {
      problem('gm_code', `'${gmCode}' is not a municipality code (GM followed by four digits)`);
    } else if (firstRowOf.has(gmCode)) {
      problem('gm_code', `${gmCode} is listed twice (also in row ${firstRowOf.get(gmCode)})`);
    } else {
      firstRowOf.set(gmCode, row);
    }
    if (!/^\d{4}$/.test(values.cbs_code)) {
      problem('cbs_code', `'${values.cbs_code}' is not a CBS code (four digits)`);
    } else if (GM_CODE_PATTERN.test(gmCode) && values.cbs_code !== gmCode.slice(2)) {
      problem('cbs_code', `'${values.cbs_code}' does not match gm_code ${gmCode}`);
    }
    for (const column of ['name', 'display_name'] as const) {
      if (values[column].length > MAX_NAME_LENGTH)
        problem(column, `longer than ${MAX_NAME_LENGTH} characters`);
    }
    if (values.name === '') problem('name', 'is empty; every municipality needs a name');
    const provinceName = grids.provinces.get(values.province_code);
    if (values.province_code === '') {
      problem('province_code', 'is empty');
    } else if (provinceName === undefined) {
      problem('province_code', `'${values.province_code}' is not a province (PV20 to PV31)`);
    } else if (values.province_name !== provinceName) {
      problem(
        'province_name',
        `'${values.province_name}' does not match ${values.province_code} (${provinceName})`,
      );
    }
    const vr = grids.veiligheidsregios.get(values.vr_code);
    if (values.vr_code === '') {
      problem('vr_code', 'is empty');
    } else if (vr === undefined) {
      problem('vr_code', `'${values.vr_code}' is not a veiligheidsregio (VR01 to VR25)`);
    } else {
      if (values.vr_name !== vr.name)
        problem('vr_name', `'${values.vr_name}' does not match ${values.vr_code} (${vr.name})`);
      if (values.politie_eenheid !== vr.politieEenheid) {
        problem(
          'politie_eenheid',
          `'${values.politie_eenheid}' does not match ${values.vr_code}: by law it lies in ${vr.politieEenheid}`,
        );
      }
      if (values.riec !== vr.riec) {
        problem('riec', `'${values.riec}' does not match ${values.vr_code}: its RIEC is ${vr.riec}`);
      }
    }
    issues.push(...rowIssues);
    if (rowIssues.length > 0) continue;
    rows.push({
      row,
      gmCode,
      cbsCode: values.cbs_code,
      name: values.name,
      displayName: values.display_name || null,
      provinceCode: values.province_code,
      provinceName: values.province_name,
      vrCode: values.vr_code,
      vrName: values.vr_name,
      politieEenheid: values.politie_eenheid,
      riec: values.riec,
    });
  }
  return { rows, issues: issues.sort(byRow) };
}

/** Parses the mergers file `old_gm_code,successor_gm_code`; what the codes refer to is checked against the database. */
export function parseMergers(text: string): { mergers: Merger[]; issues: ImportIssue[] } {
  const { records, issues } = readTable(text, 'mergers', MERGER_COLUMNS);
  const mergers: Merger[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values } of records) {
    const rowIssues: ImportIssue[] = [];
    for (const column of MERGER_COLUMNS) {
      if (!GM_CODE_PATTERN.test(values[column])) {
        rowIssues.push({
          source: 'mergers',
          row,
          column,
          message: `'${values[column]}' is not a municipality code (GM followed by four digits)`,
        });
      }
    }
    if (rowIssues.length === 0 && values.old_gm_code === values.successor_gm_code) {
      rowIssues.push({
        source: 'mergers',
        row,
        column: 'successor_gm_code',
        message: 'a municipality cannot succeed itself',
      });
    }
    if (rowIssues.length === 0 && firstRowOf.has(values.old_gm_code)) {
      rowIssues.push({
        source: 'mergers',
        row,
        column: 'old_gm_code',
        message: `${values.old_gm_code} is listed twice (also in row ${firstRowOf.get(values.old_gm_code)})`,
      });
    }
    issues.push(...rowIssues);
    if (rowIssues.length > 0) continue;
    firstRowOf.set(values.old_gm_code, row);
    mergers.push({ oldCode: values.old_gm_code, successorCode: values.successor_gm_code, row });
  }
  return { mergers, issues: issues.sort(byRow) };
}

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export function checkEffectiveDate(value: string): ImportIssue[] {
  const date = new Date(`${value}T00:00:00Z`);
  if (ISO_DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value))
    return [];
  return [{ source: 'options', column: 'effectiveDate', message: `'${value}' is not a date (YYYY-MM-DD)` }];
}

const byRow = (a: ImportIssue, b: ImportIssue) => (a.row ?? 0) - (b.row ?? 0);
