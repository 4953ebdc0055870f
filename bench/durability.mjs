#!/usr/bin/env node
// Durability of hand-offs under SIGKILL and SIGTERM, against the real built API, on either database.
//
//   node bench/durability.mjs --db embedded|server [--handoffs 500] [--concurrency 16] [--seed N]
//   npm run test:durability -- --db embedded     (builds the API first)
//   server mode: a throwaway database on DURABILITY_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres),
//   reached through a loopback TCP proxy so that the database can be taken away; dropped afterwards.
//
// 1. Start the API (NODE_ENV=test, DEMO_SEED=true) on a fresh database; sign in as the demo zorgcoördinator
//    (Amsterdam, sender) and the demo ontvanger (RIEC Oost-Nederland, receiver) with password + TOTP.
// 2. Fire the lifecycles of N hand-offs concurrently: create (POST /handoffs with an Idempotency-Key) → send →
//    accept | accept + start | a race of accept (receiver) against withdraw (sender) at the same version | nothing.
// 3. SIGKILL the API while requests are in flight (at ~40% of the creations); restart on the same data. Every
//    cut-off create is retried with the same key and body (must be 201: replayed when it had committed); every
//    cut-off transition is looked up in the timeline (committed in full) or retried.
// 4. Continue; SIGTERM with requests in flight (at ~70%): every request in flight must finish 2xx (409 only for the
//    loser of a race), the process must exit within 10 s. Restart, finish every lifecycle.
// 5. Server only: take the database away (proxy down): time until readiness is 503 and how long a request waits;
//    bring it back: time until readiness is 200 again.
// 6. Read the database directly and check: each key stored exactly once and pointing at one hand-off; exactly N
//    hand-offs of this run (by external reference), none without its key (half-stored); version = number of
//    events, events 1..version contiguous, each from_state = previous to_state, the replayed timeline ends in the
//    stored state (shared state machine), one create audit event and one transition audit event per move; the
//    stored version and state equal what the run was told (no lost write, no write applied twice).
// Exits 1 on any failure. Loopback only.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printUsageAndExit } from './support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API = '/api/v1';
const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.DURABILITY_DB ?? 'embedded' },
    handoffs: { type: 'string', default: process.env.DURABILITY_HANDOFFS ?? '500' },
    concurrency: { type: 'string', default: process.env.DURABILITY_CONCURRENCY ?? '16' },
    seed: { type: 'string', default: process.env.DURABILITY_SEED ?? String(Date.now() % 1_000_000) },
    'kill-at': { type: 'string', default: '0.4' },
    'term-at': { type: 'string', default: '0.7' },
    dist: { type: 'string', default: 'dist/apps/api' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) printUsageAndExit(import.meta.url);
