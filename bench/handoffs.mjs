#!/usr/bin/env node
// Hand-off benchmark (issue 6, "Reliability and performance"): creating and transitioning hand-offs under 32
// concurrent connections with 100,000 existing hand-offs, against the built API and against a bare `node:http` +
// `pg` baseline sending the same SQL, in the same run. Target: p95 ≤ 50 ms for a transition.
//
//   npm run bench:handoffs         builds the API, then runs this script
//   node bench/handoffs.mjs [--duration 15] [--connections 32] [--warmup 3] [--existing 100000] [--pool 10]
//        [--log-level warn] [--keep-db] [--explain] [--json bench/results/handoffs-<time>.json] [--dist dist/apps/api]
//   (or env BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARMUP, BENCH_EXISTING, BENCH_POOL, BENCH_LOG_LEVEL,
//    BENCH_TIME_LIMIT, BENCH_DATABASE_URL)
//
// 1. Creates a throwaway database on the PostgreSQL server of BENCH_DATABASE_URL (an admin connection, default
//    postgres://postgres@127.0.0.1:5432/postgres) and starts a private copy of the built API on it once
//    (migrations, reference data, demo seed with the demo accounts: NODE_ENV=test, DEMO_SEED=true).
// 2. Bulk-inserts --existing hand-offs (default 100,000) in SQL (INSERT … SELECT generate_series): all paths, all
//    states (concept … afgerond, afgewezen, ingetrokken, doorgestuurd), senders and receivers spread over the
//    directory's organisations (5% from the demo zorgcoördinator's organisation, 5% into the demo ontvanger's inbox,
//    10% to a function inbox), gemeenten with their regions, over two years; every hand-off with its full timeline
//    (1–5 events, ~360,000 for 100,000) and 30% with an idempotency key; then VACUUM ANALYZE.
// 3. Adds a pool of hand-offs in state `verstuurd` from the demo zorgcoördinator to the demo ontvanger's
//    organisation (the shape the API produces after `send`: version 2, events created + send), one slice per run,
//    so every transition request accepts a hand-off nobody else touches (no 409 expected).
// 4. Signs in as the demo zorgcoördinator and ontvanger (password + TOTP), sends 40 of each request one at a time
//    (the latency without a queue; the first 5 unmeasured), warms up, and runs autocannon at 32
//    connections for --duration seconds per run, API and baseline (bench/baseline-handoffs.mjs) alternating:
//      create      POST /api/v1/handoffs (a concept; session cookie, X-CSRF-Token, a fresh Idempotency-Key)
//      transition  POST /api/v1/handoffs/{id}/transitions { transition: 'accept', version } by the ontvanger
//    Reports p50/p95/p99, requests/s, errors/non-2xx, server CPU per request, peak RSS (VmHWM, and VmRSS polled),
//    the load average, and the target (transition p95 ≤ 50 ms). --explain prints the plans of the transition's
//    statements on the filled database.
// 5. Prints a table, writes JSON to bench/results/ (git-ignored) and drops the database (also on failure or ^C).
// Loopback only; bounded by BENCH_TIME_LIMIT (default 1200 s). Exit code 1 when the run failed (not when the target
// is missed: that is a finding, reported in the output).
import autocannon from 'autocannon';
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

const API = '/api/v1';
const CAPTURE = path.join(ROOT, 'bench/capture-sql.cjs');
const BASELINE = path.join(ROOT, 'bench/baseline-handoffs.mjs');
const TARGETS = { transitionP95Ms: 50 };

