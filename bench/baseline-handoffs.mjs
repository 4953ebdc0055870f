#!/usr/bin/env node
// Bare baseline for bench/handoffs.mjs: `node:http` + `pg`, no framework. It serves
//   POST /api/v1/handoffs                    create a concept (with an Idempotency-Key header)
//   POST /api/v1/handoffs/{id}/transitions   { transition: 'accept', version } by the receiver
//   GET  /api/v1/health
// sending the SAME SQL statements (text, order, transactions) as HandoffsService.create / .transition('accept'):
// create = one transaction (caller, idempotency key, checks, regions, one statement for hand-off + event + audit row)
// and the read-back of the new concept in one statement; accept = one read (hand-off, timeline, names) and one
// statement for row + event + audit row + notification + mail job, the answer built from them (bench/handoffs.mjs
// compares both with the API's captured SQL before measuring). What it SKIPS: the session lookup (1 statement per
// request in the API), CSRF, permissions, DTO validation, the identifying-data scan of free text and the mapping to
// the full detail body. The caller's account and organisation are fixed at
// start (--sender-account/--sender-organisation, --receiver-account/--receiver-organisation), as if every request
// came from the same signed-in account. So "API ÷ baseline" is the cost of the framework plus those checks.
//
//   node bench/baseline-handoffs.mjs --database-url postgres://… --sender-account <uuid> --sender-organisation <uuid>
//        --receiver-account <uuid> --receiver-organisation <uuid> [--port 0] [--pool 10]
import { createHash, randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    port: { type: 'string', default: '0' },
    pool: { type: 'string', default: '10' },
    'statement-timeout': { type: 'string', default: '15000' },
    'sender-account': { type: 'string' },
    'sender-organisation': { type: 'string' },
    'receiver-account': { type: 'string' },
    'receiver-organisation': { type: 'string' },
  },
});
for (const required of [
  'database-url',
  'sender-account',
  'sender-organisation',
  'receiver-account',
  'receiver-organisation',
]) {
  if (!args[required]) {
    console.error(`--${required} is required`);
    process.exit(2);
  }
}
const STATEMENT_TIMEOUT = Number(args['statement-timeout']);
const SENDER = { accountId: args['sender-account'], organisationId: args['sender-organisation'] };
const RECEIVER = { accountId: args['receiver-account'], organisationId: args['receiver-organisation'] };

// Same settings as createDataSource() in apps/api/src/database/data-source.ts.
const pool = new pg.Pool({
  connectionString: args['database-url'],
  max: Number(args.pool),
  connectionTimeoutMillis: 3_000,
  application_name: 'ketenkaart-baseline',
  statement_timeout: STATEMENT_TIMEOUT,
  query_timeout: STATEMENT_TIMEOUT + 1_000,
  idle_in_transaction_session_timeout: STATEMENT_TIMEOUT * 2,
  options: '-c jit=off',
});

