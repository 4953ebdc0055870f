// Shared pieces of the benchmarks (bench/directory.mjs, bench/handoffs.mjs, bench/load-mixed.mjs): a throwaway
// database on a loopback PostgreSQL server, a private copy of the built API, free ports, percentiles, and the
// CPU and memory of a process read from /proc.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN_IN_DIST = 'apps/api/src/main.js';
export const DOMAIN_IN_DIST = 'libs/shared/domain/src/index.js';

/**
 * A database name and URL on the server of BENCH_DATABASE_URL (an admin connection, default
 * postgres://postgres@127.0.0.1:5432/postgres); exits when that server is not on loopback.
 */
export function throwawayDatabase(prefix) {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const host = new URL(adminUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    console.error(`BENCH_DATABASE_URL must point at a loopback server (got host ${host})`);
    process.exit(2);
  }
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { adminUrl, name, url: url.toString() };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const fmtMs = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 100 ? 1 : 0)} ms` : '–');
export const fmtMb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : '–');
export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

/** /proc/<pid>/status: VmRSS (now) and VmHWM (peak over the process's life), in kB. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  } catch {
    return { rssKb: NaN, hwmKb: NaN };
  }
}

/** User + system CPU time of a process, in ms. */
export function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return NaN;
  }
}

/**
 * A private copy of the built API in `dist` (other engineers may rebuild dist/ meanwhile: nx build starts with
 * rm -rf). Refuses a build that is only half written: path aliases not rewritten, or the shared domain missing.
 */
export function snapshotBuild(dist, name) {
  if (!existsSync(path.join(dist, MAIN_IN_DIST))) {
    throw new Error(`no build at ${dist}; run \`npx nx run api:build\` first (npm run bench:${name} does)`);
  }
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const copy = mkdtempSync(path.join(ROOT, 'tmp', `bench-${name}-`));
  cpSync(dist, copy, { recursive: true });
  const unresolved = readdirSync(copy, { recursive: true })
    .filter((file) => String(file).endsWith('.js'))
    .some((file) => readFileSync(path.join(copy, String(file)), 'utf8').includes('require("@ketenkaart/'));
  if (
    unresolved ||
    !existsSync(path.join(copy, MAIN_IN_DIST)) ||
    !existsSync(path.join(copy, DOMAIN_IN_DIST))
  ) {
    rmSync(copy, { recursive: true, force: true });
    throw new Error(`the build in ${dist} is incomplete; is another build running?`);
  }
  return {
    dir: copy,
    main: path.join(copy, MAIN_IN_DIST),
    domain: path.join(copy, DOMAIN_IN_DIST),
    remove: () => rmSync(copy, { recursive: true, force: true }),
  };
}

/** `--help`: prints the script's opening comment (its usage) and exits. */
export function printUsageAndExit(scriptUrl) {
  console.log(
    readFileSync(fileURLToPath(scriptUrl), 'utf8')
      .split('\nimport ')[0]
      .replace(/^#!.*\n/, '')
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(0);
}

/** A numeric option from `--name`, else the environment variable `envName` (if any), else `fallback`; exits 2 when invalid. */
export function numberOption(args, name, envName, fallback, min) {
  const raw = args[name] ?? (envName ? process.env[envName] : undefined);
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(
      `--${name}${envName ? ` / ${envName}` : ''} must be a number ≥ ${min} (got ${JSON.stringify(raw)})`,
    );
    process.exit(2);
  }
  return value;
}