// ---------------------------------------------------------------------------------------------- options
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    warmup: { type: 'string' },
    existing: { type: 'string' },
    pool: { type: 'string' },
    'log-level': { type: 'string' },
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
  durationSeconds: numberOption(args, 'duration', 'BENCH_DURATION', 15, 1),
  connections: numberOption(args, 'connections', 'BENCH_CONNECTIONS', 32, 1),
  warmupSeconds: numberOption(args, 'warmup', 'BENCH_WARMUP', 3, 0),
  existing: numberOption(args, 'existing', 'BENCH_EXISTING', 100_000, 0),
  pool: numberOption(args, 'pool', 'BENCH_POOL', 10, 1),
  timeLimitSeconds: numberOption(args, 'time-limit', 'BENCH_TIME_LIMIT', 1200, 60),
  logLevel: args['log-level'] ?? process.env.BENCH_LOG_LEVEL ?? 'warn',
  keepDb: args['keep-db'],
  explain: args.explain,
  dist: path.resolve(ROOT, args.dist ?? 'dist/apps/api'),
  jsonOut: path.resolve(
    ROOT,
    args.json ?? `bench/results/handoffs-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  ),
};
/** Transitions one run can take at most: a generous bound of what a loopback server does in --duration seconds. */
const SLICE = (seconds) => Math.max(2_000, Math.ceil(seconds * 1_000));
/** Requests sent one at a time before the load runs: the cost of one request without a queue. */
const ALONE = 40;
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

// ---------------------------------------------------------------------------------------------- server processes
class Server {
  /**
   * kind: 'api' | 'baseline'; identities: the demo accounts the baseline acts as; sqlLog: capture-sql.cjs file;
   * env: extra environment of the API.
   */
  constructor(kind, build, workDir, { identities, sqlLog, env } = {}) {
    this.env = env ?? {};
    this.kind = kind;
    this.build = build;
    this.logFile = path.join(workDir, `${kind}.log`);
    this.identities = identities;
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
          ...this.env,
        },
      });
    } else {
      const { sender, receiver } = this.identities;
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
          '--sender-account',
          sender.accountId,
          '--sender-organisation',
          sender.organisationId,
          '--receiver-account',
          receiver.accountId,
          '--receiver-organisation',
          receiver.organisationId,
        ],
        { cwd: ROOT, stdio: ['ignore', log, log], env },
      );
    }
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

// ---------------------------------------------------------------------------------------------- data
const PATHS = [
  ['comensha-aanmelding', 'wettelijke-grondslag-aanmelding', false],
  ['cosm-plaatsing', 'toestemming', true],
  ['vo-mo-plaatsing', 'toestemming', true],
  ['overdracht-zorgcoordinator', 'toestemming', true],
  ['zvh-intake', 'wgs', false],
  ['riec-intake', 'riec-convenant', false],
  ['politie-nla-melding', 'wgs', false],
  ['hulpverlening', 'toestemming', true],
  ['regio-overdracht', 'toestemming', true],
];
/** States weighted as a portal some years in use would hold them (out of 20). */
const STATE_WEIGHTS = [
  ['concept', 2],
  ['verstuurd', 2],
  ['geaccepteerd', 2],
  ['afgewezen', 2],
  ['in-behandeling', 3],
  ['afgerond', 7],
  ['ingetrokken', 1],
  ['doorgestuurd', 1],
];
/** The timeline that leads to each state: [kind, party, from, to]; its length is the version. */
const CHAINS = {
  concept: [['created', 'sender', null, 'concept']],
  verstuurd: [
    ['created', 'sender', null, 'concept'],
    ['send', 'sender', 'concept', 'verstuurd'],
  ],
  geaccepteerd: [
    ['created', 'sender', null, 'concept'],
    ['send', 'sender', 'concept', 'verstuurd'],
    ['accept', 'receiver', 'verstuurd', 'geaccepteerd'],
  ],
  afgewezen: [
    ['created', 'sender', null, 'concept'],
    ['send', 'sender', 'concept', 'verstuurd'],
    ['decline', 'receiver', 'verstuurd', 'afgewezen'],
  ],
  'in-behandeling': [
    ['created', 'sender', null, 'concept'],
    ['send', 'sender', 'concept', 'verstuurd'],
    ['accept', 'receiver', 'verstuurd', 'geaccepteerd'],
    ['start', 'receiver', 'geaccepteerd', 'in-behandeling'],
  ],
  afgerond: [
    ['created', 'sender', null, 'concept'],
    ['send', 'sender', 'concept', 'verstuurd'],
    ['accept', 'receiver', 'verstuurd', 'geaccepteerd'],
    ['start', 'receiver', 'geaccepteerd', 'in-behandeling'],
    ['complete', 'receiver', 'in-behandeling', 'afgerond'],
  ],
  ingetrokken: [
    ['created', 'sender', null, 'concept'],
    ['send', 'sender', 'concept', 'verstuurd'],
    ['withdraw', 'sender', 'verstuurd', 'ingetrokken'],
  ],
  doorgestuurd: [
    ['created', 'sender', null, 'concept'],
    ['send', 'sender', 'concept', 'verstuurd'],
    ['accept', 'receiver', 'verstuurd', 'geaccepteerd'],
    ['forward', 'receiver', 'geaccepteerd', 'doorgestuurd'],
  ],
};
const sqlText = (value) => (value === null ? 'NULL' : `'${String(value).replace(/'/g, "''")}'`);
const sqlArray = (values) => `ARRAY[${values.map(sqlText).join(', ')}]::text[]`;
/** Deterministic pseudo-random integer in [0, n) from the row number and a salt. */
const H = (salt, n) => `(abs(hashtext(g::text || '${salt}')) % ${n})`;
/** KK-<year>-XXXX-XXXX from the row number (base 30, CASE_REFERENCE_ALPHABET): unique, the API's pattern. */
const CASE_REFERENCE = (n, yearSql) => {
  const digit = (k) =>
    `substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + ((${n}::bigint / ${30 ** k}) % 30)::int, 1)`;
  return `'KK-' || ${yearSql} || '-' || ${[7, 6, 5, 4].map(digit).join(' || ')} || '-' || ${[3, 2, 1, 0].map(digit).join(' || ')}`;
};
const HANDOFF_INSERT_COLUMNS = `id, case_reference, external_reference, path_code, state, version, sender_organisation_id,
  sender_account_id, receiver_organisation_id, receiver_region_id, receiver_function_type, municipality_code,
  region_ids, exploitation_form, target_group, minor, age_band, consent_given, consent_date, consent_given_by,
  legal_basis, notes, decline_reason, alternative_organisation_id, forwarded_from_id, created_at, updated_at,
  sent_at, respond_before, responded_at, closed_at`;

