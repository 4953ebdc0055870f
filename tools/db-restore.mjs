#!/usr/bin/env node
// Restores a Ketenkaart backup made by tools/db-backup.mjs (issue 8, point 4).
//
//   npm run db:restore -- <backup file> [--create] [--clean]
//
// Server (a .dump; DATABASE_URL names the target database): `pg_restore` in one transaction. --create creates the
//   target database when it does not exist; a target that already holds tables is refused unless --clean (then
//   pg_restore --clean --if-exists replaces what is there). Stop the API instances on that database first.
// Embedded (a .tar.gz; PGLITE_DATA_DIR names the target, default .data/pglite): the tarball is loaded into a
//   FRESH data dir (the folder must be absent or empty; move the old one aside first). The API must be stopped.
// Afterwards start the API as usual: migrations newer than the backup run at boot.
import { Blob } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    create: { type: 'boolean', default: false },
    clean: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help || positionals.length !== 1) {
  console.log(
    'usage: npm run db:restore -- <backup file> [--create] [--clean]   (see the head of tools/db-restore.mjs)',
  );
  process.exit(args.help ? 0 : 2);
}
const file = path.resolve(positionals[0]);
if (!existsSync(file)) {
  console.error(`no such backup: ${file}`);
  process.exit(2);
}
const url = process.env.DATABASE_URL || undefined;
const kind = file.endsWith('.dump') ? 'server' : /\.(tar\.gz|tgz|tar)$/.test(file) ? 'embedded' : undefined;
if (!kind || (kind === 'server') !== Boolean(url)) {
  console.error(
    kind === 'server'
      ? 'a .dump is a server backup: set DATABASE_URL to the target database'
      : kind === 'embedded'
        ? 'a .tar.gz is an embedded backup: unset DATABASE_URL and set PGLITE_DATA_DIR to a fresh folder'
        : 'the backup must be a .dump (server) or .tar.gz (embedded) made by npm run db:backup',
  );
  process.exit(2);
}
const started = performance.now();

async function restoreServer() {
  const { Client } = require('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
    if (!exists) {
      if (!args.create) throw new Error(`database ${name} does not exist (pass --create to create it)`);
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const tables = (await client.query(`SELECT COUNT(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`))
    .rows[0].n;
  await client.end();
  if (tables > 0 && !args.clean)
    throw new Error(
      `database ${name} already holds ${tables} tables: restore into a fresh one, or pass --clean`,
    );
  const restore = spawnSync(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      ...(args.clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${url}`,
      file,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (restore.error) throw new Error(`pg_restore could not run (${restore.error.message})`);
  if (restore.status !== 0) throw new Error(`pg_restore failed with exit code ${restore.status}`);
  return name;
}

async function restoreEmbedded() {
  const dataDir = path.resolve(process.env.PGLITE_DATA_DIR ?? '.data/pglite');
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: restore into a fresh folder (move the old one aside first)`);
  const { openPglite } = await import('./db-pglite.mjs');
  const pglite = await openPglite(dataDir, new Blob([readFileSync(file)]));
  try {
    await pglite.query('SELECT 1');
  } finally {
    await pglite.close();
  }
  return dataDir;
}

try {
  const where = kind === 'server' ? await restoreServer() : await restoreEmbedded();
  console.log(
    `restored ${path.basename(file)} into ${where} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
