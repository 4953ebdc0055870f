#!/usr/bin/env node
// Stress test of the embedded database mode (PGlite with a data dir on disk), against the real built process.
//
//   node bench/stress-embedded.mjs [--duration 30] [--clients 50] [--kill-seconds 5] [--max-requests 200000]
//   (or env STRESS_DURATION, STRESS_CLIENTS, STRESS_KILL_SECONDS, STRESS_MAX_REQUESTS, STRESS_SEED)
//   npm run test:stress    builds the API first, then runs this script.
//
// Phase 1 (load + SIGTERM): ≥ 50 clients run a mixed workload of reads and writes for the duration; then the
//   portal gets SIGTERM while requests are in flight. Every response must be 2xx, or 409 where a conflicting
//   version was sent on purpose; the requests in flight must finish; the process must exit (code 0) within 10 s.
// Phase 2 (restart): every acknowledged write (POST id/name/members, PATCH name/version/members) is read back.
// Phase 3 (kill -9): writes for a few seconds, SIGKILL while writes are in flight, restart, read everything back:
//   every acknowledged write is there; a write cut off by the kill is either absent or there in full.
// Exits 1 on any failure and prints a summary table. Loopback only; bounded by time and by request count.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API = '/api/v1';

// ---------------------------------------------------------------------------------------------- options
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    clients: { type: 'string' },
    'kill-seconds': { type: 'string' },
    'max-requests': { type: 'string' },
    'request-timeout': { type: 'string' },
    'shutdown-limit': { type: 'string' },
    seed: { type: 'string' },
    dist: { type: 'string' },
    'keep-data': { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\nimport ')[0]
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(0);
}
function numberOption(name, envName, fallback, min) {
  const raw = args[name] ?? process.env[envName];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`--${name} / ${envName} must be a number ≥ ${min} (got ${JSON.stringify(raw)})`);
    process.exit(2);
  }
  return value;
}
const OPTIONS = {
  durationSeconds: numberOption('duration', 'STRESS_DURATION', 30, 1),
  clients: numberOption('clients', 'STRESS_CLIENTS', 50, 1),
  killSeconds: numberOption('kill-seconds', 'STRESS_KILL_SECONDS', 5, 0),
  maxRequests: numberOption('max-requests', 'STRESS_MAX_REQUESTS', 200_000, 10),
  requestTimeoutMs: numberOption('request-timeout', 'STRESS_REQUEST_TIMEOUT', 20, 1) * 1000,
  shutdownLimitMs: numberOption('shutdown-limit', 'STRESS_SHUTDOWN_LIMIT', 10, 1) * 1000,
  seed: numberOption('seed', 'STRESS_SEED', Date.now() % 1_000_000, 0),
  dist: path.resolve(ROOT, args.dist ?? process.env.STRESS_DIST ?? 'dist/apps/api'),
  keepData: args['keep-data'] || process.env.STRESS_KEEP_DATA === '1',
  jsonOut: args.json ?? process.env.STRESS_JSON,
};
const ADMIN_TOKEN = `stress-admin-token-${OPTIONS.seed}-0123456789abcdef`;
const STARTUP_LIMIT_MS = 180_000;
const MAIN_IN_DIST = 'apps/api/src/main.js';

/**
 * Runs a private copy of the built API: a rebuild in the shared dist folder during the run (nx build starts with
 * `rm -rf dist/apps/api`) would otherwise break the restarts. The copy stays inside the repository (tmp/,
 * git-ignored) so that node_modules still resolves.
 */
function snapshotBuild() {
  if (!existsSync(path.join(OPTIONS.dist, MAIN_IN_DIST))) {
    throw new Error(
      `no build at ${OPTIONS.dist}; run \`npx nx run api:build\` first (npm run test:stress does)`,
    );
  }
  const copy = mkdtempSync(path.join(ROOT, 'tmp', 'stress-embedded-'));
  cpSync(OPTIONS.dist, copy, { recursive: true });
  const main = readFileSync(path.join(copy, 'apps/api/src/app.module.js'), 'utf8');
  if (main.includes('require("@ketenkaart/')) {
    rmSync(copy, { recursive: true, force: true });
    throw new Error(
      `the build in ${OPTIONS.dist} is incomplete (path aliases not rewritten); is another build running?`,
    );
  }
  return {
    main: path.join(copy, MAIN_IN_DIST),
    remove: () => rmSync(copy, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------- helpers
/** Deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted(table) {
      let roll = next() * table.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of table) if ((roll -= weight) < 0) return value;
      return table[table.length - 1][0];
    },
  };
}

function freePort() {
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

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sortedCodes = (codes) => [...new Set(codes)].sort();
const sameCodes = (a, b) => JSON.stringify(sortedCodes(a)) === JSON.stringify(sortedCodes(b));
const fmtMs = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : '–');

/**
 * A minimal fetch over node:http with one keep-alive agent. Not the global fetch: undici always sends
 * `Sec-Fetch-Mode`, and the API refuses the service token from anything that looks like a browser.
 */
const AGENT = new http.Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 1_000 });
function httpFetch(url, { method = 'GET', headers = {}, body, signal } = {}) {
  return new Promise((resolve, reject) => {
    const sized = body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) };
    const request = http.request(url, { method, headers: sized, agent: AGENT, signal }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode, text: async () => text, json: async () => JSON.parse(text) });
      });
    });
    request.on('error', (error) => reject(signal?.aborted ? signal.reason : error));
    if (body !== undefined) request.write(body);
    request.end();
  });
}

