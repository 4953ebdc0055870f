#!/usr/bin/env node
// Directory benchmark (issue 3, "Performance"): search and organisation list at 10× realistic size, against the
// built API and against a bare `node:http` + `pg` baseline serving the same SQL, in the same run.
//
//   npm run bench:directory        builds the API, then runs this script
//   node bench/directory.mjs [--duration 20] [--connections 32] [--warmup 3] [--rounds 1] [--organisations 20000]
//        [--people 50000] [--functions 50000] [--pool 10] [--log-level info] [--seed 1] [--keep-db] [--explain]
//        [--json bench/results/directory-<time>.json] [--dist dist/apps/api]
//   (or env BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARMUP, BENCH_ROUNDS, BENCH_ORGANISATIONS, BENCH_PEOPLE,
//    BENCH_FUNCTIONS, BENCH_POOL, BENCH_LOG_LEVEL, BENCH_SEED, BENCH_TIME_LIMIT)
//
// 1. Creates a throwaway database on the PostgreSQL server of BENCH_DATABASE_URL (an admin connection, default
//    postgres://postgres@127.0.0.1:5432/postgres), starts a private copy of the built API against it once
//    (migrations, reference data, demo seed), then bulk-fills it to ≥ 20,000 organisations, 50,000 people and
//    50,000 function assignments (Dutch-looking names by type and gemeente, fictional people, served areas,
//    exploitation forms, target groups) with multi-row INSERTs, and ANALYZEs it.
// 2. Checks that bench/baseline-server.mjs sends the same SQL (text and parameters) as the API and returns the same
//    bodies, on a sample of requests (both run once with bench/capture-sql.cjs preloaded).
// 3. Restarts both servers clean (same pool size), warms them up, and runs autocannon at 32 connections for the
//    duration against /api/v1/search (varied queries, typos included) and /api/v1/organisations (filters), API and
//    baseline alternating. Reports p50/p95/p99, requests/s, errors/non-2xx, server CPU per request and peak RSS
//    (VmHWM, and VmRSS polled during each run), the machine's load average, and the targets of the issue:
//    search p95 ≤ 25 ms and API throughput ≥ 50% of the baseline's.
// 4. Prints a table, writes JSON to bench/results/ (git-ignored) and drops the database (also on failure or ^C).
// Loopback only; bounded by BENCH_TIME_LIMIT (default 1200 s). Exit code 1 when the run failed (not when a target
// is missed: that is a finding, reported in the output).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import {
  cpuMsOf,
  fmtMb,
  fmtMs,
  freePort,
  loadAverage,
  memoryOf,
  numberOption,
  percentile,
  printUsageAndExit,
  ROOT,
  snapshotBuild,
  throwawayDatabase,
} from './support.mjs';
import { buildWorkload, fill, prng } from './ten-times-data.mjs';

const API = '/api/v1';
const CAPTURE = path.join(ROOT, 'bench/capture-sql.cjs');
const BASELINE = path.join(ROOT, 'bench/baseline-server.mjs');
const TARGETS = { searchP95Ms: 25, throughputRatio: 0.5 };

// ---------------------------------------------------------------------------------------------- options
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    warmup: { type: 'string' },
    rounds: { type: 'string' },
    organisations: { type: 'string' },
    people: { type: 'string' },
    functions: { type: 'string' },
    pool: { type: 'string' },
    'log-level': { type: 'string' },
    seed: { type: 'string' },
    'time-limit': { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    json: { type: 'string' },
    dist: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) printUsageAndExit(import.meta.url);
