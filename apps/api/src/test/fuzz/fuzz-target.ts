import { NestFastifyApplication } from '@nestjs/platform-fastify';
import http from 'node:http';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../../auth/demo-accounts.seeder';
import { randomToken, sha256Hex } from '../../auth/secure-random';
import { csrfTokenFor } from '../../auth/session.service';
import { totpCode } from '../../auth/totp';
import { SessionClient, signInAs } from '../session-client';
import { createTestApp, TEST_ADMIN_TOKEN } from '../test-app';
import { ValuePools } from './arbitraries';
import { Caller, FuzzTarget } from './fuzzer';
import { loadOpenApiDocument, operationsOf } from './openapi-model';
import { LeakMarker } from './response-checks';

const BASE = '/api/v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONFIDENTIAL_ADDRESS = 'Fictieve Schuilstraat';

/** Caller names: `anonymous`, `service-token`, and each demo account's e-mail local part. */
const callerName = (email: string) => email.split('@')[0];

export interface FuzzEnvironment {
  app: NestFastifyApplication;
  target: FuzzTarget;
  close(): Promise<void>;
}

function collectIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'id' && typeof item === 'string' && UUID.test(item)) into.add(item);
    else collectIds(item, into, depth + 1);
  }
}

/**
 * On a server (DATABASE_URL) the fuzzer works in a database of its own, created beside the given one and dropped
 * afterwards: it archives, edits and creates records at random, which other test files sharing the server
 * database must not see. (The embedded database is a fresh one in memory anyway.)
 */