function describeError(error) {
  if (error?.name === 'TimeoutError') return 'timeout (no answer, possible hang)';
  return [error?.code, error?.message].filter(Boolean).join(': ');
}

// ---------------------------------------------------------------------------------------------- the portal process
class Portal {
  constructor(dataDir, logFile) {
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.child = null;
  }

  async start() {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    const log = openSync(this.logFile, 'a');
    const started = performance.now();
    this.child = spawn(process.execPath, [BUILD.main], {
      cwd: ROOT,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(this.port),
        DATABASE_URL: '', // empty counts as unset: always the embedded database
        PGLITE_DATA_DIR: this.dataDir,
        ADMIN_TOKEN,
        WEB_DIST_DIR: '',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
      },
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
    );
    const deadline = started + STARTUP_LIMIT_MS;
    while (performance.now() < deadline) {
      const exit = await Promise.race([this.exited, sleep(250).then(() => null)]);
      if (exit)
        throw new Error(`portal exited during start (code ${exit.code}, ${exit.signal}):\n${this.logTail()}`);
      try {
        const response = await httpFetch(`${this.base}${API}/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
    }
    this.child.kill('SIGKILL');
    throw new Error(`portal not healthy within ${STARTUP_LIMIT_MS / 1000} s:\n${this.logTail()}`);
  }

  /** Sends the signal at once and waits for the exit; kills with SIGKILL after limitMs. */
  async stop(signal, limitMs) {
    const sentAt = performance.now();
    this.child.kill(signal);
    const exit = await Promise.race([this.exited, sleep(limitMs).then(() => null)]);
    if (exit) return { ms: exit.at - sentAt, code: exit.code, signal: exit.signal, forced: false };
    this.child.kill('SIGKILL');
    const killed = await this.exited;
    return { ms: killed.at - sentAt, code: killed.code, signal: killed.signal, forced: true };
  }

  logTail(lines = 25) {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

// ---------------------------------------------------------------------------------------------- measurements
class Stats {
  constructor(name) {
    this.name = name;
    this.requests = 0;
    this.byStatus = new Map();
    this.byOperation = new Map();
    this.latencies = { read: [], write: [] };
    this.byOperationLatency = new Map();
    this.errors = [];
    this.conflicts = { staleVersion: 0, raceLoser: 0, raceBothLost: 0, raceWinner: 0 };
    this.cutByKill = 0;
  }

  record(operation, kind, status, ms) {
    this.requests += 1;
    const key = status ?? 'network error';
    this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
    this.latencies[kind].push(ms);
    if (!this.byOperationLatency.has(operation)) this.byOperationLatency.set(operation, []);
    this.byOperationLatency.get(operation).push(ms);
  }

  fail(message) {
    this.errors.push(message);
  }
}

// ---------------------------------------------------------------------------------------------- what the portal acknowledged
/**
 * Every region this run writes, with the state the portal acknowledged. `owner` is the one client that writes a
 * private region (a 409 there is a bug); hot regions are shared by all clients, and a 409 there is expected.
 */
class Ledger {
  constructor() {
    this.regions = new Map();
    this.pendingCreates = new Map(); // code → attempt, while no answer came
  }

  created(region, owner) {
    this.regions.set(region.id, {
      id: region.id,
      code: region.code,
      owner,
      acks: new Map([[1, { name: region.name, codes: sortedCodes(region.municipalityCodes) }]]),
      pending: new Map(), // attempt id → { baseVersion, name, codes }
      rejectedNames: new Set(),
      version: 1, // highest acknowledged version (private regions: the one to send next)
      name: region.name,
      codes: sortedCodes(region.municipalityCodes),
    });
  }

  acknowledged(entry, region, stats, context) {
    if (entry.acks.has(region.version)) {
      stats.fail(`${context}: version ${region.version} of ${entry.id} acknowledged twice (lost update)`);
    }
    entry.acks.set(region.version, { name: region.name, codes: sortedCodes(region.municipalityCodes) });
    if (region.version > entry.version) {
      entry.version = region.version;
      entry.name = region.name;
      entry.codes = sortedCodes(region.municipalityCodes);
    }
  }
}

// ---------------------------------------------------------------------------------------------- the workload
class Workload {
  constructor({ base, stats, ledger, reference, rng, clientId, phaseTag, mix, phase }) {
    Object.assign(this, { base, stats, ledger, reference, rng, clientId, phaseTag, mix, phase });
    this.own = [];
    this.sequence = 0;
  }

  /** One HTTP exchange; returns null when the phase stopped issuing (nothing was sent). */
  async call(operation, method, urlPath, body) {
    if (this.phase.stopIssuing || this.stats.requests + this.phase.inFlight >= OPTIONS.maxRequests) {
      this.phase.stopIssuing = true;
      return null;
    }
    const kind = method === 'GET' ? 'read' : 'write';
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (kind === 'write') headers.authorization = `Bearer ${ADMIN_TOKEN}`;
    this.phase.inFlight += 1;
    const sentDuringShutdown = () => this.phase.signalSentAt !== undefined;
    const started = performance.now();
    try {
      const response = await httpFetch(`${this.base}${urlPath}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(OPTIONS.requestTimeoutMs),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      let json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        this.stats.fail(
          `${method} ${urlPath}: ${response.status} with a body that is not JSON: ${text.slice(0, 120)}`,
        );
      }
      this.stats.record(operation, kind, response.status, ms);
      if (sentDuringShutdown()) this.phase.finishedAfterSignal.push(response.status);
      return { status: response.status, json, ms };
    } catch (error) {
      const ms = performance.now() - started;
      if (this.phase.killed) {
        this.stats.cutByKill += 1;
        return { status: undefined, cut: true, ms };
      }
      this.stats.record(operation, kind, undefined, ms);
      const signalAt = this.phase.signalSentAt;
      const timing =
        signalAt === undefined
          ? ''
          : ` (sent ${fmtMs(signalAt - started)} before the signal, failed ${fmtMs(performance.now() - signalAt)} after it)`;
      this.stats.fail(`${method} ${urlPath}: ${describeError(error)} after ${fmtMs(ms)}${timing}`);
      if (sentDuringShutdown()) this.phase.finishedAfterSignal.push('network error');
      return { status: undefined, error, ms };
    } finally {
      this.phase.inFlight -= 1;
    }
  }

  expectStatus(result, expected, what) {
    if (!result || result.cut) return false;
    if (result.status === expected) return true;
    if (result.status !== undefined) {
      const problem = result.json ?? {};
      this.stats.fail(`${what}: ${result.status} ${problem.code ?? ''} ${problem.detail ?? ''}`.trim());
    }
    return false;
  }

  async run() {
    while (!this.phase.stopIssuing) {
      const operation = this.rng.weighted(this.mix);
      await this[operation]();
    }
  }

  // --- reads
  async searchMunicipalities() {
    const q = this.rng.pick(this.reference.searchPrefixes);
    const result = await this.call(
      'GET municipalities?q',
      'GET',
      `${API}/municipalities?q=${encodeURIComponent(q)}`,
    );
    if (this.expectStatus(result, 200, `search '${q}'`) && !(result.json?.items?.length > 0)) {
      this.stats.fail(`search '${q}' found nothing`);
    }
  }

  async listRegions() {
    const type = this.rng.pick(this.reference.regionTypes);
    const result = await this.call('GET regions?type', 'GET', `${API}/regions?type=${type}&pageSize=100`);
    this.expectStatus(result, 200, `list regions of ${type}`);
  }

  async getRegion() {
    const tracked = [...this.ledger.regions.values()];
    if (tracked.length > 0 && this.rng.next() < 0.6) {
      const entry = this.rng.pick(tracked);
      const knownVersion = entry.version;
      const result = await this.call('GET regions/{id}', 'GET', `${API}/regions/${entry.id}`);
      if (this.expectStatus(result, 200, `get region ${entry.id}`))
        this.checkRead(entry, result.json, knownVersion);
      return;
    }
    const id = this.rng.pick(this.reference.regionIds);
    const result = await this.call('GET regions/{id}', 'GET', `${API}/regions/${id}`);
    this.expectStatus(result, 200, `get reference region ${id}`);
  }

  async getMunicipality() {
    const code = this.rng.pick(this.reference.municipalityCodes);
    const result = await this.call('GET municipalities/{gm}', 'GET', `${API}/municipalities/${code}`);
    if (this.expectStatus(result, 200, `get ${code}`) && result.json?.code !== code) {
      this.stats.fail(`get ${code} answered ${result.json?.code}`);
    }
  }

  async health() {
    const result = await this.call('GET health', 'GET', `${API}/health`);
    if (this.expectStatus(result, 200, 'health') && result.json?.database !== 'ok') {
      this.stats.fail(`health said ${JSON.stringify(result.json)}`);
    }
  }

  /** A read never shows a rejected (409) write, nor a version older than one already acknowledged. */
  checkRead(entry, region, knownVersion) {
    if (entry.rejectedNames.has(region.name)) {
      this.stats.fail(`region ${entry.id} shows '${region.name}', a PATCH that was answered 409`);
    }
    if (region.version < knownVersion) {
      this.stats.fail(
        `region ${entry.id} read version ${region.version} after version ${knownVersion} was acknowledged`,
      );
    }
  }

  // --- writes
  randomCodes() {
    const count = 1 + this.rng.int(4);
    const codes = Array.from({ length: count }, () => this.rng.pick(this.reference.municipalityCodes));
    if (this.rng.next() < 0.3) codes.push('GM0363');
    return sortedCodes(codes);
  }

  nextName(label) {
    this.sequence += 1;
    return `Stress ${this.phaseTag} c${this.clientId} ${label} ${this.sequence}`;
  }

  async createRegion() {
    this.sequence += 1;
    const code = `stress-${this.phaseTag}-c${this.clientId}-${this.sequence}`;
    const body = {
      typeCode: 'ketenregie',
      code,
      name: `Stress ${code}`,
      municipalityCodes: this.randomCodes(),
    };
    this.ledger.pendingCreates.set(code, body);
    const result = await this.call('POST regions', 'POST', `${API}/regions`, body);
    if (!result) {
      this.ledger.pendingCreates.delete(code); // never sent
      return;
    }
    if (!this.expectStatus(result, 201, `create ${code}`)) {
      if (result.status !== undefined) this.ledger.pendingCreates.delete(code); // answered: not in doubt
      return;
    }
    this.ledger.pendingCreates.delete(code);
    const region = result.json;
    if (
      region.version !== 1 ||
      region.code !== code ||
      !sameCodes(region.municipalityCodes, body.municipalityCodes)
    ) {
      this.stats.fail(`create ${code} answered ${JSON.stringify(region).slice(0, 200)}`);
    }
    this.ledger.created(region, this.clientId);
    this.own.push(this.ledger.regions.get(region.id));
  }

  /** PATCH of a region only this client writes: it knows the version, so 409 is a failure. */
  async updateOwnRegion() {
    if (this.own.length === 0) return this.createRegion();
    const entry = this.rng.pick(this.own);
    const body = { version: entry.version, name: this.nextName('own') };
    if (this.rng.next() < 0.4) body.municipalityCodes = this.randomCodes();
    await this.patch(entry, body, { conflictExpected: false });
  }

  /** Read-modify-write of a region every client writes: a 409 means someone else won, as designed. */
  async updateHotRegion() {
    const entry = this.rng.pick(this.reference.hotRegions);
    const knownVersion = entry.version;
    const read = await this.call('GET regions/{id}', 'GET', `${API}/regions/${entry.id}`);
    if (!this.expectStatus(read, 200, `get hot region ${entry.id}`)) return;
    this.checkRead(entry, read.json, knownVersion);
    const body = { version: read.json.version, name: this.nextName('hot') };
    if (this.rng.next() < 0.3) body.municipalityCodes = this.randomCodes();
    const outcome = await this.patch(entry, body, { conflictExpected: true });
    if (outcome === 409) this.stats.conflicts.staleVersion += 1;
  }

  /** Two PATCHes with the same version at the same moment: at most one may win. */
  async raceHotRegion() {
    const entry = this.rng.pick(this.reference.hotRegions);
    const read = await this.call('GET regions/{id}', 'GET', `${API}/regions/${entry.id}`);
    if (!this.expectStatus(read, 200, `get hot region ${entry.id}`)) return;
    const version = read.json.version;
    const outcomes = await Promise.all([
      this.patch(entry, { version, name: this.nextName('race-a') }, { conflictExpected: true }),
      this.patch(entry, { version, name: this.nextName('race-b') }, { conflictExpected: true }),
    ]);
    const wins = outcomes.filter((outcome) => outcome === 200).length;
    const losses = outcomes.filter((outcome) => outcome === 409).length;
    if (wins > 1)
      this.stats.fail(`race on ${entry.id} at version ${version}: both PATCHes won (lost update)`);
    if (wins === 1 && losses === 1) {
      this.stats.conflicts.raceWinner += 1;
      this.stats.conflicts.raceLoser += 1;
    } else if (losses === 2) this.stats.conflicts.raceBothLost += 2;
  }

  /** Sends a PATCH and books the outcome in the ledger; returns the status (or undefined). */
  async patch(entry, body, { conflictExpected }) {
    const attempt = `${this.clientId}:${this.sequence}:${body.name}`;
    entry.pending.set(attempt, { baseVersion: body.version, name: body.name, codes: body.municipalityCodes });
    const result = await this.call(
      conflictExpected ? 'PATCH hot' : 'PATCH own',
      'PATCH',
      `${API}/regions/${entry.id}`,
      body,
    );
    if (!result) {
      entry.pending.delete(attempt);
      return undefined;
    }
    if (result.cut) return undefined; // in doubt: stays pending for the check after restart
    entry.pending.delete(attempt);
    if (result.status === 200) {
      const region = result.json;
      if (region.version !== body.version + 1 || region.name !== body.name) {
        this.stats.fail(`PATCH ${entry.id} v${body.version} answered v${region.version} '${region.name}'`);
      }
      if (body.municipalityCodes && !sameCodes(region.municipalityCodes, body.municipalityCodes)) {
        this.stats.fail(
          `PATCH ${entry.id} members ${region.municipalityCodes} instead of ${body.municipalityCodes}`,
        );
      }
      this.ledger.acknowledged(entry, region, this.stats, `PATCH ${entry.id}`);
      return 200;
    }
    if (result.status === 409 && conflictExpected) {
      if (result.json?.code !== 'conflict')
        this.stats.fail(`PATCH ${entry.id}: 409 with code ${result.json?.code}`);
      entry.rejectedNames.add(body.name);
      return 409;
    }
    this.expectStatus(
      result,
      200,
      `PATCH ${entry.id} v${body.version}${conflictExpected ? '' : ' (own region)'}`,
    );
    return result.status;
  }
}

const MIXED = [
  ['searchMunicipalities', 15],
  ['listRegions', 10],
  ['getRegion', 15],
  ['getMunicipality', 10],
  ['health', 5],
  ['createRegion', 12],
  ['updateOwnRegion', 15],
  ['updateHotRegion', 12],
  ['raceHotRegion', 6],
];
const WRITE_HEAVY = [
  ['createRegion', 40],
  ['updateOwnRegion', 35],
  ['updateHotRegion', 10],
  ['getRegion', 10],
  ['health', 5],
];

// ---------------------------------------------------------------------------------------------- phases
async function loadReference(base, ledger, rng) {
  const get = async (urlPath) => {
    const response = await httpFetch(`${base}${urlPath}`, {
      signal: AbortSignal.timeout(OPTIONS.requestTimeoutMs),
    });
    if (response.status !== 200) throw new Error(`GET ${urlPath} answered ${response.status}`);
    return response.json();
  };
  const types = (await get(`${API}/region-types`)).items.map((type) => type.code);
  const regionIds = [];
  for (const type of types) {
    regionIds.push(
      ...(await get(`${API}/regions?type=${type}&pageSize=500`)).items.map((region) => region.id),
    );
  }
  const municipalities = (await get(`${API}/municipalities?pageSize=500`)).items.filter((m) => !m.validUntil);
  const searchPrefixes = [
    'sud',
    'ams',
    'den',
    "'s-",
    ...municipalities.map((m) => m.name.slice(0, 2 + rng.int(4))).filter((_, index) => index % 7 === 0),
  ];
  return {
    regionTypes: types,
    regionIds,
    municipalityCodes: municipalities.map((m) => m.code),
    searchPrefixes,
    hotRegions: [...ledger.regions.values()].filter((entry) => entry.owner === 'hot'),
  };
}

async function createHotRegions(base, ledger, count, tag) {
  for (let index = 0; index < count; index += 1) {
    const code = `stress-${tag}-hot-${index}`;
    const response = await httpFetch(`${base}${API}/regions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        typeCode: 'ketenregie',
        code,
        name: `Stress hot ${code}`,
        municipalityCodes: ['GM0363'],
      }),
      signal: AbortSignal.timeout(OPTIONS.requestTimeoutMs),
    });
    if (response.status !== 201)
      throw new Error(`creating hot region ${code}: ${response.status} ${await response.text()}`);
    ledger.created(await response.json(), 'hot');
  }
}

/** Runs the clients until the time or the request budget is used up, then ends the phase with `signal`. */
async function runLoad({ portal, stats, ledger, reference, seconds, mix, tag, signal }) {
  const phase = {
    stopIssuing: false,
    inFlight: 0,
    killed: false,
    finishedAfterSignal: [],
    signalSentAt: undefined,
  };
  const clients = Array.from({ length: OPTIONS.clients }, (_, clientId) =>
    new Workload({
      base: portal.base,
      stats,
      ledger,
      reference,
      rng: prng(OPTIONS.seed * 1000 + clientId + (tag === 'k' ? 500 : 0)),
      clientId,
      phaseTag: `${OPTIONS.seed}${tag}`,
      mix,
      phase,
    }).run(),
  );
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline && !phase.stopIssuing) await sleep(100);
  const elapsedMs = performance.now() - started;
  const inFlightAtSignal = phase.inFlight;
  phase.signalSentAt = performance.now();
  let shutdown;
  if (signal === 'SIGTERM') {
    phase.stopIssuing = true; // a draining server takes no new work; what is in flight must finish
    shutdown = await portal.stop('SIGTERM', OPTIONS.shutdownLimitMs);
  } else {
    phase.killed = true; // requests in flight are cut off; their writes are in doubt
    const stopped = portal.stop('SIGKILL', OPTIONS.shutdownLimitMs);
    phase.stopIssuing = true;
    shutdown = await stopped;
  }
  const settled = await Promise.race([
    Promise.all(clients).then(() => true),
    sleep(OPTIONS.requestTimeoutMs + 5_000),
  ]);
  if (!settled)
    stats.fail(`clients still waiting ${OPTIONS.requestTimeoutMs / 1000 + 5} s after ${signal} (hang)`);
  return { elapsedMs, inFlightAtSignal, finishedAfterSignal: phase.finishedAfterSignal, shutdown };
}

/** Reads every region of the ledger back and compares it with what was acknowledged. */
async function verify(base, ledger, { afterKill }) {
  const failures = [];
  let checked = 0;
  let inDoubtCommitted = 0;
  const entries = [...ledger.regions.values()];
  const worker = async () => {
    for (let entry = entries.pop(); entry; entry = entries.pop()) {
      const response = await httpFetch(`${base}${API}/regions/${entry.id}`, {
        signal: AbortSignal.timeout(30_000),
      });
      checked += 1;
      if (response.status !== 200) {
        failures.push(
          `region ${entry.code} (${entry.id}): ${response.status} after restart — acknowledged write lost`,
        );
        continue;
      }
      const region = await response.json();
      const versions = [...entry.acks.keys()].sort((a, b) => a - b);
      const gaps = versions.filter((version, index) => version !== index + 1);
      if (!afterKill && (gaps.length > 0 || region.version !== entry.version)) {
        failures.push(
          `region ${entry.code}: acknowledged versions ${versions.join(',')} but the database holds v${region.version} (a write happened that no client was told of)`,
        );
      }
      if (region.version === entry.version) {
        if (region.name !== entry.name || !sameCodes(region.municipalityCodes, entry.codes)) {
          failures.push(
            `region ${entry.code} v${region.version}: holds '${region.name}' [${region.municipalityCodes}], acknowledged '${entry.name}' [${entry.codes}]`,
          );
        }
      } else if (region.version < entry.version) {
        failures.push(
          `region ${entry.code}: holds v${region.version}, v${entry.version} was acknowledged — write lost`,
        );
      } else {
        // Only a write cut off by SIGKILL may have committed without an answer; it must be there in full.
        const cutOff = [...entry.pending.values()].find((attempt) => attempt.name === region.name);
        if (!afterKill || !cutOff || (cutOff.codes && !sameCodes(region.municipalityCodes, cutOff.codes))) {
          failures.push(
            `region ${entry.code}: holds v${region.version} '${region.name}', newest acknowledged v${entry.version}`,
          );
        } else inDoubtCommitted += 1;
      }
      if (entry.rejectedNames.has(region.name))
        failures.push(`region ${entry.code}: holds a name whose PATCH got 409`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  // POSTs cut off by the kill: absent, or present in full.
  for (const [code, attempt] of ledger.pendingCreates) {
    const response = await httpFetch(
      `${base}${API}/regions?type=ketenregie&q=${encodeURIComponent(code)}&pageSize=10`,
      {
        signal: AbortSignal.timeout(30_000),
      },
    );
    const found = (await response.json()).items.find((region) => region.code === code);
    if (!found) continue;
    inDoubtCommitted += 1;
    if (found.name !== attempt.name || !sameCodes(found.municipalityCodes, attempt.municipalityCodes)) {
      failures.push(`region ${code} (POST cut off by the kill) is half stored: ${JSON.stringify(found)}`);
    }
  }
  return { checked, failures, inDoubtCommitted, inDoubt: ledger.pendingCreates.size };
}

// ---------------------------------------------------------------------------------------------- report
function printLoadSummary(title, stats, load, signal) {
  const read = [...stats.latencies.read].sort((a, b) => a - b);
  const write = [...stats.latencies.write].sort((a, b) => a - b);
  const all = [...read, ...write].sort((a, b) => a - b);
  const rows = [
    [
      'requests',
      `${stats.requests} in ${(load.elapsedMs / 1000).toFixed(1)} s (${(stats.requests / (load.elapsedMs / 1000)).toFixed(0)}/s, ${OPTIONS.clients} clients)`,
    ],
    ['per status', [...stats.byStatus].map(([status, count]) => `${status}: ${count}`).join(', ')],
    [
      'latency all',
      `p50 ${fmtMs(percentile(all, 50))}  p95 ${fmtMs(percentile(all, 95))}  p99 ${fmtMs(percentile(all, 99))}  max ${fmtMs(all.at(-1))}`,
    ],
    [
      'latency reads',
      `p50 ${fmtMs(percentile(read, 50))}  p95 ${fmtMs(percentile(read, 95))}  p99 ${fmtMs(percentile(read, 99))}  (${read.length})`,
    ],
    [
      'latency writes',
      `p50 ${fmtMs(percentile(write, 50))}  p95 ${fmtMs(percentile(write, 95))}  p99 ${fmtMs(percentile(write, 99))}  (${write.length})`,
    ],
    ...[...stats.byOperationLatency].map(([operation, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return [
        `  ${operation}`,
        `${String(sorted.length).padStart(6)} req  p50 ${fmtMs(percentile(sorted, 50))}  p95 ${fmtMs(percentile(sorted, 95))}  p99 ${fmtMs(percentile(sorted, 99))}`,
      ];
    }),
    [
      '409 (expected)',
      `stale version ${stats.conflicts.staleVersion}, race losers ${stats.conflicts.raceLoser} (winners ${stats.conflicts.raceWinner}, both lost ${stats.conflicts.raceBothLost})`,
    ],
    ['errors', String(stats.errors.length)],
  ];
  if (load.shutdown) {
    const { shutdown } = load;
    rows.push([
      'shutdown',
      `${signal} → exit in ${fmtMs(shutdown.ms)} (exit code ${shutdown.code}${shutdown.signal ? `, ${shutdown.signal}` : ''}${shutdown.forced ? ', FORCED with SIGKILL' : ''}); in flight at signal: ${load.inFlightAtSignal}, finished after it: ${summariseStatuses(load.finishedAfterSignal)}`,
    ]);
  }
  if (stats.cutByKill)
    rows.push(['cut by SIGKILL', `${stats.cutByKill} requests (unacknowledged, expected)`]);
  printTable(title, rows);
}

/** Nest closes the app on SIGTERM and then re-raises the signal, so "killed by SIGTERM" is the clean end. */
function cleanExit(exit) {
  return exit.code === 0 || (exit.code === null && exit.signal === 'SIGTERM');
}

function summariseStatuses(list) {
  if (list.length === 0) return 'none';
  const counts = new Map();
  for (const status of list) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${status}×${count}`).join(' ');
}

function printTable(title, rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  console.log('-'.repeat(Math.min(110, title.length + 40)));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)} | ${value}`);
}

function printErrors(stats) {
  if (stats.errors.length === 0) return;
  console.log(`  first errors (${stats.errors.length} in all):`);
  for (const error of stats.errors.slice(0, 15)) console.log(`   - ${error}`);
}

// ---------------------------------------------------------------------------------------------- main
async function main() {
  const runStarted = performance.now();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-stress-'));
  const dataDir = path.join(workDir, 'pglite');
  const logFile = path.join(workDir, 'portal.log');
  console.log(
    `Ketenkaart embedded stress test: ${OPTIONS.clients} clients, ${OPTIONS.durationSeconds} s mixed load, ` +
      `${OPTIONS.killSeconds} s kill -9 phase, seed ${OPTIONS.seed}; data dir ${dataDir}`,
  );
  const failures = [];
  const figures = { options: { ...OPTIONS }, phases: {} };
  const ledger = new Ledger();
  const rng = prng(OPTIONS.seed);
  let portal = new Portal(dataDir, logFile);
  try {
    // Phase 1: mixed load, then SIGTERM with requests in flight.
    const firstStartMs = await portal.start();
    await createHotRegions(
      portal.base,
      ledger,
      Math.max(2, Math.ceil(OPTIONS.clients / 10)),
      `${OPTIONS.seed}h`,
    );
    const reference = await loadReference(portal.base, ledger, rng);
    const loadStats = new Stats('load');
    const load = await runLoad({
      portal,
      stats: loadStats,
      ledger,
      reference,
      seconds: OPTIONS.durationSeconds,
      mix: MIXED,
      tag: 'm',
      signal: 'SIGTERM',
    });
    printLoadSummary(
      `Phase 1 — mixed load, then SIGTERM (first start ${fmtMs(firstStartMs)})`,
      loadStats,
      load,
      'SIGTERM',
    );
    printErrors(loadStats);
    failures.push(...loadStats.errors.map((error) => `load: ${error}`));
    if (load.shutdown.forced || load.shutdown.ms > OPTIONS.shutdownLimitMs) {
      failures.push(`SIGTERM: the portal did not exit within ${OPTIONS.shutdownLimitMs / 1000} s (hang)`);
    } else if (!cleanExit(load.shutdown)) {
      failures.push(
        `SIGTERM: exit code ${load.shutdown.code} (the grace timer forced the exit, or close failed)`,
      );
    }
    if (
      load.finishedAfterSignal.some(
        (status) => typeof status !== 'number' || (status >= 300 && status !== 409),
      )
    ) {
      failures.push(
        `SIGTERM: requests in flight did not all finish 2xx (${summariseStatuses(load.finishedAfterSignal)})`,
      );
    }
    figures.phases.load = {
      stats: serialiseStats(loadStats),
      shutdown: load.shutdown,
      inFlightAtSignal: load.inFlightAtSignal,
    };

    // Phase 2: restart, every acknowledged write is there.
    portal = new Portal(dataDir, logFile);
    const restartMs = await portal.start();
    const afterTerm = await verify(portal.base, ledger, { afterKill: false });
    printTable('Phase 2 — restart after SIGTERM, read every acknowledged write back', [
      ['restart', fmtMs(restartMs)],
      [
        'regions checked',
        `${afterTerm.checked} (${[...ledger.regions.values()].reduce((n, e) => n + e.acks.size, 0)} acknowledged versions)`,
      ],
      [
        'verification',
        afterTerm.failures.length === 0
          ? 'OK: every acknowledged write is there'
          : `FAILED (${afterTerm.failures.length})`,
      ],
    ]);
    afterTerm.failures.slice(0, 15).forEach((failure) => console.log(`   - ${failure}`));
    failures.push(...afterTerm.failures.map((failure) => `after SIGTERM restart: ${failure}`));
    figures.phases.restartAfterTerm = {
      restartMs,
      checked: afterTerm.checked,
      failures: afterTerm.failures.length,
    };

    // Phase 3: write, SIGKILL while writes are in flight, restart, verify.
    if (OPTIONS.killSeconds > 0) {
      const killStats = new Stats('kill');
      const kill = await runLoad({
        portal,
        stats: killStats,
        ledger,
        reference,
        seconds: OPTIONS.killSeconds,
        mix: WRITE_HEAVY,
        tag: 'k',
        signal: 'SIGKILL',
      });
      printLoadSummary('Phase 3 — write-heavy load, then SIGKILL', killStats, kill, 'SIGKILL');
      printErrors(killStats);
      failures.push(...killStats.errors.map((error) => `kill phase: ${error}`));
      portal = new Portal(dataDir, logFile);
      const recoveryMs = await portal.start();
      const afterKill = await verify(portal.base, ledger, { afterKill: true });
      printTable('Phase 4 — restart after SIGKILL, read every acknowledged write back', [
        ['restart (recovery)', fmtMs(recoveryMs)],
        ['regions checked', String(afterKill.checked)],
        [
          'cut-off writes',
          `${afterKill.inDoubt} POSTs in doubt; ${afterKill.inDoubtCommitted} cut-off writes found committed in full`,
        ],
        [
          'verification',
          afterKill.failures.length === 0
            ? 'OK: every acknowledged write survived kill -9'
            : `FAILED (${afterKill.failures.length})`,
        ],
      ]);
      afterKill.failures.slice(0, 15).forEach((failure) => console.log(`   - ${failure}`));
      failures.push(...afterKill.failures.map((failure) => `after SIGKILL restart: ${failure}`));
      figures.phases.kill = {
        stats: serialiseStats(killStats),
        recoveryMs,
        checked: afterKill.checked,
        failures: afterKill.failures.length,
      };
    }

    // An idle portal stops cleanly too.
    const idleStop = await portal.stop('SIGTERM', OPTIONS.shutdownLimitMs);
    if (idleStop.forced || !cleanExit(idleStop))
      failures.push(`idle SIGTERM: exit code ${idleStop.code}, forced ${idleStop.forced}`);
    figures.phases.idleStop = idleStop;
    printTable('Result', [
      [
        'idle SIGTERM',
        `exit in ${fmtMs(idleStop.ms)} (exit code ${idleStop.code}, signal ${idleStop.signal})`,
      ],
      ['total time', `${((performance.now() - runStarted) / 1000).toFixed(0)} s`],
      [
        'machine',
        `${os.cpus().length} cores, load average ${os
          .loadavg()
          .map((n) => n.toFixed(1))
          .join(' / ')} (1/5/15 min)`,
      ],
      ['verdict', failures.length === 0 ? 'PASS' : `FAIL (${failures.length} problems)`],
    ]);
  } catch (error) {
    failures.push(`aborted: ${error instanceof Error ? error.message : error}`);
    console.error(`\nAborted: ${error instanceof Error ? error.stack : error}`);
    if (portal.child && portal.child.exitCode === null && portal.child.signalCode === null)
      portal.child.kill('SIGKILL');
  }
  figures.failures = failures;
  if (OPTIONS.jsonOut) {
    mkdirSync(path.dirname(path.resolve(OPTIONS.jsonOut)), { recursive: true });
    writeFileSync(OPTIONS.jsonOut, JSON.stringify(figures, null, 2));
  }
  if (failures.length > 0) {
    console.log(`\nFailures (${failures.length}):`);
    for (const failure of failures.slice(0, 30)) console.log(` - ${failure}`);
    console.log(`\nFAIL. Portal log and data dir kept in ${workDir}; last log lines:\n${portal.logTail(15)}`);
    process.exitCode = 1;
  } else if (OPTIONS.keepData) {
    console.log(`\nData dir kept in ${workDir}`);
  } else {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function serialiseStats(stats) {
  return {
    requests: stats.requests,
    byStatus: Object.fromEntries(stats.byStatus),
    byOperation: Object.fromEntries(stats.byOperation),
    conflicts: stats.conflicts,
    errors: stats.errors.length,
    cutByKill: stats.cutByKill,
  };
}

mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const BUILD = snapshotBuild();
try {
  await main();
} finally {
  BUILD.remove();
}
