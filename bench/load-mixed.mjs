#!/usr/bin/env node
// Mixed load benchmark (issue 8, point 6): a constant request rate (open model) of mixed reads and writes against the
// built API on the PostgreSQL server with the 10× data set, beside the bare baseline at the same rate, in one run.
//
//   npm run bench:load                 builds the API, then runs this script (50 requests/s for 60 s)
//   npm run bench:load -- --soak       the same for 10 minutes, and the memory growth (first vs last minute)
//   node bench/load-mixed.mjs [--rate 50] [--duration 60] [--warmup 5] [--soak] [--baseline-duration 60]
//        [--pool 10] [--seed 1] [--organisations 20000] [--people 50000] [--functions 50000] [--log-level warn]
//        [--exclude 'region page,…'] [--keep-db] [--skip-baseline] [--json bench/results/load-mixed-<time>.json] [--dist dist/apps/api]
//   (or env BENCH_RATE, BENCH_DURATION, BENCH_POOL, BENCH_SEED, BENCH_TIME_LIMIT, BENCH_DATABASE_URL)
//
// 1. Creates a throwaway database on the server of BENCH_DATABASE_URL (an admin connection, default
//    postgres://postgres@127.0.0.1:5432/postgres), starts a private copy of the built API on it (migrations, reference
//    data, demo seed with the demo accounts: NODE_ENV=test), and fills the 10× data set of bench/ten-times-data.mjs.
// 2. Restarts the API clean, signs in as the demo zorgcoördinator (sender), ontvanger (receiver) and landelijk monitor
//    through the real endpoints (password + TOTP), and sends requests at a fixed rate whatever the answers (open model:
//    request i leaves at start + i / rate; latency counts from that planned moment, so a slow server cannot hide its
//    queue). The mix: directory search, region page (`/regions/{id}/chain`), matrix lookup ("Wie moet ik bellen?"),
//    dashboard (monitoring Kader overview and hand-off figures), hand-off create (with an Idempotency-Key) and
//    hand-off transitions (send → accept → start → complete, CSRF header, each hand-off moved by one request at a
//    time, so no version conflicts are expected).
// 3. Samples VmRSS of the API every second and reads VmHWM (peak) at the end; --soak runs 10 minutes and compares
//    the mean RSS of the first and the last minute.
// 4. Runs the bare baseline (bench/baseline-server.mjs: node:http + pg) at the same rate: the same search requests,
//    and for every other request a bare round trip (`/health`: SELECT 1) — the floor of node + pg on this machine.
// 5. Prints p50/p95/p99 per endpoint, errors, peak memory and the targets (reads p95 ≤ 100 ms, writes p95 ≤ 200 ms,
//    0 errors, memory ≤ 300 MB, soak growth ≤ 10%), writes JSON to bench/results/ (git-ignored), drops the database.
// Loopback only; bounded by BENCH_TIME_LIMIT (default 1500 s, 2400 s with --soak). Exit code 1 when the run failed
// (not when a target is missed: that is a finding, reported in the output).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
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
import { DEMO, signIn } from './demo-session.mjs';
import { buildWorkload, fill, FORMS, GROUPS, prng } from './ten-times-data.mjs';

const API = '/api/v1';
const BASELINE = path.join(ROOT, 'bench/baseline-server.mjs');
const TARGETS = { readP95Ms: 100, writeP95Ms: 200, errors: 0, memoryMb: 300, soakGrowth: 0.1 };