const startedAt = new Date();
const OPTIONS = {
  durationSeconds: numberOption(args, 'duration', 'BENCH_DURATION', 20, 1),
  connections: numberOption(args, 'connections', 'BENCH_CONNECTIONS', 32, 1),
  warmupSeconds: numberOption(args, 'warmup', 'BENCH_WARMUP', 3, 0),
  rounds: numberOption(args, 'rounds', 'BENCH_ROUNDS', 1, 1),
  organisations: numberOption(args, 'organisations', 'BENCH_ORGANISATIONS', 20_000, 0),
  people: numberOption(args, 'people', 'BENCH_PEOPLE', 50_000, 0),
  functions: numberOption(args, 'functions', 'BENCH_FUNCTIONS', 50_000, 0),
  pool: numberOption(args, 'pool', 'BENCH_POOL', 10, 1),
  seed: numberOption(args, 'seed', 'BENCH_SEED', 1, 0),
  timeLimitSeconds: numberOption(args, 'time-limit', 'BENCH_TIME_LIMIT', 1200, 60),
  logLevel: args['log-level'] ?? process.env.BENCH_LOG_LEVEL ?? 'info',
  keepDb: args['keep-db'],
  explain: args.explain,
  dist: path.resolve(ROOT, args.dist ?? 'dist/apps/api'),
  jsonOut: path.resolve(
    ROOT,
    args.json ?? `bench/results/directory-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  ),
};
const { adminUrl: ADMIN_URL, name: DB_NAME, url: DB_URL } = throwawayDatabase('ketenkaart_bench');

// ---------------------------------------------------------------------------------------------- helpers

const AGENT = new http.Agent({ keepAlive: true });
function get(url, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: AGENT, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------- build snapshot

// ---------------------------------------------------------------------------------------------- server processes
class Server {
  /** kind: 'api' | 'baseline'; sqlLog: file for bench/capture-sql.cjs, or undefined (measuring). */
  constructor(kind, build, workDir, sqlLog) {
    this.kind = kind;
    this.build = build;
    this.logFile = path.join(workDir, `${kind}.log`);
    this.sqlLog = sqlLog;
  }

  async start() {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    const log = openSync(this.logFile, 'a');
    const preload = this.sqlLog ? ['--require', CAPTURE] : [];
    const env = { ...process.env, BENCH_SQL_LOG: this.sqlLog ?? '' };
    delete env.NODE_OPTIONS;
    const started = performance.now();
    if (this.kind === 'api') {
      this.child = spawn(process.execPath, [...preload, this.build.main], {
        cwd: ROOT,
        stdio: ['ignore', log, log],
        env: {
          ...env,
          NODE_ENV: 'production',
          PORT: String(this.port),
          DATABASE_URL: DB_URL,
          DATABASE_POOL_SIZE: String(OPTIONS.pool),
          ADMIN_TOKEN: '',
          WEB_DIST_DIR: '',
          LOG_LEVEL: OPTIONS.logLevel,
          LOG_FORMAT: 'json',
          DEMO_SEED: 'true',
          // While capturing SQL for the fidelity check, no background jobs: their statements would mix into the
          // capture (an overdue scan falling due during the sampled requests made the check fail).
          ...(this.sqlLog ? { JOB_POLL_INTERVAL_MS: '0' } : {}),
        },
      });
    } else {
      this.child = spawn(
        process.execPath,
        [
          ...preload,
          BASELINE,
          '--database-url',
          DB_URL,
          '--port',
          String(this.port),
          '--pool',
          String(OPTIONS.pool),
          '--domain',
          this.build.domain,
        ],
        { cwd: ROOT, stdio: ['ignore', log, log], env },
      );
    }
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = started + 180_000;
    while (performance.now() < deadline) {
      const exit = await Promise.race([this.exited, sleep(250).then(() => null)]);
      if (exit)
        throw new Error(`${this.kind} exited during start (${exit.code}/${exit.signal}):\n${this.logTail()}`);
      try {
        if ((await get(`${this.base}${API}/health`, 2_000)).status === 200)
          return performance.now() - started;
      } catch {
        // not listening yet
      }
    }
    throw new Error(`${this.kind} not healthy within 180 s:\n${this.logTail()}`);
  }

  get pid() {
    return this.child?.pid;
  }

  get alive() {
    return this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop() {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const exit = await Promise.race([this.exited, sleep(15_000).then(() => null)]);
    if (!exit) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  logTail(lines = 20) {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

// ---------------------------------------------------------------------------------------------- fidelity check
const normalise = (text) => text.replace(/\s+/g, ' ').trim();
function readSqlLog(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map((entry) => ({ text: normalise(entry.text), params: entry.params }));
}

async function checkFidelity(api, baseline, paths) {
  const mismatches = [];
  let checked = 0;
  for (const requestPath of paths) {
    writeFileSync(api.sqlLog, '');
    writeFileSync(baseline.sqlLog, '');
    const fromApi = await get(`${api.base}${requestPath}`);
    const fromBaseline = await get(`${baseline.base}${requestPath}`);
    checked += 1;
    const sqlApi = readSqlLog(api.sqlLog);
    const sqlBaseline = readSqlLog(baseline.sqlLog);
    if (!isDeepStrictEqual(sqlApi, sqlBaseline)) {
      const at = sqlApi.findIndex((entry, index) => !isDeepStrictEqual(entry, sqlBaseline[index]));
      mismatches.push(
        `${requestPath}: SQL differs (API ${sqlApi.length} statements, baseline ${sqlBaseline.length}); first difference at #${at}:\n` +
          `      API:      ${JSON.stringify(sqlApi[at] ?? null).slice(0, 400)}\n` +
          `      baseline: ${JSON.stringify(sqlBaseline[at] ?? null).slice(0, 400)}`,
      );
      continue;
    }
    if (fromApi.status !== 200 || fromBaseline.status !== 200) {
      mismatches.push(
        `${requestPath}: status API ${fromApi.status}, baseline ${fromBaseline.status}: ${fromApi.text.slice(0, 200)}`,
      );
      continue;
    }
    if (!isDeepStrictEqual(JSON.parse(fromApi.text), JSON.parse(fromBaseline.text))) {
      mismatches.push(`${requestPath}: same SQL but different bodies`);
    }
  }
  return { checked, mismatches };
}