/** The timelines of the hand-offs whose ids are in the temporary table `new_handoff`, as CHAINS says. */
async function insertTimelines(client) {
  const steps = Object.entries(CHAINS).flatMap(([state, chain]) =>
    chain.map(
      ([kind, party, from, to], index) =>
        `(${sqlText(state)}, ${index + 1}, ${sqlText(kind)}, ${sqlText(party)}, ${sqlText(from)}, ${sqlText(to)})`,
    ),
  );
  await client.query(`
    INSERT INTO handoff_event (handoff_id, version, kind, party, from_state, to_state, occurred_at, actor,
                               actor_account_id, actor_organisation_id, reason, remark, alternative_organisation_id)
    SELECT h.id, s.version, s.kind, s.party, s.from_state, s.to_state,
           CASE WHEN s.version = 1 THEN h.created_at
                WHEN s.version = 2 THEN coalesce(h.sent_at, h.created_at)
                WHEN s.version = h.version THEN h.updated_at
                ELSE coalesce(h.responded_at, h.sent_at) + (s.version - 2) * interval '1 hour' END,
           CASE WHEN s.party = 'sender' AND h.sender_account_id IS NOT NULL THEN 'account:' || h.sender_account_id
                ELSE 'bench:' || CASE s.party WHEN 'sender' THEN h.sender_organisation_id
                                              ELSE coalesce(h.receiver_organisation_id, h.receiver_region_id) END END,
           CASE WHEN s.party = 'sender' THEN h.sender_account_id END,
           CASE s.party WHEN 'sender' THEN h.sender_organisation_id ELSE h.receiver_organisation_id END,
           CASE s.kind WHEN 'decline' THEN h.decline_reason END,
           CASE WHEN s.kind IN ('decline', 'withdraw') THEN 'Toelichting in het dossier van de afzender.' END,
           CASE s.kind WHEN 'decline' THEN h.alternative_organisation_id END
      FROM new_handoff n JOIN handoff h ON h.id = n.id
      JOIN (VALUES ${steps.join(', ')}) AS s(state, version, kind, party, from_state, to_state)
        ON s.state = h.state AND s.version <= h.version`);
}

/**
 * --existing hand-offs spread over paths, states, gemeenten (with their regions), organisations and two years,
 * with their timelines and (30%) idempotency keys: one INSERT … SELECT generate_series per 25,000.
 */
async function fillHandoffs(client, demo) {
  const stateTable = STATE_WEIGHTS.flatMap(([state, weight]) => Array(weight).fill(state));
  const forms = [
    'seksuele-uitbuiting',
    'arbeidsuitbuiting',
    'criminele-uitbuiting',
    'gedwongen-orgaanverwijdering',
  ];
  const groups = ['nl-adult', 'eu-adult', 'non-eu-adult', 'minor', 'amv'];
  const reasons = [
    'niet-verantwoordelijk',
    'buiten-werkgebied',
    'geen-capaciteit',
    'doelgroep-past-niet',
    'onvoldoende-informatie',
    'anders',
  ];
  const functionTypes = ['zorgcoordinator', 'ketenregisseur', 'riec-contact', 'zvh-procesregisseur'];
  const paths = PATHS.map(
    ([code, basis, consent], index) => `(${index}, ${sqlText(code)}, ${sqlText(basis)}, ${consent})`,
  );
  const versions = Object.entries(CHAINS).map(([state, chain]) => `(${sqlText(state)}, ${chain.length})`);
  await client.query(`CREATE TEMP TABLE new_handoff (id uuid PRIMARY KEY)`);
  const batch = 25_000;
  for (let from = 1; from <= OPTIONS.existing; from += batch) {
    const to = Math.min(OPTIONS.existing, from + batch - 1);
    await client.query('TRUNCATE new_handoff');
    await client.query(
      `WITH orgs AS (SELECT array_agg(id ORDER BY id) AS ids FROM organisation WHERE archived_at IS NULL),
            gms AS (SELECT array_agg(code ORDER BY code) AS codes FROM municipality
                     WHERE valid_until IS NULL OR valid_until > CURRENT_DATE),
            inbox_regions AS (SELECT array_agg(id ORDER BY id) AS ids FROM region
                               WHERE valid_until IS NULL OR valid_until > CURRENT_DATE),
            region_of AS (SELECT municipality_code, array_agg(DISTINCT region_id) AS ids FROM region_membership
                           WHERE valid_from <= CURRENT_DATE AND (valid_until IS NULL OR valid_until > CURRENT_DATE)
                           GROUP BY municipality_code),
            spec AS (
              SELECT g,
                     ${H('path', PATHS.length)} AS path_index,
                     (${sqlArray(stateTable)})[1 + ${H('state', stateTable.length)}] AS state,
                     gms.codes[1 + ${H('gm', 'cardinality(gms.codes)')}] AS gm,
                     CASE WHEN ${H('sender', 100)} < 5 THEN $3::uuid
                          ELSE orgs.ids[1 + ${H('sender-org', 'cardinality(orgs.ids)')}] END AS sender,
                     ${H('receiver', 100)} AS receiver_roll,
                     orgs.ids[1 + ${H('receiver-org', 'cardinality(orgs.ids)')}] AS receiver_org,
                     inbox_regions.ids[1 + ${H('inbox', 'cardinality(inbox_regions.ids)')}] AS inbox_region,
                     orgs.ids[1 + ${H('alternative', 'cardinality(orgs.ids)')}] AS alternative,
                     now() - interval '10 days' - (${H('age', 720 * 24)} * interval '1 hour') AS created,
                     ${H('band', 6)} AS band,
                     ${H('external', 10)} AS external_roll
                FROM generate_series($1::int, $2::int) AS g, orgs, gms, inbox_regions),
            inserted AS (
              INSERT INTO handoff (${HANDOFF_INSERT_COLUMNS})
              SELECT gen_random_uuid(), ${CASE_REFERENCE('s.g', 'extract(year FROM s.created)::int')},
                     CASE WHEN s.external_roll < 3 THEN 'RIEC-' || extract(year FROM s.created)::int || '-' || s.g END,
                     p.path_code, s.state, c.version, s.sender,
                     CASE WHEN s.sender = $3::uuid THEN $4::uuid END,
                     CASE WHEN s.receiver_roll < 5 AND s.sender <> $5::uuid THEN $5::uuid
                          WHEN s.receiver_roll < 15 THEN NULL
                          WHEN s.receiver_org = s.sender THEN s.alternative
                          ELSE s.receiver_org END,
                     CASE WHEN s.receiver_roll BETWEEN 5 AND 14 OR (s.receiver_roll < 5 AND s.sender = $5::uuid)
                          THEN s.inbox_region END,
                     CASE WHEN s.receiver_roll BETWEEN 5 AND 14 OR (s.receiver_roll < 5 AND s.sender = $5::uuid)
                          THEN (${sqlArray(functionTypes)})[1 + s.receiver_roll % ${functionTypes.length}] END,
                     s.gm, coalesce(r.ids, '{}'),
                     (${sqlArray(forms)})[1 + s.band % ${forms.length}],
                     (${sqlArray(groups)})[1 + (s.band + s.path_index) % ${groups.length}],
                     s.band IN (0, 1, 2),
                     (ARRAY['under-12', '12-15', '16-17', '18-23', '24-plus', 'unknown'])[1 + s.band],
                     p.needs_consent, CASE WHEN p.needs_consent THEN (s.created - interval '2 days')::date END,
                     CASE WHEN p.needs_consent THEN CASE WHEN s.band IN (0, 1) THEN 'parent-guardian' ELSE 'person' END END,
                     p.legal_basis,
                     CASE WHEN s.band < 4 THEN 'Signaal via wijkteam; afstemming met de casusregisseur volgt.' END,
                     CASE WHEN s.state = 'afgewezen' THEN (${sqlArray(reasons)})[1 + s.band % ${reasons.length}] END,
                     CASE WHEN s.state = 'afgewezen' THEN s.alternative END,
                     NULL,
                     s.created,
                     s.created + c.version * interval '1 day',
                     CASE WHEN s.state <> 'concept' THEN s.created + interval '1 hour' END,
                     CASE WHEN s.state <> 'concept' THEN (s.created + interval '15 days')::date END,
                     CASE WHEN s.state IN ('geaccepteerd', 'afgewezen', 'in-behandeling', 'afgerond', 'doorgestuurd')
                          THEN s.created + interval '2 days' END,
                     CASE WHEN s.state IN ('afgewezen', 'afgerond', 'ingetrokken', 'doorgestuurd')
                          THEN s.created + c.version * interval '1 day' END
                FROM spec s
                JOIN (VALUES ${paths.join(', ')}) AS p(path_index, path_code, legal_basis, needs_consent)
                  ON p.path_index = s.path_index
                JOIN (VALUES ${versions.join(', ')}) AS c(state, version) ON c.state = s.state
                LEFT JOIN region_of r ON r.municipality_code = s.gm
              RETURNING id)
       INSERT INTO new_handoff SELECT id FROM inserted`,
      [from, to, demo.sender.organisationId, demo.sender.accountId, demo.receiver.organisationId],
    );
    await insertTimelines(client);
    // Creates with an Idempotency-Key leave their key (30%).
    await client.query(
      `INSERT INTO handoff_idempotency_key (actor, idempotency_key, request_hash, handoff_id, created_at)
       SELECT 'account:' || coalesce(h.sender_account_id, h.sender_organisation_id), gen_random_uuid()::text,
              encode(sha256(h.id::text::bytea), 'hex'), h.id, h.created_at
         FROM new_handoff n JOIN handoff h ON h.id = n.id
        WHERE abs(hashtext(h.id::text)) % 10 < 3`,
    );
  }
  await client.query('DROP TABLE new_handoff');
}