// ---------------------------------------------------------------------------------------------- SQL (as captured)
// The statements below are the API's, as bench/capture-sql.cjs logs them (the API takes the hand-off's columns from
// TypeORM's metadata); bench/handoffs.mjs checks before measuring that both send the same statements.
const SQL = {
  callerOrganisation: `SELECT id, type FROM organisation WHERE id = $1`,
  idempotencyKey: `INSERT INTO handoff_idempotency_key (actor, idempotency_key, request_hash, handoff_id, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING handoff_id`,
  municipality: `SELECT 1 FROM municipality WHERE code = $1`,
  organisationExists: `SELECT 1 FROM organisation WHERE id = $1 AND archived_at IS NULL`,
  regionsInvolved: `
      WITH named AS (
        SELECT unnest(o.region_ids) AS region_id FROM organisation o WHERE o.id = ANY($2::uuid[])
        UNION SELECT unnest($3::uuid[])
      ), codes AS (
        SELECT $1::text AS code
        UNION SELECT unnest(o.municipality_codes) FROM organisation o WHERE o.id = ANY($2::uuid[])
        UNION SELECT m.municipality_code FROM region_membership m
          WHERE m.region_id IN (SELECT region_id FROM named) AND m.valid_from <= $4::date AND (m.valid_until IS NULL OR m.valid_until > $4::date)
      )
      SELECT region_id FROM named
      UNION SELECT m.region_id FROM region_membership m JOIN codes c ON c.code = m.municipality_code WHERE m.valid_from <= $4::date AND (m.valid_until IS NULL OR m.valid_until > $4::date)`,
  /** HandoffsService.insertHandoff: the concept, its `created` event and the audit row in one statement. */
  create: `WITH created AS (
           INSERT INTO handoff ("id", "case_reference", "path_code", "receiver_organisation_id", "receiver_region_id", "receiver_function_type", "external_reference", "municipality_code", "exploitation_form", "target_group", "minor", "age_band", "consent_given", "consent_date", "consent_given_by", "legal_basis", "notes", "state", "version", "sender_organisation_id", "sender_account_id", "region_ids", "decline_reason", "alternative_organisation_id", "forwarded_from_id", "created_at", "updated_at", "sent_at", "respond_before", "responded_at", "closed_at")
           SELECT $1::uuid, $2::text, $3::text, $4::uuid, $5::uuid, $6::text, $7::text, $8::text, $9::text, $10::text, $11::boolean, $12::text, $13::boolean, $14::date, $15::text, $16::text, $17::text, $18::text, $19::int, $20::uuid, $21::uuid, $22::uuid[], $23::text, $24::uuid, $25::uuid, $26::timestamptz, $27::timestamptz, $28::timestamptz, $29::date, $30::timestamptz, $31::timestamptz
           WHERE NOT EXISTS (SELECT 1 FROM handoff WHERE case_reference = $32) RETURNING id),
         timeline AS (INSERT INTO handoff_event (handoff_id, version, kind, party, from_state, to_state, occurred_at, actor,
        actor_account_id, actor_organisation_id, reason, remark, alternative_organisation_id, forwarded_handoff_id,
        changed_fields)
      SELECT created.id, $33::int, $34::text, $35::text, $36::text, $37::text, $38::timestamptz, $39::text, $40::uuid, $41::uuid, $42::text, $43::text, $44::uuid, $45::uuid, $46::text[] FROM created),
         audited AS (INSERT INTO audit_event (occurred_at, actor, actor_account_id, action, record_type, record_id, ip, outcome,
        correlation_id, details)
      SELECT $47::timestamptz, $48::text, $49::uuid, $50::text, $51::text, $52::text, $53::text, $54::text, $55::text, $56::jsonb WHERE EXISTS (SELECT 1 FROM created))
         SELECT count(*)::int AS created FROM created`,
  /** HandoffsService.load: the hand-off, its timeline and the names of its detail (and the caller's organisation). */
  load: `SELECT h."id" AS "id", h."case_reference" AS "caseReference", h."external_reference" AS "externalReference", h."path_code" AS "pathCode", h."state" AS "state", h."version" AS "version", h."sender_organisation_id" AS "senderOrganisationId", h."sender_account_id" AS "senderAccountId", h."receiver_organisation_id" AS "receiverOrganisationId", h."receiver_region_id" AS "receiverRegionId", h."receiver_function_type" AS "receiverFunctionType", h."municipality_code" AS "municipalityCode", h."region_ids"::text[] AS "regionIds", h."exploitation_form" AS "exploitationForm", h."target_group" AS "targetGroup", h."minor" AS "minor", h."age_band" AS "ageBand", h."consent_given" AS "consentGiven", h."consent_date"::text AS "consentDate", h."consent_given_by" AS "consentGivenBy", h."legal_basis" AS "legalBasis", h."notes" AS "notes", h."decline_reason" AS "declineReason", h."alternative_organisation_id" AS "alternativeOrganisationId", h."forwarded_from_id" AS "forwardedFromId", h."created_at" AS "createdAt", h."updated_at" AS "updatedAt", h."sent_at" AS "sentAt", h."respond_before"::text AS "respondBefore", h."responded_at" AS "respondedAt", h."closed_at" AS "closedAt", h."escalated_at" AS "escalatedAt", h."anonymised_at" AS "anonymisedAt",
         (SELECT COALESCE(json_agg(x ORDER BY x.version), '[]'::json)
            FROM (SELECT e."id" AS "id", e."handoff_id" AS "handoffId", e."version" AS "version", e."kind" AS "kind", e."party" AS "party", e."from_state" AS "fromState", e."to_state" AS "toState", e."occurred_at" AS "occurredAt", e."actor" AS "actor", e."actor_account_id" AS "actorAccountId", e."actor_organisation_id" AS "actorOrganisationId", e."reason" AS "reason", e."remark" AS "remark", e."alternative_organisation_id" AS "alternativeOrganisationId", e."forwarded_handoff_id" AS "forwardedHandoffId", e."changed_fields" AS "changedFields" FROM handoff_event e WHERE e.handoff_id = h.id) x) AS "$events",
         (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name, 'type', o.type)), '[]'::json)
            FROM organisation o WHERE o.id IN (h.sender_organisation_id, h.receiver_organisation_id)) AS "$organisations",
         (SELECT r.name FROM region r WHERE r.id = h.receiver_region_id) AS "$regionName",
         (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'name', a.display_name)), '[]'::json)
            FROM account a WHERE a.id = ANY (ARRAY(SELECT h.sender_account_id UNION SELECT $2::uuid
              UNION SELECT e.actor_account_id FROM handoff_event e WHERE e.handoff_id = h.id))) AS "$accounts",
         (SELECT json_build_object('id', o.id, 'type', o.type) FROM organisation o WHERE o.id = $3::uuid) AS "$caller"
       FROM handoff h WHERE h.id = $1`,
  /** HandoffsService.moveInOneStatement for `accept`: row, event, audit row, notification and its mail job. */
  accept: `WITH moved AS (UPDATE handoff SET "state" = $1, "updated_at" = $2, "responded_at" = $3, version = version + 1 WHERE id = $4 AND version = $5 RETURNING id),
timeline AS (INSERT INTO handoff_event (handoff_id, version, kind, party, from_state, to_state, occurred_at, actor,
        actor_account_id, actor_organisation_id, reason, remark, alternative_organisation_id, forwarded_handoff_id,
        changed_fields)
      SELECT moved.id, $6::int, $7::text, $8::text, $9::text, $10::text, $11::timestamptz, $12::text, $13::uuid, $14::uuid, $15::text, $16::text, $17::uuid, $18::uuid, $19::text[] FROM moved),
audited AS (INSERT INTO audit_event (occurred_at, actor, actor_account_id, action, record_type, record_id, ip, outcome,
        correlation_id, details)
      SELECT $20::timestamptz, $21::text, $22::uuid, $23::text, $24::text, $25::text, $26::text, $27::text, $28::text, $29::jsonb WHERE EXISTS (SELECT 1 FROM moved)),
notified0 AS (
        INSERT INTO notification (account_id, kind, handoff_id, created_at)
        SELECT DISTINCT r.id, $32::text, $30::uuid, $31::timestamptz FROM (SELECT a.id FROM account a JOIN handoff h ON h.sender_account_id = a.id
       WHERE h.id = $30::uuid AND a.status = 'active') r WHERE EXISTS (SELECT 1 FROM moved)
        RETURNING id),
notified0_mail AS (INSERT INTO job (name, payload, dedupe_key, run_at, max_attempts, created_at)
      SELECT $33::text, jsonb_build_object('notificationId', n.id), 'mail:' || n.id, $34::timestamptz,
        $35::int, $36::timestamptz FROM notified0 n
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING)
SELECT count(*)::int AS moved FROM moved`,
};