if (!['embedded', 'server'].includes(args.db)) {
  console.error(`--db must be embedded or server (got ${args.db})`);
  process.exit(2);
}
const OPTIONS = {
  db: args.db,
  handoffs: Number(args.handoffs),
  concurrency: Number(args.concurrency),
  seed: Number(args.seed),
  killAt: Number(args['kill-at']),
  termAt: Number(args['term-at']),
  dist: path.resolve(ROOT, args.dist),
  pgUrl: process.env.DURABILITY_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
for (const [name, value] of Object.entries(OPTIONS))
  if (typeof value === 'number' && !(Number.isFinite(value) && value > 0)) {
    console.error(`--${name} must be a positive number`);
    process.exit(2);
  }

const SHUTDOWN_LIMIT_MS = 10_000;
const STARTUP_LIMIT_MS = 240_000;
const REQUEST_TIMEOUT_MS = 30_000;
const MAIN_IN_DIST = 'apps/api/src/main.js';
const TAG = OPTIONS.seed.toString(36).toUpperCase();
const SENDER = {
  email: 'zorgcoordinator@demo.ketenkaart.nl',
  password: 'Demo-Zorgcoordinator-2026!',
  totpSecret: 'KKDEMOZORGCOORDINATORAAAAAAAAAAA',
};
const RECEIVER = {
  email: 'ontvanger@demo.ketenkaart.nl',
  password: 'Demo-Ontvanger-2026!',
  totpSecret: 'KKDEMOONTVANGERAAAAAAAAAAAAAAAAA',
};

/** A private copy of the build (a rebuild in dist during the run would break the restarts); see stress-embedded. */
function snapshotBuild() {
  if (!existsSync(path.join(OPTIONS.dist, MAIN_IN_DIST)))
    throw new Error(`no build at ${OPTIONS.dist}; run \`npx nx run api:build\` first`);
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const copy = mkdtempSync(path.join(ROOT, 'tmp', 'durability-'));
  cpSync(OPTIONS.dist, copy, { recursive: true });
  const incomplete = readdirSync(copy, { recursive: true }).some(
    (file) =>
      file.endsWith('.js') && readFileSync(path.join(copy, file), 'utf8').includes('require("@ketenkaart/'),
  );
  if (incomplete || !existsSync(path.join(copy, MAIN_IN_DIST))) {
    rmSync(copy, { recursive: true, force: true });
    throw new Error(`the build in ${OPTIONS.dist} is incomplete; is another build running?`);
  }
  return {
    dir: copy,
    main: path.join(copy, MAIN_IN_DIST),
    remove: () => rmSync(copy, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------- helpers
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
const fmtMs = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : '–');

/** node:http, not fetch: undici sends Sec-Fetch-Mode, which the API treats as a browser. */
const AGENT = new http.Agent({ keepAlive: true, maxSockets: Infinity });
function httpFetch(url, { method = 'GET', headers = {}, body, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const sized =
      payload === undefined
        ? headers
        : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
    const request = http.request(
      url,
      { method, headers: sized, agent: AGENT, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            // not JSON
          }
          resolve({ status: response.statusCode, headers: response.headers, json, text });
        });
      },
    );
    request.on('error', reject);
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/** A loopback TCP proxy in front of PostgreSQL (as apps/api/src/test/tcp-proxy.ts): a real outage. */
class TcpProxy {
  constructor(host, port) {
    Object.assign(this, { host, port: 0, targetPort: port, sockets: new Set() });
  }
  async start(port = 0) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.host);
      // Either side closing or failing closes both, as a direct connection would: when the API process is
      // SIGKILLed its sockets are reset, and PostgreSQL must see that at once (not after the idle timeout).
      for (const [socket, other] of [
        [client, upstream],
        [upstream, client],
      ]) {
        this.sockets.add(socket);
        socket.on('close', () => {
          this.sockets.delete(socket);
          other.destroy();
        });
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    return this.port;
  }
  async stop() {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

// ---------------------------------------------------------------------------------------------- the API process
class Portal {
  constructor(env, logFile) {
    Object.assign(this, { env, logFile, child: null });
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
        ...this.env,
        NODE_ENV: 'test', // only then are the demo accounts seeded
        DEMO_SEED: 'true',
        PORT: String(this.port),
        PUBLIC_URL: this.base,
        SESSION_COOKIE_SECURE: 'false',
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
      const exit = await Promise.race([this.exited, sleep(200).then(() => null)]);
      if (exit) throw new Error(`API exited during start (${exit.code ?? exit.signal}):\n${this.logTail()}`);
      try {
        const response = await httpFetch(`${this.base}${API}/health`, { timeoutMs: 2_000 });
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
    }
    this.child.kill('SIGKILL');
    throw new Error(`API not healthy within ${STARTUP_LIMIT_MS / 1000} s:\n${this.logTail()}`);
  }

  async stop(signal, limitMs = SHUTDOWN_LIMIT_MS) {
    const sentAt = performance.now();
    this.child.kill(signal);
    const exit = await Promise.race([this.exited, sleep(limitMs).then(() => null)]);
    if (exit) return { ms: exit.at - sentAt, code: exit.code, signal: exit.signal, forced: false };
    this.child.kill('SIGKILL');
    const killed = await this.exited;
    return { ms: killed.at - sentAt, code: killed.code, signal: killed.signal, forced: true };
  }

  get running() {
    return this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  logTail(lines = 25) {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

// ---------------------------------------------------------------------------------------------- sessions
/** A signed-in account: cookie jar + CSRF header, like apps/api/src/test/session-client.ts. */
class Session {
  constructor(account) {
    this.account = account;
    this.cookies = new Map();
  }
  absorb(response) {
    for (const line of [].concat(response.headers['set-cookie'] ?? [])) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
  headers() {
    const headers = {
      accept: 'application/json',
      cookie: [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
    };
    if (this.cookies.has('kk_csrf')) headers['x-csrf-token'] = this.cookies.get('kk_csrf');
    return headers;
  }
  async request(base, method, urlPath, body, extraHeaders = {}) {
    return this.absorb(
      await httpFetch(`${base}${urlPath}`, { method, body, headers: { ...this.headers(), ...extraHeaders } }),
    );
  }
  async signIn(base, totpCode) {
    const first = await this.request(base, 'POST', `${API}/auth/sign-in`, {
      email: this.account.email,
      password: this.account.password,
    });
    if (first.status !== 200) throw new Error(`sign-in ${this.account.email}: ${first.status} ${first.text}`);
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const offset of [0, 30_000]) {
        const code = totpCode(this.account.totpSecret, new Date(Date.now() + offset));
        const second = await this.request(base, 'POST', `${API}/auth/sign-in/totp`, { code });
        if (second.status === 200) {
          this.info = (await this.request(base, 'GET', `${API}/auth/session`)).json;
          return;
        }
      }
      await sleep(30_000 - (Date.now() % 30_000) + 100);
    }
    throw new Error(`second factor of ${this.account.email} failed`);
  }
}

// ---------------------------------------------------------------------------------------------- the workload
/**
 * What the run was told about each hand-off. `version`/`state` are the newest acknowledged (or, after recovery,
 * confirmed) values; `pending` holds requests that got no answer because of SIGKILL.
 */
function planOf(i, receiverOrganisationId) {
  const endings = [['accept'], ['accept', 'start'], ['race'], []];
  return {
    i,
    key: `durability-${TAG}-${String(i).padStart(4, '0')}`,
    body: {
      pathCode: 'riec-intake',
      receiver: { organisationId: receiverOrganisationId },
      municipalityCode: 'GM0363',
      exploitationForm: ['arbeidsuitbuiting', 'criminele-uitbuiting', 'seksuele-uitbuiting'][i % 3],
      targetGroup: 'eu-adult',
      minor: false,
      ageBand: '24-plus',
      consent: { given: false },
      legalBasis: 'riec-convenant',
      notes: 'Duurzaamheidstest: signaal via wijkteam.',
      externalReference: `DUR-${TAG}-${i}`,
    },
    steps: ['create', 'send', ...endings[i % endings.length]],
    id: null,
    version: 0,
    state: null,
    pending: [],
    raceWinner: null,
  };
}

class Run {
  constructor() {
    this.stats = { requests: 0, byStatus: new Map(), cutByKill: 0, replayedCreates: 0, committedCutOff: 0 };
    this.failures = [];
    this.phase = null;
  }
  fail(message) {
    this.failures.push(message);
  }
  count(status) {
    this.stats.requests += 1;
    const key = status ?? 'cut';
    this.stats.byStatus.set(key, (this.stats.byStatus.get(key) ?? 0) + 1);
  }
}

/** Phase state: `stop` (no new requests), `killed` (requests in flight are cut and in doubt). */
function newPhase(base) {
  return { base, stop: false, killed: false, signalSentAt: undefined, inFlight: 0, afterSignal: [] };
}

/**
 * One request inside a phase. Returns null when the phase stopped issuing (nothing sent), `{ cut: true }` when
 * SIGKILL cut it off, else the response. A network error outside a kill is a failure.
 */
async function call(run, session, method, urlPath, body, headers) {
  const phase = run.phase;
  if (phase.stop) return null;
  phase.inFlight += 1;
  const sentBeforeSignal = phase.signalSentAt === undefined;
  try {
    const response = await session.request(phase.base, method, urlPath, body, headers);
    run.count(response.status);
    if (sentBeforeSignal && phase.signalSentAt !== undefined) {
      phase.afterSignal.push(response.status);
      phase.lastAnswerAfterSignalMs = performance.now() - phase.signalSentAt;
    }
    return response;
  } catch (error) {
    if (phase.killed) {
      run.stats.cutByKill += 1;
      run.count(undefined);
      return { cut: true };
    }
    run.count(undefined);
    const during = phase.signalSentAt !== undefined ? ' (in flight during SIGTERM)' : '';
    run.fail(`${method} ${urlPath}: no answer${during}: ${error?.code ?? ''} ${error?.message ?? error}`);
    if (phase.signalSentAt !== undefined) phase.afterSignal.push('no answer');
    return { cut: true, error: true };
  } finally {
    phase.inFlight -= 1;
  }
}

function ack(run, h, response, context) {
  if (h.version >= response.json.version)
    run.fail(`${h.key} ${context}: acknowledged version ${response.json.version} after ${h.version}`);
  h.version = response.json.version;
  h.state = response.json.state;
}

/** Runs the next step of one hand-off. Returns false when the phase stopped (step not done). */
async function step(run, sessions, h) {
  const name = h.steps[0];
  if (name === 'create') {
    const response = await call(run, sessions.sender, 'POST', `${API}/handoffs`, h.body, {
      'idempotency-key': h.key,
    });
    if (!response) return false;
    if (response.cut) {
      h.pending.push({ step: 'create' });
      return false;
    }
    if (response.status !== 201) {
      run.fail(`${h.key} create: ${response.status} ${response.text.slice(0, 200)}`);
      h.steps = [];
      return true;
    }
    if (response.headers['idempotent-replayed'] === 'true') run.stats.replayedCreates += 1;
    h.id = response.json.id;
    h.caseReference = response.json.caseReference;
    ack(run, h, response, 'create');
  } else if (name === 'race') {
    // Receiver accepts while the sender withdraws, both at the same version: exactly one may win.
    const version = h.version;
    const [accept, withdraw] = await Promise.all([
      call(run, sessions.receiver, 'POST', `${API}/handoffs/${h.id}/transitions`, {
        transition: 'accept',
        version,
      }),
      call(run, sessions.sender, 'POST', `${API}/handoffs/${h.id}/transitions`, {
        transition: 'withdraw',
        version,
      }),
    ]);
    if (!accept && !withdraw) return false;
    const results = [
      ['accept', accept],
      ['withdraw', withdraw],
    ];
    if (results.some(([, r]) => !r || r.cut)) {
      h.pending.push({
        step: 'race',
        version,
        answered: results.filter(([, r]) => r && !r.cut).map(([k, r]) => [k, r.status]),
      });
      const winner = results.find(([, r]) => r && !r.cut && r.status === 200);
      if (winner) {
        h.raceWinner = winner[0];
        ack(run, h, winner[1], `race ${winner[0]}`);
        h.pending.pop();
        h.steps.shift();
        return true;
      }
      return false;
    }
    const won = results.filter(([, r]) => r.status === 200);
    const lost = results.filter(([, r]) => r.status === 409);
    if (won.length !== 1 || lost.length !== 1)
      run.fail(
        `${h.key} race: expected one 200 and one 409, got accept ${accept.status}, withdraw ${withdraw.status}`,
      );
    if (won.length >= 1) {
      h.raceWinner = won[0][0];
      ack(run, h, won[0][1], `race ${won[0][0]}`);
    }
  } else {
    const session = name === 'send' ? sessions.sender : sessions.receiver;
    const version = h.version;
    const response = await call(run, session, 'POST', `${API}/handoffs/${h.id}/transitions`, {
      transition: name,
      version,
    });
    if (!response) return false;
    if (response.cut) {
      h.pending.push({ step: name, version });
      return false;
    }
    if (response.status !== 200) {
      run.fail(`${h.key} ${name} v${version}: ${response.status} ${response.text.slice(0, 200)}`);
      h.steps = [];
      return true;
    }
    ack(run, h, response, name);
  }
  h.steps.shift();
  return true;
}

/** Workers take hand-offs from the queue and run their steps until done or until the phase stops. */
async function runWorkers(run, sessions, handoffs) {
  const queue = handoffs.filter((h) => h.steps.length > 0 && h.pending.length === 0);
  const worker = async () => {
    for (let h = queue.shift(); h; h = queue.shift()) {
      while (h.steps.length > 0) {
        const done = await step(run, sessions, h);
        if (!done) return;
      }
    }
  };
  await Promise.all(Array.from({ length: OPTIONS.concurrency }, worker));
}

/** After a restart: settle every request SIGKILL cut off, by retrying with the key or reading the timeline. */
async function recover(run, sessions, handoffs) {
  const inDoubt = handoffs.filter((h) => h.pending.length > 0);
  let retried = 0;
  const queue = [...inDoubt];
  const worker = async () => {
    for (let h = queue.shift(); h; h = queue.shift()) {
      const pending = h.pending.shift();
      if (pending.step === 'create') {
        const response = await call(run, sessions.sender, 'POST', `${API}/handoffs`, h.body, {
          'idempotency-key': h.key,
        });
        retried += 1;
        if (response?.status !== 201) {
          run.fail(`${h.key}: retried create answered ${response?.status} ${response?.text?.slice(0, 200)}`);
          h.steps = [];
          continue;
        }
        if (response.headers['idempotent-replayed'] === 'true') {
          run.stats.replayedCreates += 1;
          run.stats.committedCutOff += 1;
        }
        h.id = response.json.id;
        h.caseReference = response.json.caseReference;
        ack(run, h, response, 'retried create');
        h.steps.shift();
        continue;
      }
      const read = await call(run, sessions.sender, 'GET', `${API}/handoffs/${h.id}`);
      if (read?.status !== 200) {
        run.fail(`${h.key}: reading after restart answered ${read?.status}`);
        h.steps = [];
        continue;
      }
      const current = read.json;
      if (current.version > pending.version) {
        // It committed before the kill: the next event must be exactly the move that was sent, in full.
        const event = current.timeline.find((e) => e.version === pending.version + 1);
        const expected = pending.step === 'race' ? ['accept', 'withdraw'] : [pending.step];
        if (!event || !expected.includes(event.kind) || current.version !== pending.version + 1) {
          run.fail(
            `${h.key}: after restart v${current.version} ${current.state}, event ${JSON.stringify(event)}; sent ${pending.step} at v${pending.version}`,
          );
          h.steps = [];
          continue;
        }
        run.stats.committedCutOff += 1;
        if (pending.step === 'race') h.raceWinner = event.kind;
        h.version = current.version;
        h.state = current.state;
        h.steps.shift();
      } else if (current.version === pending.version) {
        // Not committed: nothing of it may be there; retry it (the race is run again).
        if (pending.step === 'race' && pending.answered?.some(([, status]) => status === 200))
          run.fail(`${h.key}: an acknowledged race move is missing after restart`);
        retried += 1;
        const done = await step(run, sessions, h);
        if (!done) run.fail(`${h.key}: retry of ${pending.step} did not complete`);
      } else {
        run.fail(`${h.key}: version went back from ${pending.version} to ${current.version}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, OPTIONS.concurrency) }, worker));
  return { inDoubt: inDoubt.length, retried };
}

// ---------------------------------------------------------------------------------------------- database checks
/** Direct SQL access: the server through pg, the embedded data dir through PGlite (the API must be stopped). */
async function openDatabase(db) {
  if (db.url) {
    const { Client } = require('pg');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    return {
      query: async (sql, params) => (await client.query(sql, params)).rows,
      close: () => client.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const pglite = await PGlite.create({ dataDir: db.dataDir, extensions: { pg_trgm, unaccent } });
  return {
    query: async (sql, params) => (await pglite.query(sql, params)).rows,
    close: () => pglite.close(),
  };
}

async function verifyDatabase(run, db, handoffs, senderActor) {
  const { replayTimeline } = require(path.join(BUILD.dir, 'libs/shared/domain/src/index.js'));
  const database = await openDatabase(db);
  const problems = [];
  try {
    const keys = await database.query(
      `SELECT idempotency_key AS key, handoff_id FROM handoff_idempotency_key WHERE actor = $1 AND idempotency_key LIKE $2`,
      [senderActor, `durability-${TAG}-%`],
    );
    const stored = await database.query(
      `SELECT h.id, h.case_reference, h.external_reference, h.state, h.version,
              (SELECT COUNT(*)::int FROM handoff_event e WHERE e.handoff_id = h.id) AS events,
              (SELECT COUNT(*)::int FROM audit_event a WHERE a.record_id = h.id::text AND a.action = 'handoff.create' AND a.outcome = 'success') AS create_audits,
              (SELECT COUNT(*)::int FROM audit_event a WHERE a.record_id = h.id::text AND a.action = 'handoff.transition' AND a.outcome = 'success') AS transition_audits
         FROM handoff h WHERE h.external_reference LIKE $1`,
      [`DUR-${TAG}-%`],
    );
    const events = await database.query(
      `SELECT e.handoff_id, e.version, e.kind, e.party, e.from_state, e.to_state FROM handoff_event e
         JOIN handoff h ON h.id = e.handoff_id WHERE h.external_reference LIKE $1 ORDER BY e.handoff_id, e.version`,
      [`DUR-${TAG}-%`],
    );
    const eventsOf = new Map();
    for (const event of events) {
      if (!eventsOf.has(event.handoff_id)) eventsOf.set(event.handoff_id, []);
      eventsOf.get(event.handoff_id).push(event);
    }
    const byId = new Map(stored.map((row) => [row.id, row]));
    const byExternal = new Map();
    for (const row of stored)
      byExternal.set(row.external_reference, (byExternal.get(row.external_reference) ?? 0) + 1);
    const keyOf = new Map(keys.map((row) => [row.key, row.handoff_id]));
    const keyed = new Set(keys.map((row) => row.handoff_id));

    if (keys.length !== handoffs.length)
      problems.push(`${keys.length} idempotency keys stored, ${handoffs.length} expected`);
    if (stored.length !== handoffs.length)
      problems.push(`${stored.length} hand-offs stored, ${handoffs.length} expected (exactly once)`);
    for (const row of stored)
      if (!keyed.has(row.id))
        problems.push(`hand-off ${row.case_reference} has no idempotency key (half-stored)`);
    const references = new Set();
    for (const row of stored) {
      if (references.has(row.case_reference)) problems.push(`case reference ${row.case_reference} twice`);
      references.add(row.case_reference);
      const timeline = eventsOf.get(row.id) ?? [];
      if (row.events !== row.version)
        problems.push(`${row.case_reference}: version ${row.version} but ${row.events} events`);
      timeline.forEach((event, index) => {
        if (event.version !== index + 1) problems.push(`${row.case_reference}: event versions not 1..n`);
        const previous = timeline[index - 1];
        if (
          index === 0 &&
          (event.kind !== 'created' || event.from_state !== null || event.to_state !== 'concept')
        )
          problems.push(`${row.case_reference}: the first event is ${event.kind}`);
        if (previous && event.from_state !== previous.to_state)
          problems.push(
            `${row.case_reference}: event v${event.version} from ${event.from_state} after ${previous.to_state}`,
          );
      });
      if (timeline.at(-1)?.to_state !== row.state)
        problems.push(`${row.case_reference}: last event does not end in ${row.state}`);
      try {
        const replayed = replayTimeline(
          timeline.map((e) => ({
            kind: e.kind,
            party: e.party,
            fromState: e.from_state,
            toState: e.to_state,
          })),
        );
        if (replayed !== row.state)
          problems.push(`${row.case_reference}: timeline replays to ${replayed}, stored ${row.state}`);
      } catch (error) {
        problems.push(`${row.case_reference}: timeline refused by the state machine: ${error.message}`);
      }
      if (row.create_audits !== 1)
        problems.push(`${row.case_reference}: ${row.create_audits} create audit events`);
      if (row.transition_audits !== row.version - 1)
        problems.push(
          `${row.case_reference}: ${row.transition_audits} transition audit events for ${row.version - 1} moves`,
        );
    }
    for (const h of handoffs) {
      const id = keyOf.get(h.key);
      if (!h.id) {
        problems.push(`${h.key}: never acknowledged`);
        continue;
      }
      if (id !== h.id) problems.push(`${h.key}: key points at ${id}, the API answered ${h.id}`);
      if (byExternal.get(h.body.externalReference) !== 1)
        problems.push(`${h.key}: stored ${byExternal.get(h.body.externalReference) ?? 0}×`);
      const row = byId.get(h.id);
      if (!row) {
        problems.push(`${h.key}: acknowledged hand-off ${h.id} is missing`);
        continue;
      }
      if (row.case_reference !== h.caseReference) problems.push(`${h.key}: case reference changed`);
      if (row.version !== h.version || row.state !== h.state)
        problems.push(`${h.key}: stored v${row.version} ${row.state}, acknowledged v${h.version} ${h.state}`);
      if (h.steps.length > 0 || h.pending.length > 0)
        problems.push(`${h.key}: lifecycle not finished (${h.steps})`);
    }
    const orphans = await database.query(
      `SELECT COUNT(*)::int AS n FROM handoff_idempotency_key k LEFT JOIN handoff h ON h.id = k.handoff_id WHERE h.id IS NULL`,
    );
    if (orphans[0].n !== 0)
      problems.push(`${orphans[0].n} idempotency keys without their hand-off (half-stored)`);
    const states = new Map();
    for (const row of stored) states.set(row.state, (states.get(row.state) ?? 0) + 1);
    return { problems, keys: keys.length, stored: stored.length, events: events.length, states };
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------- readiness (server)
async function measureOutage(run, portal, proxy, sessions) {
  const port = proxy.port;
  const poll = async (want, limitMs) => {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      try {
        const response = await httpFetch(`${portal.base}${API}/health`, { timeoutMs: limitMs });
        if (response.status === want) return performance.now() - started;
      } catch {
        // keep polling
      }
      await sleep(50);
    }
    return Infinity;
  };
  const downAt = performance.now();
  await proxy.stop();
  const to503 = await poll(503, 15_000);
  const requestStarted = performance.now();
  let during;
  try {
    const response = await httpFetch(`${portal.base}${API}/handoffs/outbox`, {
      headers: sessions.sender.headers(),
      timeoutMs: 60_000,
    });
    during = { status: response.status, ms: performance.now() - requestStarted, code: response.json?.code };
  } catch (error) {
    during = { status: 'no answer', ms: performance.now() - requestStarted, code: error?.code };
  }
  await proxy.start(port);
  const to200 = await poll(200, 30_000);
  const after = await httpFetch(`${portal.base}${API}/handoffs/outbox`, {
    headers: sessions.sender.headers(),
  });
  if (!(to503 <= 5_000)) run.fail(`readiness did not turn 503 within 5 s of the outage (${fmtMs(to503)})`);
  if (!(during.ms <= 20_000)) run.fail(`a request during the outage waited ${fmtMs(during.ms)}`);
  if (!Number.isFinite(to200)) run.fail('readiness did not recover within 30 s after the database returned');
  if (after.status !== 200) run.fail(`after the outage a request answered ${after.status}`);
  return { to503, during, to200, outageMs: performance.now() - downAt, after: after.status };
}

// ---------------------------------------------------------------------------------------------- main
function printTable(title, rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  console.log('-'.repeat(Math.min(110, title.length + 40)));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)} | ${value}`);
}
const cleanExit = (exit) =>
  !exit.forced && (exit.code === 0 || (exit.code === null && exit.signal === 'SIGTERM'));
const statuses = (list) => {
  const counts = new Map();
  for (const status of list) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s}×${n}`).join(' ') || 'none';
};

async function main() {
  const runStarted = performance.now();
  const { totpCode } = require(path.join(BUILD.dir, 'apps/api/src/auth/totp.js'));
  const workDir = mkdtempSync(path.join(os.tmpdir(), `ketenkaart-durability-${OPTIONS.db}-`));
  const logFile = path.join(workDir, 'api.log');
  const run = new Run();
  const db = {};
  let proxy;
  let admin;
  const env = {};
  if (OPTIONS.db === 'server') {
    const { Client } = require('pg');
    admin = new Client({ connectionString: OPTIONS.pgUrl });
    await admin.connect();
    db.name = `ketenkaart_durability_${TAG.toLowerCase()}_${process.pid}`;
    await admin.query(`CREATE DATABASE "${db.name}"`);
    const target = new URL(OPTIONS.pgUrl);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const proxyPort = await proxy.start();
    const direct = new URL(OPTIONS.pgUrl);
    direct.pathname = `/${db.name}`;
    db.url = direct.toString();
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${proxyPort}`;
    env.DATABASE_URL = viaProxy.toString();
    env.DATABASE_CONNECT_TIMEOUT_MS = '2000';
  } else {
    db.dataDir = path.join(workDir, 'pglite');
    env.DATABASE_URL = '';
    env.PGLITE_DATA_DIR = db.dataDir;
  }
  console.log(
    `Ketenkaart durability (${OPTIONS.db} database${db.name ? ` ${db.name}` : ''}): ${OPTIONS.handoffs} hand-offs, ` +
      `${OPTIONS.concurrency} concurrent, SIGKILL at ${OPTIONS.killAt * 100}% and SIGTERM at ${OPTIONS.termAt * 100}% of the creations, seed ${OPTIONS.seed}`,
  );
  const rows = [];
  let portal = new Portal(env, logFile);
  try {
    rows.push(['first start', fmtMs(await portal.start())]);
    const sessions = { sender: new Session(SENDER), receiver: new Session(RECEIVER) };
    await sessions.sender.signIn(portal.base, totpCode);
    await sessions.receiver.signIn(portal.base, totpCode);
    const senderActor = `account:${sessions.sender.info.account.id}`;
    const handoffs = Array.from({ length: OPTIONS.handoffs }, (_, i) =>
      planOf(i, sessions.receiver.info.account.organisationId),
    );
    const created = () => handoffs.filter((h) => h.id).length;

    // Phase 1: load, SIGKILL mid-flight.
    run.phase = newPhase(portal.base);
    let loadStarted = performance.now();
    const killWhen = Math.floor(OPTIONS.handoffs * OPTIONS.killAt);
    const phase1 = runWorkers(run, sessions, handoffs);
    while (created() < killWhen && handoffs.some((h) => h.steps.length > 0 && h.pending.length === 0))
      await sleep(20);
    const inFlightAtKill = run.phase.inFlight;
    run.phase.killed = true;
    run.phase.signalSentAt = performance.now();
    const killed = await portal.stop('SIGKILL');
    run.phase.stop = true;
    await phase1;
    rows.push([
      'phase 1: load → SIGKILL',
      `${created()} created in ${fmtMs(performance.now() - loadStarted)}; ${inFlightAtKill} requests in flight, ${run.stats.cutByKill} cut off (exit ${killed.signal})`,
    ]);

    // Phase 2: restart on the same data, settle everything that was cut off.
    portal = new Portal(env, logFile);
    const recoveryMs = await portal.start();
    run.phase = newPhase(portal.base);
    const settled = await recover(run, sessions, handoffs);
    rows.push([
      'phase 2: restart + retry',
      `restart ${fmtMs(recoveryMs)}; ${settled.inDoubt} hand-offs in doubt, ${run.stats.committedCutOff} cut-off writes had committed in full, ${settled.retried} retried (creates replayed by key: ${run.stats.replayedCreates})`,
    ]);

    // Phase 3: continue, SIGTERM with requests in flight.
    loadStarted = performance.now();
    const termWhen = Math.floor(OPTIONS.handoffs * OPTIONS.termAt);
    const phase3 = runWorkers(run, sessions, handoffs);
    while (created() < termWhen && handoffs.some((h) => h.steps.length > 0)) await sleep(20);
    const inFlightAtTerm = run.phase.inFlight;
    run.phase.signalSentAt = performance.now();
    run.phase.stop = true;
    const term = await portal.stop('SIGTERM');
    await phase3;
    const afterTerm = run.phase.afterSignal;
    if (!cleanExit(term) || term.ms > SHUTDOWN_LIMIT_MS)
      run.fail(
        `SIGTERM: exit ${term.code ?? term.signal} after ${fmtMs(term.ms)}${term.forced ? ' (forced)' : ''}`,
      );
    if (afterTerm.some((status) => typeof status !== 'number' || (status >= 300 && status !== 409)))
      run.fail(`SIGTERM: requests in flight finished ${statuses(afterTerm)}`);
    rows.push([
      'phase 3: load → SIGTERM',
      `${created()} created; ${inFlightAtTerm} in flight at SIGTERM, finished ${statuses(afterTerm)} (the last ${fmtMs(run.phase.lastAnswerAfterSignalMs)} after the signal); exit in ${fmtMs(term.ms)} (${term.code ?? term.signal})`,
    ]);

    // Phase 4: restart, finish every lifecycle.
    portal = new Portal(env, logFile);
    const restartMs = await portal.start();
    run.phase = newPhase(portal.base);
    loadStarted = performance.now();
    await recover(run, sessions, handoffs); // a race cut in half by SIGTERM's refusal of new connections
    await runWorkers(run, sessions, handoffs);
    rows.push([
      'phase 4: restart + finish',
      `restart ${fmtMs(restartMs)}; all ${created()} lifecycles finished in ${fmtMs(performance.now() - loadStarted)}`,
    ]);

    // Phase 5 (server): the database goes away and comes back.
    if (proxy) {
      const outage = await measureOutage(run, portal, proxy, sessions);
      rows.push([
        'phase 5: database outage',
        `readiness 503 after ${fmtMs(outage.to503)}; a request during the outage answered ${outage.during.status}${outage.during.code ? ` ${outage.during.code}` : ''} in ${fmtMs(outage.during.ms)}; back to 200 ${fmtMs(outage.to200)} after the database returned`,
      ]);
    } else rows.push(['phase 5: database outage', 'n/a (the embedded database lives in the API process)']);

    const idle = await portal.stop('SIGTERM');
    if (!cleanExit(idle)) run.fail(`idle SIGTERM: exit ${idle.code ?? idle.signal}`);
    const checked = await verifyDatabase(run, db, handoffs, senderActor);
    for (const problem of checked.problems) run.fail(problem);
    const races = handoffs.filter((h) => h.raceWinner);
    rows.push([
      'database check',
      `${checked.stored} hand-offs, ${checked.keys} keys, ${checked.events} events; states ${[...checked.states].map(([s, n]) => `${s} ${n}`).join(', ')}; races won by accept ${races.filter((h) => h.raceWinner === 'accept').length}, withdraw ${races.filter((h) => h.raceWinner === 'withdraw').length}`,
    ]);
    rows.push([
      'verification',
      checked.problems.length === 0
        ? 'OK: every acknowledged write stored exactly once, none half-stored'
        : `FAILED (${checked.problems.length})`,
    ]);
  } catch (error) {
    run.fail(`aborted: ${error instanceof Error ? error.stack : error}`);
    if (portal.running) portal.child.kill('SIGKILL');
  } finally {
    if (proxy) await proxy.stop().catch(() => undefined);
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  }
  rows.push([
    'requests',
    `${run.stats.requests} (${[...run.stats.byStatus].map(([s, n]) => `${s}: ${n}`).join(', ')})`,
  ]);
  rows.push([
    'total time',
    `${((performance.now() - runStarted) / 1000).toFixed(0)} s on ${os.cpus().length} cores`,
  ]);
  rows.push(['verdict', run.failures.length === 0 ? 'PASS' : `FAIL (${run.failures.length} problems)`]);
  printTable(`Durability — ${OPTIONS.db} database`, rows);
  if (run.failures.length > 0) {
    console.log(`\nFailures (${run.failures.length}):`);
    for (const failure of run.failures.slice(0, 30)) console.log(` - ${failure}`);
    console.log(`\nAPI log and data kept in ${workDir}; last log lines:\n${portal.logTail(15)}`);
    process.exitCode = 1;
  } else rmSync(workDir, { recursive: true, force: true });
}

const BUILD = snapshotBuild();
try {
  await main();
} finally {
  BUILD.remove();
  AGENT.destroy();
}
