#!/usr/bin/env node
// Bare baseline for bench/handoffs.mjs: `node:http` + `pg`, no framework. It serves
//   POST /api/v1/handoffs                    create a concept (with an Idempotency-Key header)
//   POST /api/v1/handoffs/{id}/transitions   { transition: 'accept', version } by the receiver
//   GET  /api/v1/health
// sending the SAME SQL statements (text, order, one transaction) as HandoffsService.create / .transition('accept')
// and the read-back of HandoffsService.get (hand-off, timeline, names), with the same pool settings. What it SKIPS:
// the session lookup (2 statements per request in the API), CSRF, permissions, DTO validation, the identifying-data
// scan of free text and the mapping to the full detail body. The caller's account and organisation are fixed at
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
// The statements below are the API's, as bench/capture-sql.cjs logs them (TypeORM's generated ones included).
const HANDOFF_COLUMNS = [
  'id',
  'case_reference',
  'external_reference',
  'path_code',
  'state',
  'version',
  'sender_organisation_id',
  'sender_account_id',
  'receiver_organisation_id',
  'receiver_region_id',
  'receiver_function_type',
  'municipality_code',
  'region_ids',
  'exploitation_form',
  'target_group',
  'minor',
  'age_band',
  'consent_given',
  'consent_date',
  'consent_given_by',
  'legal_basis',
  'notes',
  'decline_reason',
  'alternative_organisation_id',
  'forwarded_from_id',
  'created_at',
  'updated_at',
  'sent_at',
  'respond_before',
  'responded_at',
  'closed_at',
  'escalated_at',
  'anonymised_at',
];
const EVENT_COLUMNS = [
  'id',
  'handoff_id',
  'version',
  'kind',
  'party',
  'from_state',
  'to_state',
  'occurred_at',
  'actor',
  'actor_account_id',
  'actor_organisation_id',
  'reason',
  'remark',
  'alternative_organisation_id',
  'forwarded_handoff_id',
  'changed_fields',
];
const SQL = {
  callerOrganisation: `SELECT id, type FROM organisation WHERE id = $1`,
  idempotencyKey: `INSERT INTO handoff_idempotency_key (actor, idempotency_key, request_hash, handoff_id, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING handoff_id`,
  municipality: `SELECT 1 FROM municipality WHERE code = $1`,
  organisationExists: `SELECT 1 FROM organisation WHERE id = $1 AND archived_at IS NULL`,
  caseReferenceTaken: `SELECT COUNT(1) AS "cnt" FROM "handoff" "HandoffEntity" WHERE (("HandoffEntity"."case_reference" = $1))`,
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
  insertHandoff: `INSERT INTO "handoff"(${HANDOFF_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${HANDOFF_COLUMNS.slice(
    0,
    31,
  )
    .map((_, i) => `$${i + 1}`)
    .join(', ')}, DEFAULT, DEFAULT) RETURNING "region_ids"`,
  insertEvent: `INSERT INTO "handoff_event"(${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (DEFAULT, ${EVENT_COLUMNS.slice(
    1,
  )
    .map((_, i) => `$${i + 1}`)
    .join(', ')}) RETURNING "id", "changed_fields"`,
  insertAudit: `INSERT INTO "audit_event"("id", "occurred_at", "actor", "actor_account_id", "action", "record_type", "record_id", "ip", "outcome", "correlation_id", "details") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  findHandoff: `SELECT ${HANDOFF_COLUMNS.map((c) => `"HandoffEntity"."${c}" AS "HandoffEntity_${c}"`).join(', ')} FROM "handoff" "HandoffEntity" WHERE (("HandoffEntity"."id" = $1)) LIMIT 1`,
  bumpAccept: `UPDATE "handoff" SET "state" = $1, "updated_at" = $2, "responded_at" = $3, "version" = "version" + 1 WHERE "id" = $4 AND "version" = $5`,
  senderOf: `SELECT a.id FROM account a JOIN handoff h ON h.sender_account_id = a.id
       WHERE h.id = $1 AND a.status = 'active'`,
  notify: `INSERT INTO notification (account_id, kind, handoff_id, created_at)
       SELECT unnest($1::uuid[]), $2, $3, $4 RETURNING id`,
  job: `INSERT INTO job (name, payload, dedupe_key, run_at, max_attempts, created_at)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
  events: `SELECT ${EVENT_COLUMNS.map((c) => `"HandoffEventEntity"."${c}" AS "HandoffEventEntity_${c}"`).join(', ')} FROM "handoff_event" "HandoffEventEntity" WHERE (("HandoffEventEntity"."handoff_id" = $1)) ORDER BY "HandoffEventEntity"."version" ASC`,
  organisations: `SELECT id, name, type FROM organisation WHERE id = ANY($1::uuid[])`,
  accounts: `SELECT id, display_name FROM account WHERE id = ANY($1::uuid[])`,
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

async function audit(client, who, action, recordId, details) {
  await client.query(SQL.insertAudit, [
    new Date(),
    actorOf(who),
    who.accountId,
    action,
    'handoff',
    recordId,
    null,
    'success',
    null,
    JSON.stringify(details),
  ]);
}

async function appendEvent(client, who, handoffId, version, event) {
  await client.query(SQL.insertEvent, [
    handoffId,
    version,
    event.kind,
    event.party,
    event.fromState,
    event.toState,
    new Date(),
    actorOf(who),
    who.accountId,
    who.organisationId,
    null,
    null,
    null,
    null,
    [],
  ]);
}

/** The read-back of HandoffsService.get: hand-off, timeline, organisation and account names (no read audit). */
async function detail(id) {
  const client = await pool.connect();
  try {
    const {
      rows: [row],
    } = await client.query(SQL.findHandoff, [id]);
    const { rows: events } = await client.query(SQL.events, [id]);
    const organisations = [
      row.HandoffEntity_sender_organisation_id,
      row.HandoffEntity_receiver_organisation_id,
    ]
      .filter(Boolean)
      .filter((v, i, all) => all.indexOf(v) === i);
    await client.query(SQL.organisations, [organisations]);
    const accounts = [
      row.HandoffEntity_sender_account_id,
      ...events.map((e) => e.HandoffEventEntity_actor_account_id),
    ]
      .filter(Boolean)
      .filter((v, i, all) => all.indexOf(v) === i);
    await client.query(SQL.accounts, [accounts]);
    return {
      id,
      caseReference: row.HandoffEntity_case_reference,
      state: row.HandoffEntity_state,
      version: row.HandoffEntity_version,
      timeline: events.map((e) => ({
        version: e.HandoffEventEntity_version,
        kind: e.HandoffEventEntity_kind,
        fromState: e.HandoffEventEntity_from_state,
        toState: e.HandoffEventEntity_to_state,
      })),
    };
  } finally {
    client.release();
  }
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
    const now = new Date();
    if ((await client.query(SQL.municipality, [body.municipalityCode])).rows.length === 0)
      throw new Problem(400, 'unknown municipality');
    if ((await client.query(SQL.organisationExists, [receiverId])).rows.length === 0)
      throw new Problem(400, 'unknown organisation');
    let reference = caseReference(Number(today(now).slice(0, 4)));
    while (Number((await client.query(SQL.caseReferenceTaken, [reference])).rows[0].cnt) > 0)
      reference = caseReference(Number(today(now).slice(0, 4)));
    const regions = await client.query(SQL.regionsInvolved, [
      body.municipalityCode,
      [who.organisationId, receiverId],
      [],
      today(now),
    ]);
    const regionIds = [...new Set(regions.rows.map((r) => r.region_id))].sort();
    await client.query(SQL.insertHandoff, [
      id,
      reference,
      body.externalReference ?? null,
      body.pathCode,
      'concept',
      1,
      who.organisationId,
      who.accountId,
      receiverId,
      null,
      null,
      body.municipalityCode,
      regionIds,
      body.exploitationForm,
      body.targetGroup,
      body.minor,
      body.ageBand,
      body.consent?.given ?? false,
      body.consent?.date ?? null,
      body.consent?.givenBy ?? null,
      body.legalBasis,
      body.notes ?? null,
      null,
      null,
      null,
      now,
      now,
      null,
      null,
      null,
      null,
    ]);
    await appendEvent(client, who, id, 1, {
      kind: 'created',
      party: 'sender',
      fromState: null,
      toState: 'concept',
    });
    await audit(client, who, 'handoff.create', id, {
      pathCode: body.pathCode,
      idempotencyKey: idempotencyKey !== undefined,
    });
  });
  return [201, await detail(id)];
}