// ---------------------------------------------------------------------------------------------- helpers
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'; // CASE_REFERENCE_ALPHABET of libs/shared/domain
const caseReference = (year) => {
  const block = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `KK-${year}-${block()}-${block()}`;
};
const today = (now) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
const canonical = (input) =>
  Array.isArray(input)
    ? input.map(canonical)
    : input && typeof input === 'object'
      ? Object.fromEntries(
          Object.entries(input)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : input;
const hashOf = (value) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
const actorOf = (who) => `account:${who.accountId}`;

class Problem extends Error {
  constructor(status, title) {
    super(title);
    this.status = status;
  }
}

async function inTransaction(work) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The event columns of SQL.create / SQL.accept ($n … $n+13) and the audit row's ($n … $n+9), in the API's order. */
const eventParams = (who, version, kind, party, fromState, toState, now) => [
  version,
  kind,
  party,
  fromState,
  toState,
  now,
  actorOf(who),
  who.accountId,
  who.organisationId,
  null,
  null,
  null,
  null,
  [],
];
const auditParams = (who, action, recordId, details, now) => [
  now,
  actorOf(who),
  who.accountId,
  action,
  'handoff',
  recordId,
  null,
  'success',
  null,
  JSON.stringify(details),
];

/** The hand-off as HandoffsService.load reads it (one statement), or null. */
async function load(id, who) {
  const {
    rows: [row],
  } = await pool.query(SQL.load, [id, who?.accountId ?? null, who?.organisationId ?? null]);
  return row ?? null;
}

/** A short answer from the loaded row (the API maps the same row to its full detail). */
function detailOf(row, extra = {}) {
  return {
    id: row.id,
    caseReference: row.caseReference,
    state: extra.state ?? row.state,
    version: extra.version ?? row.version,
    timeline: [...row.$events, ...(extra.events ?? [])].map((e) => ({
      version: e.version,
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
    })),
  };
}

// ---------------------------------------------------------------------------------------------- operations
async function create(body, idempotencyKey) {
  const receiverId = body?.receiver?.organisationId;
  if (!receiverId || typeof body.municipalityCode !== 'string') throw new Problem(400, 'Bad request');
  const who = SENDER;
  const id = randomUUID();
  await inTransaction(async (client) => {
    await client.query(SQL.callerOrganisation, [who.organisationId]);
    if (idempotencyKey) {
      const { rows } = await client.query(SQL.idempotencyKey, [
        actorOf(who),
        idempotencyKey,
        hashOf(body),
        id,
        new Date(),
      ]);
      if (rows.length === 0) throw new Problem(409, 'Idempotency-Key replay (not served by the baseline)');
    }
    if ((await client.query(SQL.municipality, [body.municipalityCode])).rows.length === 0)
      throw new Problem(400, 'unknown municipality');
    if ((await client.query(SQL.organisationExists, [receiverId])).rows.length === 0)
      throw new Problem(400, 'unknown organisation');
    const now = new Date();
    const regions = await client.query(SQL.regionsInvolved, [
      body.municipalityCode,
      [who.organisationId, receiverId],
      [],
      today(now),
    ]);
    const regionIds = [...new Set(regions.rows.map((r) => r.region_id))].sort();
    for (;;) {
      const reference = caseReference(Number(today(now).slice(0, 4)));
      const { rows } = await client.query(SQL.create, [
        id,
        reference,
        body.pathCode,
        receiverId,
        null,
        null,
        body.externalReference ?? null,
        body.municipalityCode,
        body.exploitationForm,
        body.targetGroup,
        body.minor,
        body.ageBand,
        body.consent?.given ?? false,
        body.consent?.date ?? null,
        body.consent?.givenBy ?? null,
        body.legalBasis,
        body.notes ?? null,
        'concept',
        1,
        who.organisationId,
        who.accountId,
        regionIds,
        null,
        null,
        null,
        now,
        now,
        null,
        null,
        null,
        null,
        reference,
        ...eventParams(who, 1, 'created', 'sender', null, 'concept', now),
        ...auditParams(
          who,
          'handoff.create',
          id,
          { pathCode: body.pathCode, idempotencyKey: idempotencyKey !== undefined },
          now,
        ),
      ]);
      if (rows[0].created === 1) break;
    }
  });
  return [201, detailOf(await load(id))];
}

async function accept(id, body) {
  const who = RECEIVER;
  const row = await load(id, who);
  if (!row || row.receiverOrganisationId !== who.organisationId) throw new Problem(404, 'Not Found');
  if (!row.$caller) throw new Problem(403, 'account without organisation');
  if (row.version !== body.version) throw new Problem(409, 'version conflict');
  if (row.state !== 'verstuurd') throw new Problem(409, 'transition not allowed');
  const now = new Date();
  const event = eventParams(who, body.version + 1, 'accept', 'receiver', 'verstuurd', 'geaccepteerd', now);
  const {
    rows: [result],
  } = await pool.query(SQL.accept, [
    'geaccepteerd',
    now,
    now,
    id,
    body.version,
    ...event,
    ...auditParams(
      who,
      'handoff.transition',
      id,
      { transition: 'accept', from: 'verstuurd', to: 'geaccepteerd', reason: null },
      now,
    ),
    id,
    now,
    'handoff-accepted',
    'send-mail',
    now,
    5,
    now,
  ]);
  if (result.moved !== 1) throw new Problem(409, 'version conflict');
  return [
    200,
    detailOf(row, {
      state: 'geaccepteerd',
      version: body.version + 1,
      events: [
        { version: body.version + 1, kind: 'accept', fromState: 'verstuurd', toState: 'geaccepteerd' },
      ],
    }),
  ];
}

// ---------------------------------------------------------------------------------------------- server
const TRANSITION_PATH = /^\/api\/v1\/handoffs\/([0-9a-f-]{36})\/transitions$/;

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new Problem(400, 'Malformed JSON'));
      }
    });
  });
}

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let status = 404;
  let body = { title: 'Not Found' };
  try {
    if (request.method === 'GET' && url.pathname === '/api/v1/health') {
      await pool.query('SELECT 1');
      [status, body] = [200, { status: 'ok', database: 'ok' }];
    } else if (request.method === 'POST' && url.pathname === '/api/v1/handoffs') {
      [status, body] = await create(await readBody(request), request.headers['idempotency-key']);
    } else if (request.method === 'POST' && TRANSITION_PATH.test(url.pathname)) {
      const input = await readBody(request);
      if (input.transition !== 'accept') throw new Problem(400, 'the baseline serves accept only');
      [status, body] = await accept(TRANSITION_PATH.exec(url.pathname)[1], input);
    } else {
      await new Promise((resolve) => request.resume().on('end', resolve));
    }
  } catch (error) {
    status = error instanceof Problem ? error.status : 500;
    body = { title: String(error?.message ?? error) };
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type':
      status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(args.port), '127.0.0.1', () => console.log(`listening ${server.address().port}`));

const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