// ---------------------------------------------------------------------------------------------- load runs
async function measure(server, paths, seconds, label) {
  let cursor = Math.floor(Math.random() * paths.length);
  const latencies = [];
  const statuses = new Map();
  let peakRssKb = memoryOf(server.pid).rssKb;
  const sampler = setInterval(() => {
    const { rssKb } = memoryOf(server.pid);
    if (rssKb > peakRssKb) peakRssKb = rssKb;
  }, 200);
  const cpuBefore = cpuMsOf(server.pid);
  const load1Before = os.loadavg()[0];
  const instance = autocannon({
    url: server.base,
    connections: OPTIONS.connections,
    pipelining: 1,
    duration: seconds,
    timeout: 20,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          cursor = (cursor + 1) % paths.length;
          return { ...request, path: paths[cursor] };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  clearInterval(sampler);
  const cpuMs = cpuMsOf(server.pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const elapsedSeconds = result.duration;
  return {
    label,
    server: server.kind,
    requests,
    requestsPerSecond: requests / elapsedSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(statuses),
    serverCpuMsPerRequest: requests > 0 ? cpuMs / requests : NaN,
    serverCpuCores: cpuMs / 1000 / elapsedSeconds,
    peakRssKb,
    loadAverage1: [load1Before, os.loadavg()[0]],
    elapsedSeconds,
  };
}

/** Sums runs of the same server and endpoint (several rounds) into one row. */
function combine(runs) {
  if (runs.length === 1) return runs[0];
  const weight = (key) =>
    runs.reduce((sum, run) => sum + run[key] * run.requests, 0) / runs.reduce((s, r) => s + r.requests, 0);
  return {
    ...runs[0],
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    requestsPerSecond: runs.reduce((sum, run) => sum + run.requestsPerSecond, 0) / runs.length,
    p50: Math.max(...runs.map((run) => run.p50)),
    p95: Math.max(...runs.map((run) => run.p95)),
    p99: Math.max(...runs.map((run) => run.p99)),
    max: Math.max(...runs.map((run) => run.max)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    timeouts: runs.reduce((sum, run) => sum + run.timeouts, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    serverCpuMsPerRequest: weight('serverCpuMsPerRequest'),
    peakRssKb: Math.max(...runs.map((run) => run.peakRssKb)),
    rounds: runs,
  };
}

// ---------------------------------------------------------------------------------------------- EXPLAIN
/** Requests whose statements --explain shows with EXPLAIN (ANALYZE, BUFFERS) on the 10× data. */
function explainTargets(workload) {
  const picks = [
    `${API}/search?q=politie`,
    `${API}/search?q=${encodeURIComponent('zorgcoördinatie utrecht')}`,
    workload.organisations.find((p) => p.includes('region=') && p.includes('q=&')),
  ].filter(Boolean);
  return picks;
}

// ---------------------------------------------------------------------------------------------- main
async function main(cleanup) {
  const runStarted = performance.now();
  const rng = prng(OPTIONS.seed);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-bench-directory-'));
  const build = snapshotBuild(OPTIONS.dist, 'directory');
  cleanup.push(() => build.remove());
  console.log(
    `Ketenkaart directory benchmark: ${OPTIONS.connections} connections × ${OPTIONS.durationSeconds} s per run, ` +
      `${OPTIONS.rounds} round(s), pool ${OPTIONS.pool}, LOG_LEVEL=${OPTIONS.logLevel}; ${os.cpus().length} cores, ` +
      `load average ${loadAverage()} (1/5/15 min)\ndatabase ${DB_NAME} on ${new URL(ADMIN_URL).host}; logs in ${workDir}`,
  );

  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  cleanup.push(async () => {
    if (OPTIONS.keepDb) {
      console.log(`\nDatabase kept: ${DB_URL}`);
      return;
    }
    const dropper = new pg.Client({ connectionString: ADMIN_URL });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await dropper.end();
  });

  // 1. Schema and seed through the API itself, then the 10× fill.
  const apiSqlLog = path.join(workDir, 'api-sql.jsonl');
  const baselineSqlLog = path.join(workDir, 'baseline-sql.jsonl');
  const servers = [];
  cleanup.push(async () => Promise.all(servers.map((server) => server.stop())));
  const setupApi = new Server('api', build, workDir, apiSqlLog);
  servers.push(setupApi);
  const setupMs = await setupApi.start();
  console.log(`API started (migrations, reference data, demo seed) in ${fmtMs(setupMs)}`);
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  cleanup.push(() => client.end().catch(() => undefined));
  const fillStarted = performance.now();
  const data = await fill(client, rng, OPTIONS);
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  const size = (await client.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`))
    .rows[0].size;
  console.log(
    `filled in ${fillSeconds.toFixed(1)} s: ${data.counts.organisations} organisations, ${data.counts.people} people, ` +
      `${data.counts.functions} function assignments (${data.counts.currentFunctions} current); database ${size}`,
  );
  const workload = buildWorkload(data, rng);

  // 2. The baseline must run the API's SQL and return the API's bodies.
  const setupBaseline = new Server('baseline', build, workDir, baselineSqlLog);
  servers.push(setupBaseline);
  await setupBaseline.start();
  const sample = [...workload.search.slice(0, 12), ...workload.organisations.slice(0, 12)];
  const fidelity = await checkFidelity(setupApi, setupBaseline, sample);
  console.log(
    fidelity.mismatches.length === 0
      ? `baseline check: identical SQL (text and parameters) and bodies on ${fidelity.checked} requests`
      : `baseline check: ${fidelity.mismatches.length} of ${fidelity.checked} requests DIFFER:\n  - ${fidelity.mismatches.slice(0, 5).join('\n  - ')}`,
  );

  // Optional: plans of representative statements on the 10× data.
  const plans = [];
  if (OPTIONS.explain) {
    for (const requestPath of explainTargets(workload)) {
      writeFileSync(apiSqlLog, '');
      await get(`${setupApi.base}${requestPath}`);
      const statements = readSqlLog(apiSqlLog);
      for (const statement of statements) {
        if (!/^WITH hits|^SELECT .*FROM organisation o/.test(statement.text)) continue;
        // In the API's session settings: no JIT, and the search threshold of the request's transaction if any.
        await client.query('START TRANSACTION');
        await client.query(`SET LOCAL jit = off`);
        for (const setting of statements.filter((s) => s.text.startsWith('SELECT set_config(')))
          await client.query(setting.text, setting.params);
        const { rows } = await client
          .query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.params)
          .finally(() => client.query('ROLLBACK'));
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        plans.push({ path: requestPath, sql: statement.text, plan });
        console.log(`\nEXPLAIN ANALYZE for ${requestPath}\n${plan}`);
      }
    }
  }
  await Promise.all([setupApi.stop(), setupBaseline.stop()]);

  // 3. Clean processes for the measurement.
  const api = new Server('api', build, workDir);
  const baseline = new Server('baseline', build, workDir);
  servers.push(api, baseline);
  await api.start();
  await baseline.start();
  const idleRss = { api: memoryOf(api.pid).rssKb, baseline: memoryOf(baseline.pid).rssKb };
  const endpoints = [
    ['search', workload.search],
    ['organisations', workload.organisations],
  ];
  if (OPTIONS.warmupSeconds > 0) {
    for (const [name, paths] of endpoints) {
      for (const server of [api, baseline])
        await measure(server, paths, OPTIONS.warmupSeconds, `warm-up ${name}`);
    }
  }
  const runs = [];
  for (let round = 0; round < OPTIONS.rounds; round += 1) {
    for (const [name, paths] of endpoints) {
      // Alternate which server goes first, so a drift in the machine's load hits both alike.
      const order = round % 2 === 0 ? [api, baseline] : [baseline, api];
      for (const server of order) {
        const run = await measure(server, paths, OPTIONS.durationSeconds, name);
        runs.push({ ...run, endpoint: name, round });
        console.log(
          `  ${name.padEnd(13)} ${server.kind.padEnd(8)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  p95 ${fmtMs(run.p95)}  (load ${run.loadAverage1.map((n) => n.toFixed(1)).join('→')})`,
        );
      }
    }
  }
  const peakHwm = { api: memoryOf(api.pid).hwmKb, baseline: memoryOf(baseline.pid).hwmKb };
  await Promise.all([api.stop(), baseline.stop()]);

  // 4. Report.
  const rows = [];
  const summary = {};
  for (const [name] of endpoints) {
    const apiRun = combine(runs.filter((run) => run.endpoint === name && run.server === 'api'));
    const baseRun = combine(runs.filter((run) => run.endpoint === name && run.server === 'baseline'));
    summary[name] = {
      api: apiRun,
      baseline: baseRun,
      throughputRatio: apiRun.requestsPerSecond / baseRun.requestsPerSecond,
      p95Ratio: apiRun.p95 / baseRun.p95,
    };
    rows.push([name, 'API', apiRun], [name, 'baseline', baseRun]);
  }
  const header = [
    'endpoint',
    'server',
    'req/s',
    'p50',
    'p95',
    'p99',
    'max',
    'requests',
    'errors',
    'non-2xx',
    'CPU/req',
    'peak RSS',
  ];
  const table = [
    header,
    ...rows.map(([endpoint, server, run]) => [
      endpoint,
      server,
      run.requestsPerSecond.toFixed(0),
      fmtMs(run.p50),
      fmtMs(run.p95),
      fmtMs(run.p99),
      fmtMs(run.max),
      String(run.requests),
      String(run.errors + run.timeouts),
      String(run.non2xx),
      `${run.serverCpuMsPerRequest.toFixed(2)} ms`,
      fmtMb(run.peakRssKb),
    ]),
  ];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const line = (row) =>
    `| ${row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(
    `\nResults (${OPTIONS.connections} connections, ${OPTIONS.durationSeconds} s per run × ${OPTIONS.rounds})`,
  );
  console.log(line(table[0]));
  console.log(
    `|${widths.map((width, column) => (column < 2 ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`,
  );
  for (const row of table.slice(1)) console.log(line(row));

  const searchP95Met = summary.search.api.p95 <= TARGETS.searchP95Ms;
  const ratioMet = Object.fromEntries(
    Object.entries(summary).map(([name, entry]) => [name, entry.throughputRatio >= TARGETS.throughputRatio]),
  );
  const verdict = (ok) => (ok ? 'MET' : 'MISSED');
  console.log(`
API ÷ baseline      search: throughput ${(summary.search.throughputRatio * 100).toFixed(0)}%, p95 ×${summary.search.p95Ratio.toFixed(2)}; organisations: throughput ${(summary.organisations.throughputRatio * 100).toFixed(0)}%, p95 ×${summary.organisations.p95Ratio.toFixed(2)}
peak memory (VmHWM) API ${fmtMb(peakHwm.api)} (idle after start ${fmtMb(idleRss.api)}), baseline ${fmtMb(peakHwm.baseline)} (idle ${fmtMb(idleRss.baseline)})
target search p95 ≤ ${TARGETS.searchP95Ms} ms: ${verdict(searchP95Met)} (${fmtMs(summary.search.api.p95)})
target ≥ ${TARGETS.throughputRatio * 100}% of baseline throughput: search ${verdict(ratioMet.search)}, organisations ${verdict(ratioMet.organisations)}
baseline fidelity   ${fidelity.mismatches.length === 0 ? `identical SQL and bodies on ${fidelity.checked} sampled requests` : `${fidelity.mismatches.length} of ${fidelity.checked} sampled requests differ (ratios are suspect)`}
data                ${data.counts.organisations} organisations, ${data.counts.people} people, ${data.counts.functions} function assignments (${data.counts.currentFunctions} current), ${size}
machine             ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${loadAverage()} (1/5/15 min) at the end; PostgreSQL, the load generator and both servers share these cores
total time          ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);

  const figures = {
    startedAt: startedAt.toISOString(),
    options: OPTIONS,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryMb: Math.round(os.totalmem() / 1024 / 1024),
      loadAverageAtEnd: os.loadavg(),
      node: process.version,
    },
    database: { counts: data.counts, size, fillSeconds },
    fidelity,
    results: summary,
    peakMemoryKb: { vmHwm: peakHwm, idleRss },
    targets: {
      ...TARGETS,
      searchP95Met,
      throughputRatioMet: ratioMet,
    },
    plans,
  };
  mkdirSync(path.dirname(OPTIONS.jsonOut), { recursive: true });
  writeFileSync(OPTIONS.jsonOut, JSON.stringify(figures, null, 2));
  console.log(`JSON: ${path.relative(ROOT, OPTIONS.jsonOut)}`);
  rmSync(workDir, { recursive: true, force: true });
  const failed =
    fidelity.mismatches.length > 0 ||
    Object.values(summary).some(
      (entry) =>
        entry.api.errors + entry.api.timeouts + entry.api.non2xx > 0 ||
        entry.baseline.errors + entry.baseline.timeouts + entry.baseline.non2xx > 0,
    );
  if (failed) {
    console.log('\nFAIL: errors, non-2xx answers or a baseline that differs from the API (see above).');
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------- run, bounded
const cleanup = [];
let cleaning = null;
async function runCleanup() {
  cleaning ??= (async () => {
    for (const step of cleanup.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping and dropping the database …`);
    await runCleanup();
    process.exit(130);
  });
}
const watchdog = setTimeout(async () => {
  console.error(`\nTime limit of ${OPTIONS.timeLimitSeconds} s reached: aborting.`);
  await runCleanup();
  process.exit(1);
}, OPTIONS.timeLimitSeconds * 1000);
try {
  await main(cleanup);
} catch (error) {
  console.error(`\nAborted: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
} finally {
  await runCleanup();
  clearTimeout(watchdog);
  AGENT.destroy();
}
