import { parse } from 'csv-parse/sync';

/** Cells that Excel would run as a formula; exports prefix them with `'` and imports strip that again (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface ParsedCsv {
  separator: ';' | ',';
  header: string[];
  /** Data records; `rows[i]` is spreadsheet row `i + 2` (the header is row 1). */
  rows: string[][];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses a CSV as spreadsheets write it: UTF-8 with or without BOM, `;` (Dutch Excel) or `,` as separator,
 * detected from the header line (the one with more separators outside quotes wins; `;` on a tie).
 */
export function parseCsv(text: string): ParsedCsv {
  const content = text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(content);
  let records: string[][];
  try {
    records = parse(content, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
      bom: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new CsvSyntaxError(line, (error as Error).message);
  }
  const nonBlank = records.filter((record) => record.some((cell) => cell.trim() !== ''));
  const [header = [], ...rows] = nonBlank;
  return { separator, header: header.map((cell) => cell.trim()), rows };
}

function detectSeparator(content: string): ';' | ',' {
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/** The value a user meant: trimmed, without the `'` our export puts before formula-like cells. */
export function cellValue(cell: string | undefined): string {
  const value = (cell ?? '').trim();
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One CSV line for Excel: `;`-separated, quoted where needed, formula-like cells neutralised. */
export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return cells
    .map((cell) => {
      let value = cell ?? '';
      if (FORMULA_START.test(value)) value = `'${value}`;
      return /[;"\r\n,]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(';');
}

/** UTF-8 BOM first, so that Excel opens the file as UTF-8; CRLF line ends as RFC 4180 and Excel expect. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): string {
  return '\uFEFF' + [csvLine(header), ...rows.map((row) => csvLine(row))].join('\r\n') + '\r\n';
}

/** List cells hold codes separated by `|` (export) or `,` (typed by hand). */
export function listCell(value: string): string[] {
  return value
    .split(/[|,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const YES = ['ja', 'j', 'yes', 'y', 'true', '1', 'waar'];
const NO = ['nee', 'n', 'no', 'false', '0', 'onwaar', ''];

/** `ja`/`nee` (and the usual spreadsheet spellings); undefined when it is neither. */
export function booleanCell(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  if (YES.includes(lower)) return true;
  if (NO.includes(lower)) return false;
  return undefined;
}