async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const server = process.env.DATABASE_URL;
  if (!server) return null;
  const url = new URL(server);
  const name = `${url.pathname.slice(1) || 'ketenkaart'}_fuzz_${process.pid}`.slice(0, 63);
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}"`);
  await admin(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * A real app on a real database (embedded, or DATABASE_URL), with a session for every demo role, a few records
 * of our own in two regions (Amsterdam and Twente), id pools harvested through the API, and the leak markers.
 */
export async function createFuzzEnvironment(): Promise<FuzzEnvironment> {
  const t0 = Date.now();
  const step = (what: string) =>
    process.env.FUZZ_DEBUG && process.stderr.write(`${what} ${Date.now() - t0} ms\n`);
  const scratch = await scratchDatabase();
  const app = await createTestApp({
    LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  const document = loadOpenApiDocument();
  const operations = operationsOf(document);

  step('app');
  const sessions = new Map<string, SessionClient>();
  for (const account of DEMO_ACCOUNTS) {
    sessions.set(callerName(account.email), await signInAs(baseUrl, account, totpCode));
  }
  const callers: Caller[] = [
    { name: 'anonymous', kind: 'anonymous' },
    { name: 'service-token', kind: 'service-token', bearer: TEST_ADMIN_TOKEN },
    ...[...sessions].map(([name, client]) => ({
      name,
      kind: 'session' as const,
      cookie: client.cookieHeader,
      csrf: client.csrf,
    })),
  ];

  step('sign-ins');
  // Own records in two regions: a hand-off sent in Amsterdam and one sent in Twente, with notes to recognise.
  const organisationNamed = async (name: string) =>
    (
      await dataSource.query(`SELECT id FROM organisation WHERE name = $1 ORDER BY created_at LIMIT 1`, [
        name,
      ])
    )[0]?.id as string;
  const sendHandoff = async (client: SessionClient, receiver: string, gm: string, notes: string) => {
    const created = await client.post(`${BASE}/handoffs`, {
      pathCode: 'zvh-intake',
      receiver: { organisationId: receiver },
      municipalityCode: gm,
      exploitationForm: 'arbeidsuitbuiting',
      targetGroup: 'eu-adult',
      minor: false,
      ageBand: '24-plus',
      consent: { given: false },
      legalBasis: 'riec-convenant',
      notes,
    });
    if (created.status !== 201)
      throw new Error(`fixture hand-off: ${created.status} ${JSON.stringify(created.body)}`);
    const sent = await client.post(`${BASE}/handoffs/${created.body.id}/transitions`, {
      transition: 'send',
      version: created.body.version,
    });
    if (sent.status !== 200) throw new Error(`fixture send: ${sent.status} ${JSON.stringify(sent.body)}`);
    return created.body as { id: string; caseReference: string };
  };
  const amsterdamNotes = 'Fuzzmarker-Amsterdam-signaal via wijkteam';
  const twenteNotes = 'Fuzzmarker-Twente-signaal via huisarts';
  const amsterdam = await sendHandoff(
    sessions.get('zorgcoordinator')!,
    await organisationNamed('Zorg- en Veiligheidshuis Amsterdam-Amstelland'),
    'GM0363',
    amsterdamNotes,
  );
  const twente = await sendHandoff(
    sessions.get('zorgcoordinator-twente')!,
    await organisationNamed('Zorg- en Veiligheidshuis Twente'),
    'GM0153',
    twenteNotes,
  );
  const allowed = (...names: string[]) => new Set(names);
  const markers: LeakMarker[] = [
    {
      label: 'Amsterdam hand-off id',
      value: amsterdam.id,
      allowed: allowed('zorgcoordinator', 'ketenregisseur', 'privacy'),
    },
    {
      label: 'Amsterdam case reference',
      value: amsterdam.caseReference,
      allowed: allowed('zorgcoordinator', 'ketenregisseur', 'privacy'),
    },
    { label: 'Amsterdam hand-off notes', value: amsterdamNotes, allowed: allowed('zorgcoordinator') },
    { label: 'Twente hand-off id', value: twente.id, allowed: allowed('zorgcoordinator-twente', 'privacy') },
    {
      label: 'Twente case reference',
      value: twente.caseReference,
      allowed: allowed('zorgcoordinator-twente', 'privacy'),
    },
    { label: 'Twente hand-off notes', value: twenteNotes, allowed: allowed('zorgcoordinator-twente') },
    {
      label: 'confidential shelter address',
      value: CONFIDENTIAL_ADDRESS,
      allowed: allowed(
        'service-token',
        'beheerder',
        'ketenregisseur',
        'zorgcoordinator',
        'zorgcoordinator-twente',
        'ontvanger',
      ),
    },
  ];

  // An account of our own for the account-management routes: the demo accounts must keep their roles and 2FA.
  const ownAccount = await request(baseUrl)
    .post(`${BASE}/accounts`)
    .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
    .send({
      email: `fuzz-${Date.now()}@example.org`,
      displayName: 'Fuzz Target',
      roles: ['landelijk-monitor'],
    });

  step('fixtures');
  // Id pools: everything the GET routes show to each caller, then one level deeper (`/regions/{id}/…`).
  const protectedIds = new Set<string>(
    (
      await dataSource.query(`SELECT id FROM account WHERE email = ANY($1)`, [
        DEMO_ACCOUNTS.map((a) => a.email),
      ])
    ).map((row: { id: string }) => row.id),
  );
  for (const row of await dataSource.query(`SELECT id FROM session`)) protectedIds.add(row.id);
  const idsByCollection = new Map<string, Set<string>>();
  const add = (collection: string, ids: Iterable<string>) => {
    const set = idsByCollection.get(collection) ?? new Set<string>();
    for (const id of ids) if (!protectedIds.has(id)) set.add(id);
    idsByCollection.set(collection, set);
  };
  const get = (caller: Caller, path: string) =>
    new Promise<unknown>((resolve) => {
      const url = new URL(path, baseUrl);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (caller.cookie) headers['cookie'] = caller.cookie;
      if (caller.bearer) headers['authorization'] = `Bearer ${caller.bearer}`;
      http
        .get(url, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            try {
              resolve(
                response.statusCode === 200 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null,
              );
            } catch {
              resolve(null);
            }
          });
        })
        .on('error', () => resolve(null));
    });
  const gets = operations.filter(
    (op) => op.method === 'get' && !/\/account\/sessions|export|\/geo\/|openapi/.test(op.path),
  );
  // The service token sees everything nationwide; the region-bound roles see their own records (inboxes, …).
  const harvesters = callers.filter((caller) =>
    [
      'service-token',
      'ketenregisseur',
      'zorgcoordinator',
      'zorgcoordinator-twente',
      'ontvanger',
      'privacy',
    ].includes(caller.name),
  );
  for (const op of gets.filter((op) => op.pathParams.length === 0)) {
    for (const caller of harvesters) {
      const ids = new Set<string>();
      collectIds(await get(caller, op.path), ids);
      add(op.path, ids);
    }
  }
  step('harvest 1');
  const regionRows: { id: string }[] = await dataSource.query(
    `SELECT id FROM region WHERE code LIKE 'demo-%' OR code IN ('VR13', 'VR05', 'VR06') ORDER BY code`,
  );
  add(
    `${BASE}/regions`,
    regionRows.map((row) => row.id),
  );
  add(`${BASE}/handoffs`, [amsterdam.id, twente.id]);
  add(
    `${BASE}/handoffs`,
    (await dataSource.query(`SELECT id FROM handoff ORDER BY created_at LIMIT 10`)).map(
      (row: { id: string }) => row.id,
    ),
  );
  if (ownAccount.body?.id) add(`${BASE}/accounts`, [ownAccount.body.id]);
  for (const op of gets.filter((op) => op.pathParams.length === 1)) {
    const parent = op.path.slice(0, op.path.indexOf(`/{${op.pathParams[0].name}}`));
    const parentIds = [...(idsByCollection.get(parent) ?? [])].slice(0, 3);
    for (const id of parentIds) {
      for (const caller of harvesters) {
        const ids = new Set<string>();
        collectIds(await get(caller, op.path.replace(`{${op.pathParams[0].name}}`, id)), ids);
        ids.delete(id);
        add(op.path, ids);
      }
    }
  }
  step('harvest 2');
  // Keep pools small and stable (sorted), so the same seed draws the same ids on every run.
  const pools: ValuePools = {
    ids: [],
    idsByCollection: new Map(),
    municipalityCodes: ['GM0363', 'GM0153', 'GM0599', 'GM0344', 'GM0014', 'GM0034'],
  };
  const everything = new Set<string>();
  for (const [collection, ids] of [...idsByCollection].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...ids].sort().slice(0, 40);
    pools.idsByCollection.set(collection, sorted);
    sorted.slice(0, 8).forEach((id) => everything.add(id));
  }
  pools.ids = [...everything].sort();

  const accountIdOf = async (name: string) =>
    (
      await dataSource.query(`SELECT id FROM account WHERE email = $1`, [
        DEMO_ACCOUNTS.find((a) => callerName(a.email) === name)!.email,
      ])
    )[0].id as string;

  const target: FuzzTarget = {
    baseUrl,
    document,
    operations,
    pools,
    markers,
    callers,
    // Sign-out, "end my other sessions" and the like may end the fuzzer's own session: start a complete one
    // for the same account directly in the session table (as a second sign-in would, without waiting for a
    // fresh TOTP step).
    async restoreSession(caller) {
      const info = (await get(caller, `${BASE}/auth/session`)) as { stage?: string } | null;
      if (info?.stage === 'complete') return;
      const token = randomToken();
      const now = new Date();
      await dataSource.query(
        `INSERT INTO session (token_hash, account_id, created_at, last_seen_at, expires_at, ip, user_agent, two_factor_passed)
         VALUES ($1, $2, $3, $3, $4, '127.0.0.1', 'fuzzer', true)`,
        [sha256Hex(token), await accountIdOf(caller.name), now, new Date(now.getTime() + 3_600_000)],
      );
      caller.csrf = csrfTokenFor(token);
      caller.cookie = `kk_session=${token}; kk_csrf=${caller.csrf}`;
    },
    async stillSecret(marker) {
      if (marker.value !== CONFIDENTIAL_ADDRESS) return true;
      const rows: { open: number }[] = await dataSource.query(
        `SELECT COUNT(*)::int AS open FROM organisation WHERE address LIKE $1 AND NOT address_confidential`,
        [`%${CONFIDENTIAL_ADDRESS}%`],
      );
      return rows[0].open === 0;
    },
  };
  return {
    app,
    target,
    async close() {
      await app.close();
      await scratch?.drop();
    },
  };
}
