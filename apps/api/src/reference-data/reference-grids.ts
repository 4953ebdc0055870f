import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface VeiligheidsregioInfo {
  name: string;
  politieEenheid: string;
  riec: string;
}

/**
 * The grids a municipality list may refer to. They change by law, not by the yearly CBS list, so an import
 * checks every row against them instead of creating a region for an unknown or misspelt code.
 */
export interface ReferenceGrids {
  provinces: ReadonlyMap<string, string>;
  veiligheidsregios: ReadonlyMap<string, VeiligheidsregioInfo>;
}

/** The twelve provinces with their CBS codes (unchanged since Flevoland, 1986; Fryslân spelt as CBS does since 2023). */
export const PROVINCES: ReadonlyMap<string, string> = new Map([
  ['PV20', 'Groningen'],
  ['PV21', 'Fryslân'],
  ['PV22', 'Drenthe'],
  ['PV23', 'Overijssel'],
  ['PV24', 'Flevoland'],
  ['PV25', 'Gelderland'],
  ['PV26', 'Utrecht'],
  ['PV27', 'Noord-Holland'],
  ['PV28', 'Zuid-Holland'],
  ['PV29', 'Zeeland'],
  ['PV30', 'Noord-Brabant'],
  ['PV31', 'Limburg'],
]);

/** The 25 veiligheidsregio's with their politie-eenheid and RIEC (Politiewet 2012 nesting), from the bundled file. */
export function readReferenceGrids(referenceDataDir: string): ReferenceGrids {
  const records = parse(readFileSync(path.join(referenceDataDir, 'veiligheidsregios.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Record<string, string>[];
  return {
    provinces: PROVINCES,
    veiligheidsregios: new Map(
      records.map((record) => [
        record.vr_code,
        { name: record.vr_name, politieEenheid: record.politie_eenheid, riec: record.riec },
      ]),
    ),
  };
}
