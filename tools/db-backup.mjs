#!/usr/bin/env node
// Backs up the Ketenkaart database (issue 8, point 4).
//
//   npm run db:backup [-- --out <dir or file>] [--keep <n>]
//
// Server (DATABASE_URL set): `pg_dump --format=custom` → ketenkaart-server-<UTC time>.dump. Consistent while the API
//   runs (pg_dump reads one snapshot); needs the pg_dump of the server's major version (or newer) on PATH.
// Embedded (DATABASE_URL unset): PGlite's dumpDataDir() of PGLITE_DATA_DIR (default .data/pglite) →
//   ketenkaart-embedded-<UTC time>.tar.gz. STOP THE API FIRST: the embedded database belongs to one process, and
//   opening its data dir from a second one while the API writes gives a torn copy.
// The file is written under a temporary name and renamed when complete. --out defaults to BACKUP_DIR or ./backups.
// --keep <n> then deletes all but the newest n backups of the same mode in that folder (retention).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    keep: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    'usage: npm run db:backup [-- --out <dir or file>] [--keep <n>]   (see the head of tools/db-backup.mjs)',
  );
  process.exit(0);
}
const keep = args.keep === undefined ? undefined : Number(args.keep);
if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) {
  console.error('--keep must be a whole number ≥ 1');
  process.exit(2);
}

const url = process.env.DATABASE_URL || undefined;
const mode = url ? 'server' : 'embedded';
const extension = url ? '.dump' : '.tar.gz';
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
const out = path.resolve(args.out ?? process.env.BACKUP_DIR ?? 'backups');
const target = out.endsWith(extension) ? out : path.join(out, `ketenkaart-${mode}-${stamp}${extension}`);
mkdirSync(path.dirname(target), { recursive: true });
const partial = `${target}.partial`;
const started = performance.now();

try {
  if (url) {
    const dump = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, url],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (dump.error)
      throw new Error(`pg_dump could not run (${dump.error.message}); install the PostgreSQL client`);
    if (dump.status !== 0) throw new Error(`pg_dump failed with exit code ${dump.status}`);
  } else {
    const dataDir = path.resolve(process.env.PGLITE_DATA_DIR ?? '.data/pglite');
    if (dataDir.startsWith('memory:') || !existsSync(path.join(dataDir, 'PG_VERSION')))
      throw new Error(`no embedded database at ${dataDir} (set PGLITE_DATA_DIR)`);
    const { openPglite } = await import('./db-pglite.mjs');
    const pglite = await openPglite(dataDir);
    try {
      const tarball = await pglite.dumpDataDir('gzip');
      writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  }
  renameSync(partial, target);
} catch (error) {
  rmSync(partial, { force: true });
  console.error(`backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const size = statSync(target).size;
console.log(
  `backup (${mode}) written: ${target} (${(size / 1024 / 1024).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);

if (keep !== undefined) {
  const folder = path.dirname(target);
  const pattern = new RegExp(`^ketenkaart-${mode}-\\d{8}T\\d{6}Z${extension.replace('.', '\\.')}$`);
  const backups = readdirSync(folder)
    .filter((name) => pattern.test(name))
    .sort()
    .reverse();
  for (const old of backups.slice(keep)) {
    rmSync(path.join(folder, old));
    console.log(`removed old backup ${old} (keeping the newest ${keep})`);
  }
}