// ---------------------------------------------------------------------------------------------- options
const { values: args } = parseArgs({
  options: {
    rate: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    soak: { type: 'boolean', default: false },
    'baseline-duration': { type: 'string' },
    pool: { type: 'string' },
    seed: { type: 'string' },
    organisations: { type: 'string' },
    people: { type: 'string' },
    functions: { type: 'string' },
    'log-level': { type: 'string' },
    'time-limit': { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
    'skip-baseline': { type: 'boolean', default: false },
    exclude: { type: 'string' },
    json: { type: 'string' },
    dist: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) printUsageAndExit(import.meta.url);
const startedAt = new Date();
const durationSeconds = numberOption(args, 'duration', 'BENCH_DURATION', args.soak ? 600 : 60, 5);
const OPTIONS = {
  rate: numberOption(args, 'rate', 'BENCH_RATE', 50, 1),
  durationSeconds,
  warmupSeconds: numberOption(args, 'warmup', undefined, 5, 0),
  soak: args.soak,
  baselineSeconds: numberOption(args, 'baseline-duration', undefined, 60, 5),
  pool: numberOption(args, 'pool', 'BENCH_POOL', 10, 1),
  seed: numberOption(args, 'seed', 'BENCH_SEED', 1, 0),
  organisations: numberOption(args, 'organisations', undefined, 20_000, 0),
  people: numberOption(args, 'people', undefined, 50_000, 0),
  functions: numberOption(args, 'functions', undefined, 50_000, 0),
  timeLimitSeconds: numberOption(args, 'time-limit', 'BENCH_TIME_LIMIT', args.soak ? 2400 : 1500, 60),
  logLevel: args['log-level'] ?? 'warn',
  keepDb: args['keep-db'],
  skipBaseline: args['skip-baseline'],
  dist: path.resolve(ROOT, args.dist ?? 'dist/apps/api'),
  jsonOut: path.resolve(
    ROOT,
    args.json ?? `bench/results/load-mixed-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  ),
};
const { adminUrl: ADMIN_URL, name: DB_NAME, url: DB_URL } = throwawayDatabase('ketenkaart_bench_load');

/** The mix: [endpoint, weight, kind]. Weights are shares of the request rate; --exclude drops endpoints. */
const EXCLUDED = (args.exclude ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const FULL_MIX = [
  ['search', 20, 'read'],
  ['region page', 20, 'read'],
  ['matrix lookup', 20, 'read'],
  ['dashboard', 15, 'read'],
  ['hand-off create', 10, 'write'],
  ['hand-off transition', 15, 'write'],
];
for (const name of EXCLUDED) {
  if (!FULL_MIX.some(([endpoint]) => endpoint === name)) {
    console.error(`--exclude: unknown endpoint '${name}' (one of: ${FULL_MIX.map(([e]) => e).join(', ')})`);
    process.exit(2);
  }
}
const MIX = FULL_MIX.filter(([name]) => !EXCLUDED.includes(name));

// ---------------------------------------------------------------------------------------------- helpers

const AGENT = new http.Agent({ keepAlive: true, maxSockets: 512 });
/** One HTTP request; resolves { status, body (parsed JSON or text), headers } or rejects (network, timeout). */
function request(base, { method = 'GET', path: requestPath, headers = {}, body, timeoutMs = 30_000 }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${base}${requestPath}`,
      {
        method,
        agent: AGENT,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          accept: 'application/json',
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: response.statusCode, body: parsed, headers: response.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// ---------------------------------------------------------------------------------------------- build snapshot

// ---------------------------------------------------------------------------------------------- server processes
class Server {
  /** kind: 'api' | 'baseline' */
  constructor(kind, build, workDir) {
    this.kind = kind;
    this.build = build;
    this.logFile = path.join(workDir, `${kind}.log`);
  }

  async start() {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    const log = openSync(this.logFile, 'a');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const started = performance.now();
    this.child =
      this.kind === 'api'
        ? spawn(process.execPath, [this.build.main], {
            cwd: ROOT,
            stdio: ['ignore', log, log],
            env: {
              ...env,
              // 'test', not 'production': only then are the demo accounts seeded that the workload signs in as.
              NODE_ENV: 'test',
              PORT: String(this.port),
              DATABASE_URL: DB_URL,
              DATABASE_POOL_SIZE: String(OPTIONS.pool),
              PUBLIC_URL: this.base,
              SESSION_COOKIE_SECURE: 'false',
              ADMIN_TOKEN: '',
              WEB_DIST_DIR: '',
              LOG_LEVEL: OPTIONS.logLevel,
              LOG_FORMAT: 'json',
              DEMO_SEED: 'true',
            },
          })
        : spawn(
            process.execPath,
            [
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
    // Never leave a server behind, even when this process dies without running its cleanup.
    const child = this.child;
    process.once('exit', () => child.kill('SIGKILL'));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = started + 180_000;
    while (performance.now() < deadline) {
      const exit = await Promise.race([this.exited, sleep(250).then(() => null)]);
      if (exit)
        throw new Error(`${this.kind} exited during start (${exit.code}/${exit.signal}):\n${this.logTail()}`);
      try {
        if ((await request(this.base, { path: `${API}/health`, timeoutMs: 2_000 })).status === 200)
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

// ---------------------------------------------------------------------------------------------- workload
function handoffBody(receiverId, rng) {
  return {
    pathCode: 'riec-intake',
    receiver: { organisationId: receiverId },
    municipalityCode: rng.pick(['GM0363', 'GM0384', 'GM0437', 'GM0358', 'GM0362']),
    exploitationForm: rng.pick(FORMS.filter((form) => form !== 'gedwongen-orgaanverwijdering')),
    targetGroup: rng.pick(['nl-adult', 'eu-adult', 'non-eu-adult']),
    minor: false,
    ageBand: '24-plus',
    consent: { given: false },
    legalBasis: 'riec-convenant',
    notes: 'Benchmark: signaal via wijkteam; schoonmaakbedrijf, meerdere arbeiders.',
  };
}
/** The hand-off life the workload walks: who moves it, to what. */
const LIFE = [
  ['send', 'sender'],
  ['accept', 'receiver'],
  ['start', 'receiver'],
  ['complete', 'receiver'],
];

/**
 * The request planner: for request i, which endpoint and what request. `target` 'api' uses sessions and writes;
 * 'baseline' sends the same search requests and a bare round trip for everything else.
 */
function planner({ target, workload, data, sessions, receiverId, rng }) {
  const regions = data.regions.filter((region) => region.members.length > 0);
  const gms = data.municipalities.map((municipality) => municipality.code);
  const needs = ['opvang', 'aangifte', 'verblijf', 'zorgcoordinatie', 'bestuurlijke-interventie', 'advies'];
  const periods = ['2025-H1', '2025-H2'];
  const table = MIX.map(([name, weight]) => [name, weight]);
  /** Hand-offs that wait for their next move (none is moved by two requests at once). */
  const ready = [];
  let dashboards = 0;
  return function next() {
    let endpoint = rng.weighted(table);
    if (endpoint === 'hand-off transition' && target === 'api' && ready.length === 0)
      endpoint = 'hand-off create';
    if (target === 'baseline' && endpoint !== 'search')
      return { endpoint, options: { path: `${API}/health` } };
    switch (endpoint) {
      case 'search':
        return { endpoint, options: { path: rng.pick(workload.search) } };
      case 'region page':
        return { endpoint, options: { path: `${API}/regions/${rng.pick(regions).id}/chain` } };
      case 'matrix lookup': {
        const query = new URLSearchParams({
          gm: rng.pick(gms),
          form: rng.pick(FORMS),
          targetGroup: rng.pick(GROUPS),
          need: rng.pick(needs),
        });
        return { endpoint, options: { path: `${API}/responsibilities/lookup?${query}` } };
      }
      case 'dashboard': {
        dashboards += 1;
        if (dashboards % 2 === 0)
          return {
            endpoint,
            options: { path: `${API}/monitoring/handoff-figures`, headers: sessions.monitor.get() },
          };
        const query = new URLSearchParams({ period: rng.pick(periods) });
        if (rng.chance(0.5)) query.set('region', rng.pick(data.vrs).id);
        return { endpoint, options: { path: `${API}/monitoring/kader?${query}` } };
      }
      case 'hand-off create':
        return {
          endpoint,
          options: {
            method: 'POST',
            path: `${API}/handoffs`,
            headers: { ...sessions.sender.write(), 'idempotency-key': randomUUID() },
            body: handoffBody(receiverId, rng),
          },
          after: (response) => {
            if (response.status === 201)
              ready.push({ id: response.body.id, version: response.body.version, step: 0 });
          },
        };
      default: {
        const handoff = ready.splice(rng.int(ready.length), 1)[0];
        const [transition, party] = LIFE[handoff.step];
        return {
          endpoint,
          options: {
            method: 'POST',
            path: `${API}/handoffs/${handoff.id}/transitions`,
            headers: sessions[party].write(),
            body: { transition, version: handoff.version },
          },
          after: (response) => {
            if (response.status === 200 && handoff.step + 1 < LIFE.length)
              ready.push({ ...handoff, version: response.body.version, step: handoff.step + 1 });
            // On failure the hand-off leaves the workload (counted as an error).
          },
        };
      }
    }
  };
}

/**
 * Open model: request i leaves at t0 + i / rate, whatever happened to the others. Latency is measured from that
 * planned moment (no coordinated omission). Memory of `pid` is sampled every second.
 */
async function runAtRate(base, next, { rate, seconds, pid, label, progress = false }) {
  const results = [];
  const samples = [];
  const total = Math.round(rate * seconds);
  const inFlight = new Set();
  const t0 = performance.now();
  const cpuBefore = cpuMsOf(pid);
  const sampler = setInterval(() => {
    const { rssKb } = memoryOf(pid);
    samples.push({ t: (performance.now() - t0) / 1000, rssKb });
  }, 1_000);
  let lastReport = 0;
  for (let index = 0; index < total; index += 1) {
    const planned = t0 + (index * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 1) await sleep(wait);
    const { endpoint, options, after } = next();
    const promise = request(base, options)
      .then((response) => {
        const ms = performance.now() - planned;
        after?.(response);
        const ok = response.status >= 200 && response.status < 300;
        results.push({ endpoint, ms, status: response.status, ok, at: planned - t0 });
        if (!ok && results.filter((r) => !r.ok).length <= 5)
          console.log(
            `  ${label}: ${endpoint} ${options.method ?? 'GET'} ${options.path} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
          );
      })
      .catch((error) => {
        results.push({
          endpoint,
          ms: performance.now() - planned,
          status: 0,
          ok: false,
          error: String(error?.message ?? error),
          at: planned - t0,
        });
      })
      .finally(() => inFlight.delete(promise));
    inFlight.add(promise);
    if (progress && planned - t0 - lastReport >= 60_000) {
      lastReport = planned - t0;
      const { rssKb } = memoryOf(pid);
      console.log(
        `  ${label}: ${Math.round(lastReport / 1000)} s, ${results.length} answered, ${inFlight.size} in flight, RSS ${fmtMb(rssKb)}, load ${loadAverage()}`,
      );
    }
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  const elapsed = (performance.now() - t0) / 1000;
  const cpuMs = cpuMsOf(pid) - cpuBefore;
  return { results, samples, elapsedSeconds: elapsed, sent: total, cpuMsPerRequest: cpuMs / total };
}

function summarise(results) {
  const byEndpoint = {};
  for (const [name] of MIX) {
    const rows = results.filter((r) => r.endpoint === name);
    const sorted = rows.map((r) => r.ms).sort((a, b) => a - b);
    const statuses = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    byEndpoint[name] = {
      requests: rows.length,
      errors: rows.filter((r) => !r.ok).length,
      statuses,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
    };
  }
  const all = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    byEndpoint,
    all: {
      requests: results.length,
      errors: results.filter((r) => !r.ok).length,
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      p99: percentile(all, 99),
    },
  };
}

function memorySummary(samples, hwmKb, soak) {
  const rss = samples.map((s) => s.rssKb).filter(Number.isFinite);
  const mean = (list) => list.reduce((sum, v) => sum + v, 0) / list.length;
  const out = { peakRssKb: Math.max(...rss), vmHwmKb: hwmKb, samples: rss.length };
  if (soak && samples.length >= 120) {
    const end = samples.at(-1).t;
    const first = samples.filter((s) => s.t <= 60).map((s) => s.rssKb);
    const last = samples.filter((s) => s.t > end - 60).map((s) => s.rssKb);
    out.firstMinuteRssKb = mean(first);
    out.lastMinuteRssKb = mean(last);
    out.growth = out.lastMinuteRssKb / out.firstMinuteRssKb - 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- main
async function main(cleanup) {
  const runStarted = performance.now();
  const rng = prng(OPTIONS.seed);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-bench-load-'));
  const build = snapshotBuild(OPTIONS.dist, 'load');
  cleanup.push(() => build.remove());
  console.log(
    `Ketenkaart mixed load benchmark: ${OPTIONS.rate} requests/s (open model) for ${OPTIONS.durationSeconds} s` +
      `${OPTIONS.soak ? ' (soak)' : ''}, warm-up ${OPTIONS.warmupSeconds} s, pool ${OPTIONS.pool}; ${os.cpus().length} cores, ` +
      `load average ${loadAverage()}\nmix ${MIX.map(([name, weight]) => `${name} ${weight}%`).join(', ')}\n` +
      `database ${DB_NAME} on ${new URL(ADMIN_URL).host}; logs in ${workDir}`,
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

  // 1. Schema, reference data and demo seed through the API itself, then the 10× fill.
  const servers = [];
  cleanup.push(async () => Promise.all(servers.map((server) => server.stop())));
  const setupApi = new Server('api', build, workDir);
  servers.push(setupApi);
  const setupMs = await setupApi.start();
  console.log(`API started (migrations, reference data, demo seed) in ${fmtMs(setupMs)}`);
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  cleanup.push(() => client.end().catch(() => undefined));
  const fillStarted = performance.now();
  const data = await fill(client, rng, OPTIONS);
  const size = (await client.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`))
    .rows[0].size;
  console.log(
    `filled in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s: ${data.counts.organisations} organisations, ` +
      `${data.counts.people} people, ${data.counts.functions} function assignments; database ${size}`,
  );
  const workload = buildWorkload(data, rng);
  const [{ organisation_id: receiverId } = {}] = (
    await client.query(`SELECT organisation_id FROM account WHERE email = $1`, [DEMO.ontvanger.email])
  ).rows;
  if (!receiverId)
    throw new Error('the demo ontvanger has no organisation: is the hand-off demo seed missing?');
  await setupApi.stop();

  // 2. A clean API process for the measurement.
  const api = new Server('api', build, workDir);
  servers.push(api);
  await api.start();
  const sessions = {
    sender: await signIn(api.base, DEMO.zorgcoordinator),
    receiver: await signIn(api.base, DEMO.ontvanger),
    monitor: await signIn(api.base, DEMO.monitor),
  };
  const idleRssKb = memoryOf(api.pid).rssKb;
  const apiNext = planner({ target: 'api', workload, data, sessions, receiverId, rng });
  // Service time: the same mix one request at a time (no queue), to tell cost from queueing under the rate.
  const serviceTimes = [];
  for (let index = 0; index < 120; index += 1) {
    const { endpoint, options, after } = apiNext();
    const began = performance.now();
    const response = await request(api.base, options);
    serviceTimes.push({
      endpoint,
      ms: performance.now() - began,
      status: response.status,
      ok: response.status < 300,
    });
    after?.(response);
  }
  const service = summarise(serviceTimes).byEndpoint;
  console.log(
    `service time one at a time (median): ${MIX.map(([name]) => `${name} ${fmtMs(service[name].p50)}`).join(', ')}`,
  );
  if (OPTIONS.warmupSeconds > 0)
    await runAtRate(api.base, apiNext, {
      rate: OPTIONS.rate,
      seconds: OPTIONS.warmupSeconds,
      pid: api.pid,
      label: 'warm-up',
    });
  console.log(`measuring the API for ${OPTIONS.durationSeconds} s (load ${loadAverage()}) …`);
  const apiRun = await runAtRate(api.base, apiNext, {
    rate: OPTIONS.rate,
    seconds: OPTIONS.durationSeconds,
    pid: api.pid,
    label: 'API',
    progress: OPTIONS.durationSeconds > 90,
  });
  const apiHwmKb = memoryOf(api.pid).hwmKb;
  const loadAfterApi = loadAverage();
  const stored = (
    await client.query(
      `SELECT count(*)::int AS handoffs, count(*) FILTER (WHERE state = 'afgerond')::int AS completed FROM handoff`,
    )
  ).rows[0];
  await api.stop();

  // 3. The bare baseline at the same rate.
  let baselineRun = null;
  let baselineHwmKb = NaN;
  if (!OPTIONS.skipBaseline) {
    const baseline = new Server('baseline', build, workDir);
    servers.push(baseline);
    await baseline.start();
    const baselineNext = planner({ target: 'baseline', workload, data, sessions: null, receiverId, rng });
    if (OPTIONS.warmupSeconds > 0)
      await runAtRate(baseline.base, baselineNext, {
        rate: OPTIONS.rate,
        seconds: OPTIONS.warmupSeconds,
        pid: baseline.pid,
        label: 'warm-up',
      });
    console.log(`measuring the baseline for ${OPTIONS.baselineSeconds} s (load ${loadAverage()}) …`);
    baselineRun = await runAtRate(baseline.base, baselineNext, {
      rate: OPTIONS.rate,
      seconds: OPTIONS.baselineSeconds,
      pid: baseline.pid,
      label: 'baseline',
    });
    baselineHwmKb = memoryOf(baseline.pid).hwmKb;
    await baseline.stop();
  }

  // 4. Report.
  const apiSummary = summarise(apiRun.results);
  const apiMemory = memorySummary(apiRun.samples, apiHwmKb, OPTIONS.soak);
  const baselineSummary = baselineRun ? summarise(baselineRun.results) : null;
  const baselineMemory = baselineRun ? memorySummary(baselineRun.samples, baselineHwmKb, false) : null;
  const header = [
    'endpoint',
    'server',
    'requests',
    'p50',
    'p95',
    'p99',
    'max',
    'errors',
    'alone p50',
    'target p95',
    '',
  ];
  const rows = [];
  for (const [name, , kind] of MIX) {
    const entry = apiSummary.byEndpoint[name];
    const limit = kind === 'read' ? TARGETS.readP95Ms : TARGETS.writeP95Ms;
    rows.push([
      name,
      'API',
      String(entry.requests),
      fmtMs(entry.p50),
      fmtMs(entry.p95),
      fmtMs(entry.p99),
      fmtMs(entry.max),
      String(entry.errors),
      fmtMs(service[name].p50),
      `≤ ${limit} ms`,
      entry.p95 <= limit && entry.errors === 0 ? 'met' : 'MISSED',
    ]);
  }
  if (baselineSummary) {
    const bareRows = baselineRun.results.filter((r) => r.endpoint !== 'search');
    const bare = summarise(bareRows.map((r) => ({ ...r, endpoint: 'search' }))).byEndpoint.search;
    const search = baselineSummary.byEndpoint.search;
    rows.push([
      'search',
      'baseline',
      String(search.requests),
      fmtMs(search.p50),
      fmtMs(search.p95),
      fmtMs(search.p99),
      fmtMs(search.max),
      String(search.errors),
      '',
      '',
      '',
    ]);
    rows.push([
      'bare round trip (SELECT 1)',
      'baseline',
      String(bare.requests),
      fmtMs(bare.p50),
      fmtMs(bare.p95),
      fmtMs(bare.p99),
      fmtMs(bare.max),
      String(bare.errors),
      '',
      '',
      '',
    ]);
  }
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const line = (row) =>
    `| ${row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(
    `\nResults (${OPTIONS.rate} requests/s for ${OPTIONS.durationSeconds} s; latency from the planned send time)`,
  );
  console.log(line(table[0]));
  console.log(
    `|${widths.map((width, column) => (column < 2 ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`,
  );
  for (const row of table.slice(1)) console.log(line(row));

  const reads = MIX.filter(([, , kind]) => kind === 'read').map(([name]) => apiSummary.byEndpoint[name]);
  const writes = MIX.filter(([, , kind]) => kind === 'write').map(([name]) => apiSummary.byEndpoint[name]);
  const worst = (list) => Math.max(...list.map((entry) => entry.p95).filter(Number.isFinite));
  const verdict = (ok) => (ok ? 'MET' : 'MISSED');
  const checks = {
    readP95: worst(reads) <= TARGETS.readP95Ms,
    writeP95: worst(writes) <= TARGETS.writeP95Ms,
    errors: apiSummary.all.errors === 0,
    memory: apiHwmKb / 1024 <= TARGETS.memoryMb,
    ...(OPTIONS.soak ? { soakGrowth: apiMemory.growth <= TARGETS.soakGrowth } : {}),
  };
  const achievedRate = apiRun.sent / apiRun.elapsedSeconds;
  console.log(`
all API requests    ${apiSummary.all.requests} in ${apiRun.elapsedSeconds.toFixed(1)} s (${achievedRate.toFixed(1)}/s incl. the tail), p50 ${fmtMs(apiSummary.all.p50)}, p95 ${fmtMs(apiSummary.all.p95)}, p99 ${fmtMs(apiSummary.all.p99)}, errors ${apiSummary.all.errors}
server CPU/request  API ${apiRun.cpuMsPerRequest.toFixed(1)} ms (one core serves at most ~${Math.floor(1000 / apiRun.cpuMsPerRequest)} requests/s of this mix)${baselineRun ? `, baseline ${baselineRun.cpuMsPerRequest.toFixed(1)} ms` : ''}
hand-offs stored    ${stored.handoffs} (${stored.completed} walked to afgerond)
memory API          VmHWM ${fmtMb(apiHwmKb)} (peak sampled RSS ${fmtMb(apiMemory.peakRssKb)}, idle after start ${fmtMb(idleRssKb)})${baselineMemory ? `; baseline VmHWM ${fmtMb(baselineHwmKb)}` : ''}${
    OPTIONS.soak
      ? `\nsoak memory         mean RSS first minute ${fmtMb(apiMemory.firstMinuteRssKb)}, last minute ${fmtMb(apiMemory.lastMinuteRssKb)}: growth ${(apiMemory.growth * 100).toFixed(1)}%`
      : ''
  }
target reads p95 ≤ ${TARGETS.readP95Ms} ms:   ${verdict(checks.readP95)} (worst read p95 ${fmtMs(worst(reads))})
target writes p95 ≤ ${TARGETS.writeP95Ms} ms:  ${verdict(checks.writeP95)} (worst write p95 ${fmtMs(worst(writes))})
target 0 errors:              ${verdict(checks.errors)} (${apiSummary.all.errors})
target memory ≤ ${TARGETS.memoryMb} MB:        ${verdict(checks.memory)} (${fmtMb(apiHwmKb)})${
    OPTIONS.soak
      ? `\ntarget soak growth ≤ ${TARGETS.soakGrowth * 100}%:     ${verdict(checks.soakGrowth)} (${(apiMemory.growth * 100).toFixed(1)}%)`
      : ''
  }
data                ${data.counts.organisations} organisations, ${data.counts.people} people, ${data.counts.functions} function assignments, ${size}
machine             ${os.cpus().length} cores, load average after the API run ${loadAfterApi}, at the end ${loadAverage()} (1/5/15 min); PostgreSQL, the load generator and the servers share these cores
total time          ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);

  const figures = {
    startedAt: startedAt.toISOString(),
    options: OPTIONS,
    mix: MIX,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      loadAverageAtEnd: os.loadavg(),
      node: process.version,
    },
    database: { counts: data.counts, size },
    api: {
      serviceTime: service,
      summary: apiSummary,
      memory: apiMemory,
      idleRssKb,
      cpuMsPerRequest: apiRun.cpuMsPerRequest,
      elapsedSeconds: apiRun.elapsedSeconds,
      stored,
      rssSamples: apiRun.samples,
    },
    baseline: baselineRun ? { summary: baselineSummary, memory: baselineMemory } : null,
    targets: { ...TARGETS, met: checks },
  };
  mkdirSync(path.dirname(OPTIONS.jsonOut), { recursive: true });
  writeFileSync(OPTIONS.jsonOut, JSON.stringify(figures, null, 2));
  console.log(`JSON: ${path.relative(ROOT, OPTIONS.jsonOut)}`);
  rmSync(workDir, { recursive: true, force: true });
  if (apiSummary.all.requests !== apiRun.sent || (baselineSummary && baselineSummary.all.errors > 0)) {
    console.log('\nFAIL: requests went unanswered or the baseline failed (see above).');
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