/**
 * `count` hand-offs in state `verstuurd` from the demo zorgcoördinator to the demo ontvanger's organisation, as the
 * API leaves them after create + send (version 2, events created and send, the regions of the gemeente and both
 * organisations). Returns their ids.
 */
// Created in the last hours (whatever the offset), so none is overdue: the escalation job would move it (version 3).
async function addTransitionPool(client, demo, count, offset) {
  await client.query(`CREATE TEMP TABLE new_handoff (id uuid PRIMARY KEY)`);
  const gms = ['GM0363', 'GM0384', 'GM0437', 'GM0358', 'GM0362', 'GM0153', 'GM0193'];
  await client.query(
    `WITH spec AS (
       SELECT g, (${sqlArray(gms)})[1 + g % ${gms.length}] AS gm,
              now() - interval '2 hours' - (g - $1::int) * interval '1 second' AS created
         FROM generate_series($1::int, $2::int) AS g),
     inserted AS (
       INSERT INTO handoff (${HANDOFF_INSERT_COLUMNS})
       SELECT gen_random_uuid(), ${CASE_REFERENCE('s.g', 'extract(year FROM now())::int')}, NULL, 'riec-intake',
              'verstuurd', 2, $3::uuid, $4::uuid, $5::uuid, NULL, NULL, s.gm,
              (SELECT coalesce(array_agg(DISTINCT m.region_id ORDER BY m.region_id), '{}') FROM region_membership m
                WHERE m.valid_from <= CURRENT_DATE AND (m.valid_until IS NULL OR m.valid_until > CURRENT_DATE)
                  AND m.municipality_code IN (SELECT s.gm UNION SELECT unnest(o.municipality_codes)
                                                FROM organisation o WHERE o.id IN ($3::uuid, $5::uuid))),
              'arbeidsuitbuiting', 'eu-adult', false, '24-plus', false, NULL, NULL, 'riec-convenant',
              'Benchmark: signaal via wijkteam; schoonmaakbedrijf, meerdere arbeiders.', NULL, NULL, NULL,
              s.created, s.created + interval '1 minute', s.created + interval '1 minute',
              (s.created + interval '15 days')::date, NULL, NULL
         FROM spec s
       RETURNING id)
     INSERT INTO new_handoff SELECT id FROM inserted`,
    [
      offset + 1,
      offset + count,
      demo.sender.organisationId,
      demo.sender.accountId,
      demo.receiver.organisationId,
    ],
  );
  await insertTimelines(client);
  const { rows } = await client.query(
    `SELECT n.id FROM new_handoff n JOIN handoff h ON h.id = n.id ORDER BY h.case_reference`,
  );
  await client.query('DROP TABLE new_handoff');
  return rows.map((row) => row.id);
}