async function accept(id, body) {
  const who = RECEIVER;
  await inTransaction(async (client) => {
    const {
      rows: [row],
    } = await client.query(SQL.findHandoff, [id]);
    if (!row || row.HandoffEntity_receiver_organisation_id !== who.organisationId)
      throw new Problem(404, 'Not Found');
    await client.query(SQL.callerOrganisation, [who.organisationId]);
    if (row.HandoffEntity_version !== body.version) throw new Problem(409, 'version conflict');
    if (row.HandoffEntity_state !== 'verstuurd') throw new Problem(409, 'transition not allowed');
    const now = new Date();
    const result = await client.query(SQL.bumpAccept, ['geaccepteerd', now, now, id, body.version]);
    if (result.rowCount !== 1) throw new Problem(409, 'version conflict');
    await appendEvent(client, who, id, body.version + 1, {
      kind: 'accept',
      party: 'receiver',
      fromState: 'verstuurd',
      toState: 'geaccepteerd',
    });
    const senders = (await client.query(SQL.senderOf, [id])).rows.map((r) => r.id);
    if (senders.length > 0) {
      const { rows: notifications } = await client.query(SQL.notify, [
        senders,
        'handoff-accepted',
        id,
        new Date(),
      ]);
      for (const notification of notifications)
        await client.query(SQL.job, [
          'send-mail',
          JSON.stringify({ notificationId: notification.id }),
          `mail:${notification.id}`,
          new Date(),
          5,
          new Date(),
        ]);
    }
    await audit(client, who, 'handoff.transition', id, {
      transition: 'accept',
      from: 'verstuurd',
      to: 'geaccepteerd',
      reason: null,
    });
  });
  return [200, await detail(id)];
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
