/**
 * Loads a newer CBS municipality list and ends merged municipalities (see municipality-import.service.ts).
 * Usage: npm run db:import-municipalities -- --file gemeenten.csv [--mergers mergers.csv] --effective-date 2025-01-01
 *        [--dry-run] [--json]
 * Uses DATABASE_URL, else the embedded database in PGLITE_DATA_DIR (stop the portal first: PGlite has one user).
 * Exits 1 and imports nothing when any row is wrong.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/app-config';
import { closeDatabase, createDataSource, withSetupLock } from '../../database/data-source';
import { SetupService } from '../../database/setup.service';
import { DemoSeedService } from '../demo-seed.service';
import {
  MunicipalityImportError,
  MunicipalityImportReport,
  MunicipalityImportService,
} from '../municipality-import.service';
import { ReferenceDataService } from '../reference-data.service';

const USAGE =
  'usage: import-municipalities --file <list.csv> [--mergers <mergers.csv>] --effective-date <YYYY-MM-DD> [--dry-run] [--json]';

function describe(report: MunicipalityImportReport): string {
  const label = (name: { name: string; displayName: string | null }) => name.displayName ?? name.name;
  const lines = [
    `Municipality list of ${report.effectiveDate} ${report.dryRun ? 'checked (dry run: nothing saved)' : 'imported'}.`,
    `  added      ${report.added.length}`,
    ...report.added.map((entry) => `    ${entry.code} ${entry.name}`),
    `  renamed    ${report.renamed.length}`,
    ...report.renamed.map((entry) => `    ${entry.code} ${label(entry.from)} -> ${label(entry.to)}`),
    `  ended      ${report.ended.length}`,
    ...report.ended.map((entry) => `    ${entry.code} ${entry.name}, successor ${entry.successorCode}`),
    `  moved      ${report.moved.length}`,
    ...report.moved.map(
      (entry) => `    ${entry.code} ${entry.regionType}: ${entry.from ?? '(none)'} -> ${entry.to}`,
    ),
    `  unchanged  ${report.unchanged}`,
  ];
  if (report.successorJoined.length > 0) {
    lines.push(`  successor joined ${report.successorJoined.length} editable region(s):`);
    lines.push(
      ...report.successorJoined.map(
        (entry) =>
          `    ${entry.code} in ${entry.regionType} ${entry.regionCode} (in place of ${entry.replaces.join(', ')})`,
      ),
    );
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  let values: {
    file?: string;
    mergers?: string;
    'effective-date'?: string;
    'dry-run'?: boolean;
    json?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        file: { type: 'string' },
        mergers: { type: 'string' },
        'effective-date': { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (!values.file || !values['effective-date']) {
    console.error(USAGE);
    return 1;
  }
  let csv: string;
  let mergers: string | undefined;
  try {
    csv = readFileSync(values.file, 'utf8');
    mergers = values.mergers ? readFileSync(values.mergers, 'utf8') : undefined;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  // Keep stdout for the report; progress lines would break --json.
  if (values.json) Logger.overrideLogger(['error', 'warn']);

  const config = loadConfig();
  const handle = await createDataSource(config);
  try {
    await handle.dataSource.initialize();
    const referenceData = new ReferenceDataService(handle.dataSource, config);
    // An empty database first gets what the portal would give it: schema, bundled list, demo seed.
    await new SetupService(handle, config, referenceData, new DemoSeedService(handle.dataSource)).run();
    const importer = new MunicipalityImportService(handle.dataSource, referenceData, config);
    const report = await withSetupLock(handle, () =>
      importer.importMunicipalityList(csv, {
        effectiveDate: values['effective-date']!,
        mergers,
        dryRun: values['dry-run'] ?? false,
      }),
    );
    console.log(values.json ? JSON.stringify(report, null, 2) : describe(report));
    return 0;
  } catch (error) {
    if (!(error instanceof MunicipalityImportError)) throw error;
    if (values.json) console.error(JSON.stringify({ issues: error.issues }, null, 2));
    else console.error(error.message);
    return 1;
  } finally {
    await closeDatabase(handle);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