// ---------------------------------------------------------------------------------------------- load runs
function createBody(receiverId, index) {
  const gms = ['GM0363', 'GM0384', 'GM0437', 'GM0358', 'GM0362'];
  const forms = ['seksuele-uitbuiting', 'arbeidsuitbuiting', 'criminele-uitbuiting'];
  return JSON.stringify({
    pathCode: 'riec-intake',
    receiver: { organisationId: receiverId },
    municipalityCode: gms[index % gms.length],
    exploitationForm: forms[index % forms.length],
    targetGroup: ['nl-adult', 'eu-adult', 'non-eu-adult'][index % 3],
    minor: false,
    ageBand: '24-plus',
    consent: { given: false },
    legalBasis: 'riec-convenant',
    notes: 'Benchmark: signaal via wijkteam; schoonmaakbedrijf, meerdere arbeiders.',
  });
}

/** One autocannon run of `operation` against `server`; `pool` (transitions) is consumed front to back. */
async function measure(server, operation, seconds, label, context) {
  const latencies = [];
  const statuses = new Map();
  let peakRssKb = memoryOf(server.pid).rssKb;
  const sampler = setInterval(() => {
    const { rssKb } = memoryOf(server.pid);
    if (rssKb > peakRssKb) peakRssKb = rssKb;
  }, 200);
  const cpuBefore = cpuMsOf(server.pid);
  const load1Before = os.loadavg()[0];
  let counter = 0;
  const request =
    operation === 'create'
      ? {
          method: 'POST',
          path: `${API}/handoffs`,
          setupRequest: (req) => {
            counter += 1;
            return {
              ...req,
              headers: {
                ...context.sessions.sender.write(),
                'content-type': 'application/json',
                'idempotency-key': randomUUID(),
              },
              body: createBody(context.receiverId, counter),
            };
          },
        }
      : {
          method: 'POST',
          setupRequest: (req) => {
            // Past the end of the slice the last id is sent again: a 409, counted, and the run is flagged.
            const id = context.pool[Math.min(counter, context.pool.length - 1)];
            counter += 1;
            return {
              ...req,
              path: `${API}/handoffs/${id}/transitions`,
              headers: { ...context.sessions.receiver.write(), 'content-type': 'application/json' },
              body: JSON.stringify({ transition: 'accept', version: 2 }),
            };
          },
        };
  const instance = autocannon({
    url: server.base,
    connections: OPTIONS.connections,
    pipelining: 1,
    duration: seconds,
    timeout: 20,
    requests: [request],
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
    operation,
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
    poolExhausted: operation === 'transition' && counter >= context.pool.length,
    serverCpuMsPerRequest: requests > 0 ? cpuMs / requests : NaN,
    serverCpuCores: cpuMs / 1000 / elapsedSeconds,
    peakRssKb,
    loadAverage1: [load1Before, os.loadavg()[0]],
    elapsedSeconds,
  };
}

// ---------------------------------------------------------------------------------------------- EXPLAIN
/** Captured parameter text back to what PostgreSQL takes: dates as ISO, arrays for `$n::uuid[]` and `$n::text[]`. */
function replayParams(text, params) {
  return params.map((value, index) => {
    if (value === null) return null;
    // Arrays are logged joined ('' is the empty array): `$n::uuid[]`, `$n::text[]` (the timeline's changed_fields).
    if (new RegExp(`\\$${index + 1}::(uuid|text)\\[\\]`).test(text)) return `{${value}}`;
    if (/^\w{3} \w{3} \d\d \d{4} \d\d:\d\d:\d\d GMT/.test(value)) return new Date(value).toISOString();
    return value;
  });
}

/** The statements of a capture-sql.cjs log, without the API's session lookup (and its occasional touch). */
function statementsOf(sqlLog) {
  return readFileSync(sqlLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).text)
    .filter((text) => !/(FROM|UPDATE) "session"/.test(text));
}

/** Plans of the statements of one accept (as captured from the API) on the filled database, rolled back. */
async function explainStatements(client, sqlLog) {
  const statements = readFileSync(sqlLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((entry) => /^\s*(SELECT|UPDATE|INSERT|WITH)/i.test(entry.text));
  const plans = [];
  await client.query('START TRANSACTION');
  try {
    await client.query('SET LOCAL jit = off');
    for (const statement of statements) {
      await client.query('SAVEPOINT explain_one');
      const sql = statement.text.replace(/\s+/g, ' ').trim();
      try {
        const { rows } = await client.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
          replayParams(statement.text, statement.params),
        );
        plans.push({ sql, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
      } catch (error) {
        // The replay repeats the probe's own committed accept: its timeline row exists already.
        plans.push({
          sql,
          error: error.code === '23505' ? `${error.message} (expected: replay)` : error.message,
        });
      }
      await client.query('ROLLBACK TO SAVEPOINT explain_one');
    }
  } finally {
    await client.query('ROLLBACK');
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------- main
async function main(cleanup) {
  const runStarted = performance.now();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-bench-handoffs-'));
  const build = snapshotBuild(OPTIONS.dist, 'handoffs');
  cleanup.push(() => build.remove());
  console.log(
    `Ketenkaart hand-off benchmark: ${OPTIONS.connections} connections × ${OPTIONS.durationSeconds} s per run, ` +
      `${OPTIONS.existing} existing hand-offs, pool ${OPTIONS.pool}, LOG_LEVEL=${OPTIONS.logLevel}; ` +
      `${os.cpus().length} cores, load average ${loadAverage()} (1/5/15 min)\n` +
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

  // 1. Schema, reference data and demo seed through the API itself.
  const servers = [];
  cleanup.push(async () => Promise.all(servers.map((server) => server.stop())));
  const apiSqlLog = path.join(workDir, 'api-sql.jsonl');
  // Without the background job worker: its statements (the overdue scan) would mix into the captured SQL.
  const setupApi = new Server('api', build, workDir, {
    sqlLog: apiSqlLog,
    env: { JOB_POLL_INTERVAL_MS: '0' },
  });
  servers.push(setupApi);
  const setupMs = await setupApi.start();
  console.log(`API started (migrations, reference data, demo seed) in ${fmtMs(setupMs)}`);
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  cleanup.push(() => client.end().catch(() => undefined));
  const accounts = (
    await client.query(
      `SELECT email, id AS "accountId", organisation_id AS "organisationId" FROM account WHERE email = ANY($1)`,
      [[DEMO.zorgcoordinator.email, DEMO.ontvanger.email]],
    )
  ).rows;
  const demo = {
    sender: accounts.find((account) => account.email === DEMO.zorgcoordinator.email),
    receiver: accounts.find((account) => account.email === DEMO.ontvanger.email),
  };
  if (!demo.sender?.organisationId || !demo.receiver?.organisationId)
    throw new Error('the demo zorgcoördinator and ontvanger are not linked to an organisation (demo seed?)');

  // 2. The existing hand-offs; 3. the pool of sent hand-offs, one slice per run (warm-ups included).
  const fillStarted = performance.now();
  await fillHandoffs(client, demo);
  const warmupSlice = SLICE(OPTIONS.warmupSeconds);
  const runSlice = SLICE(OPTIONS.durationSeconds);
  const slices = {};
  let offset = 10_000_000;
  for (const kind of ['api', 'baseline']) {
    const warm = OPTIONS.warmupSeconds > 0 ? warmupSlice : 0;
    const ids = await addTransitionPool(client, demo, warm + runSlice + ALONE + 1, offset);
    offset += ids.length;
    slices[kind] = {
      warmup: ids.slice(0, warm),
      run: ids.slice(warm, warm + runSlice),
      alone: ids.slice(warm + runSlice, warm + runSlice + ALONE),
      probe: ids.at(-1),
    };
  }
  await client.query('VACUUM ANALYZE handoff');
  await client.query('VACUUM ANALYZE handoff_event');
  await client.query('VACUUM ANALYZE handoff_idempotency_key');
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  const counts = (
    await client.query(
      `SELECT (SELECT count(*)::int FROM handoff) AS handoffs,
                               (SELECT count(*)::int FROM handoff_event) AS events,
                               (SELECT count(*)::int FROM handoff_idempotency_key) AS "idempotencyKeys",
                               (SELECT count(*)::int FROM organisation) AS organisations,
                               (SELECT count(*)::int FROM handoff WHERE receiver_organisation_id = $1) AS "ontvangerInbox",
                               (SELECT count(*)::int FROM handoff WHERE sender_organisation_id = $2) AS "zorgcoordinatorOutbox"`,
      [demo.receiver.organisationId, demo.sender.organisationId],
    )
  ).rows[0];
  const byState = Object.fromEntries(
    (
      await client.query(`SELECT state, count(*)::int AS n FROM handoff GROUP BY state ORDER BY state`)
    ).rows.map((row) => [row.state, row.n]),
  );
  const size = (await client.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`))
    .rows[0].size;
  console.log(
    `filled in ${fillSeconds.toFixed(1)} s: ${counts.handoffs} hand-offs (${OPTIONS.existing} spread + ` +
      `${counts.handoffs - OPTIONS.existing} in the transition pool), ${counts.events} timeline events, ` +
      `${counts.idempotencyKeys} idempotency keys over ${counts.organisations} organisations; database ${size}\n` +
      `  by state: ${Object.entries(byState)
        .map(([state, n]) => `${state} ${n}`)
        .join(', ')}`,
  );

  // Sanity check through the API: one create and one accept of a pool hand-off succeed; the accept's SQL is what
  // --explain replays. The baseline then does the same and must send the same statements (session lookup aside).
  const probeSessions = {
    sender: await signIn(setupApi.base, DEMO.zorgcoordinator),
    receiver: await signIn(setupApi.base, DEMO.ontvanger),
  };
  const probeCreate = async (server, headers) => {
    const response = await fetch(`${server.base}${API}/handoffs`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
      body: createBody(demo.receiver.organisationId, 0),
    });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`probe create on ${server.kind}: ${response.status}`);
  };
  writeFileSync(apiSqlLog, '');
  await probeCreate(setupApi, probeSessions.sender.write());
  const apiStatements = { create: statementsOf(apiSqlLog) };
  writeFileSync(apiSqlLog, '');
  const probe = await fetch(`${setupApi.base}${API}/handoffs/${slices.api.probe}/transitions`, {
    method: 'POST',
    headers: { ...probeSessions.receiver.write(), 'content-type': 'application/json' },
    body: JSON.stringify({ transition: 'accept', version: 2 }),
  });
  const probeBody = await probe.json();
  if (probe.status !== 200 || probeBody.state !== 'geaccepteerd' || probeBody.timeline?.length !== 3)
    throw new Error(`probe accept: ${probe.status} ${JSON.stringify(probeBody).slice(0, 300)}`);
  apiStatements.accept = statementsOf(apiSqlLog);
  const baselineSqlLog = path.join(workDir, 'baseline-sql.jsonl');
  const setupBaseline = new Server('baseline', build, workDir, { identities: demo, sqlLog: baselineSqlLog });
  servers.push(setupBaseline);
  await setupBaseline.start();
  writeFileSync(baselineSqlLog, '');
  await probeCreate(setupBaseline, {});
  const baselineStatements = { create: statementsOf(baselineSqlLog) };
  writeFileSync(baselineSqlLog, '');
  const baselineProbe = await fetch(
    `${setupBaseline.base}${API}/handoffs/${slices.baseline.probe}/transitions`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transition: 'accept', version: 2 }),
    },
  );
  await baselineProbe.arrayBuffer();
  if (baselineProbe.status !== 200) throw new Error(`probe accept on the baseline: ${baselineProbe.status}`);
  baselineStatements.accept = statementsOf(baselineSqlLog);
  await setupBaseline.stop();
  for (const operation of ['create', 'accept']) {
    const [ours, theirs] = [apiStatements[operation], baselineStatements[operation]];
    const differ = ours.findIndex((text, index) => text !== theirs[index]);
    if (differ >= 0 || ours.length !== theirs.length)
      throw new Error(
        `the baseline's ${operation} does not send the API's SQL (statement ${differ + 1} of ${ours.length}):\n` +
          `API:      ${ours[differ] ?? '(none)'}\nbaseline: ${theirs[differ] ?? '(none)'}`,
      );
  }
  console.log(
    `same SQL: create ${apiStatements.create.length} statements, accept ${apiStatements.accept.length} ` +
      `(+1 session lookup in the API), in the API and the baseline`,
  );
  const plans = OPTIONS.explain ? await explainStatements(client, apiSqlLog) : [];
  for (const { sql, plan, error } of plans)
    console.log(`\nEXPLAIN ANALYZE ${sql.slice(0, 160)}\n${plan ?? error}`);
  await setupApi.stop();

  // 4. Clean processes for the measurement.
  const api = new Server('api', build, workDir);
  const baseline = new Server('baseline', build, workDir, { identities: demo });
  servers.push(api, baseline);
  await api.start();
  await baseline.start();
  const sessions = {
    sender: await signIn(api.base, DEMO.zorgcoordinator),
    receiver: await signIn(api.base, DEMO.ontvanger),
  };
  const idleRss = { api: memoryOf(api.pid).rssKb, baseline: memoryOf(baseline.pid).rssKb };
  // One at a time (after 5 unmeasured): the latency without a queue, on this machine at this load.
  const alone = {};
  for (const server of [api, baseline]) {
    alone[server.kind] = {};
    for (const operation of ['create', 'transition']) {
      const times = [];
      for (let index = 0; index < ALONE; index += 1) {
        const path_ =
          operation === 'create'
            ? `${API}/handoffs`
            : `${API}/handoffs/${slices[server.kind].alone[index]}/transitions`;
        const headers =
          operation === 'create'
            ? { ...sessions.sender.write(), 'idempotency-key': randomUUID() }
            : sessions.receiver.write();
        const started = performance.now();
        const response = await fetch(`${server.base}${path_}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body:
            operation === 'create'
              ? createBody(demo.receiver.organisationId, index)
              : JSON.stringify({ transition: 'accept', version: 2 }),
        });
        const answer = await response.text();
        if (response.status >= 300)
          throw new Error(`alone ${operation} on ${server.kind}: ${response.status} ${answer.slice(0, 300)}`);
        if (index >= 5) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      alone[server.kind][operation] = { p50: percentile(times, 50), p95: percentile(times, 95) };
    }
  }
  console.log(
    `one at a time (p50 / p95): ` +
      ['api', 'baseline']
        .map(
          (kind) =>
            `${kind} create ${fmtMs(alone[kind].create.p50)} / ${fmtMs(alone[kind].create.p95)}, ` +
            `transition ${fmtMs(alone[kind].transition.p50)} / ${fmtMs(alone[kind].transition.p95)}`,
        )
        .join('; '),
  );
  const contextOf = (server, phase) => ({
    sessions,
    receiverId: demo.receiver.organisationId,
    pool: slices[server.kind][phase],
  });
  if (OPTIONS.warmupSeconds > 0) {
    for (const operation of ['create', 'transition'])
      for (const server of [api, baseline])
        await measure(
          server,
          operation,
          OPTIONS.warmupSeconds,
          `warm-up ${operation}`,
          contextOf(server, 'warmup'),
        );
  }
  const runs = [];
  // Alternate which server goes first, so a drift in the machine's load hits both alike.
  for (const [index, operation] of ['create', 'transition'].entries()) {
    const order = index % 2 === 0 ? [api, baseline] : [baseline, api];
    for (const server of order) {
      const run = await measure(
        server,
        operation,
        OPTIONS.durationSeconds,
        operation,
        contextOf(server, 'run'),
      );
      runs.push(run);
      console.log(
        `  ${operation.padEnd(10)} ${server.kind.padEnd(8)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
          `p95 ${fmtMs(run.p95)}  statuses ${JSON.stringify(run.statuses)}  (load ${run.loadAverage1.map((n) => n.toFixed(1)).join('→')})`,
      );
    }
  }
  const peakHwm = { api: memoryOf(api.pid).hwmKb, baseline: memoryOf(baseline.pid).hwmKb };
  await Promise.all([api.stop(), baseline.stop()]);

  // Nothing lost: every pool hand-off is either untouched (verstuurd, 2 events) or accepted (3 events), never between.
  const poolIds = ['api', 'baseline'].flatMap((kind) => [
    ...slices[kind].warmup,
    ...slices[kind].run,
    ...slices[kind].alone,
  ]);
  const accepted = (
    await client.query(
      `SELECT count(*) FILTER (WHERE h.state = 'geaccepteerd')::int AS handoffs,
              count(*) FILTER (WHERE (SELECT count(*) FROM handoff_event e WHERE e.handoff_id = h.id) <> h.version
                                  OR h.state NOT IN ('verstuurd', 'geaccepteerd'))::int AS "wrongTimeline"
         FROM handoff h WHERE h.id = ANY($1::uuid[])`,
      [poolIds],
    )
  ).rows[0];

  // 5. Report.
  const summary = {};
  const rows = [];
  for (const operation of ['create', 'transition']) {
    const apiRun = runs.find((run) => run.operation === operation && run.server === 'api');
    const baseRun = runs.find((run) => run.operation === operation && run.server === 'baseline');
    summary[operation] = {
      api: apiRun,
      baseline: baseRun,
      throughputRatio: apiRun.requestsPerSecond / baseRun.requestsPerSecond,
      p95Ratio: apiRun.p95 / baseRun.p95,
    };
    rows.push([operation, 'API', apiRun], [operation, 'baseline', baseRun]);
  }
  const header = [
    'operation',
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
    ...rows.map(([operation, server, run]) => [
      operation,
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
  console.log(`\nResults (${OPTIONS.connections} connections, ${OPTIONS.durationSeconds} s per run)`);
  console.log(line(table[0]));
  console.log(
    `|${widths.map((width, column) => (column < 2 ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`,
  );
  for (const row of table.slice(1)) console.log(line(row));
  const transitionP95Met = summary.transition.api.p95 <= TARGETS.transitionP95Ms;
  const exhausted = runs.filter((run) => run.poolExhausted).map((run) => `${run.operation}/${run.server}`);
  console.log(`
API ÷ baseline      create: throughput ${(summary.create.throughputRatio * 100).toFixed(0)}%, p95 ×${summary.create.p95Ratio.toFixed(2)}; transition: throughput ${(summary.transition.throughputRatio * 100).toFixed(0)}%, p95 ×${summary.transition.p95Ratio.toFixed(2)}
one at a time       API create ${fmtMs(alone.api.create.p50)} (p95 ${fmtMs(alone.api.create.p95)}), transition ${fmtMs(alone.api.transition.p50)} (p95 ${fmtMs(alone.api.transition.p95)}); baseline create ${fmtMs(alone.baseline.create.p50)}, transition ${fmtMs(alone.baseline.transition.p50)} (p50 of ${ALONE - 5} sequential requests)
peak memory (VmHWM) API ${fmtMb(peakHwm.api)} (idle after start ${fmtMb(idleRss.api)}), baseline ${fmtMb(peakHwm.baseline)} (idle ${fmtMb(idleRss.baseline)})
target transition p95 ≤ ${TARGETS.transitionP95Ms} ms: ${transitionP95Met ? 'MET' : 'MISSED'} (${fmtMs(summary.transition.api.p95)})
baseline            same SQL statements as the API in the same transactions (checked), minus the session lookup,
                    CSRF, permission checks, DTO validation and the identifying-data scan; fixed demo identities
transition pool     ${exhausted.length === 0 ? 'never exhausted (every accept took an untouched hand-off)' : `EXHAUSTED in ${exhausted.join(', ')} (raise SLICE)`}
integrity           ${accepted.handoffs} pool hand-offs accepted in this run, ${accepted.wrongTimeline} whose timeline does not match their version
data                ${counts.handoffs} hand-offs, ${counts.events} events, ${counts.idempotencyKeys} idempotency keys; ontvanger inbox ${counts.ontvangerInbox}, zorgcoördinator outbox ${counts.zorgcoordinatorOutbox}; ${size}
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
    database: { counts, byState, size, fillSeconds },
    results: summary,
    alone,
    peakMemoryKb: { vmHwm: peakHwm, idleRss },
    targets: { ...TARGETS, transitionP95Met },
    integrity: accepted,
    baselineSkips: ['session lookup', 'CSRF', 'permissions', 'DTO validation', 'identifying-data scan'],
    plans,
  };
  mkdirSync(path.dirname(OPTIONS.jsonOut), { recursive: true });
  writeFileSync(OPTIONS.jsonOut, JSON.stringify(figures, null, 2));
  console.log(`JSON: ${path.relative(ROOT, OPTIONS.jsonOut)}`);
  rmSync(workDir, { recursive: true, force: true });
  const failed =
    exhausted.length > 0 ||
    accepted.wrongTimeline > 0 ||
    Object.values(summary).some(
      (entry) =>
        entry.api.errors + entry.api.timeouts + entry.api.non2xx > 0 ||
        entry.baseline.errors + entry.baseline.timeouts + entry.baseline.non2xx > 0,
    );
  if (failed) {
    console.log('\nFAIL: errors, non-2xx answers, an exhausted pool or a wrong timeline (see above).');
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
