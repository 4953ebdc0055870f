import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { signInAs } from '../test/session-client';
import { adminAuth, createTestApp } from '../test/test-app';
import { openEmbeddedPostgres } from './embedded-postgres';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');
const BASE = '/api/v1';
const SERVER_URL = process.env.DATABASE_URL;

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Row count and an order-independent checksum of every table in the public schema. */
async function tableFingerprints(query: Query): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = (
    await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  ).map((row) => String(row.tablename));
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of tables) {
    const [row] = await query(
      `SELECT COUNT(*)::int AS rows, md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${table}" t`,
    );
    result[table] = { rows: Number(row.rows), md5: String(row.md5) };
  }
  return result;
}

/** Demo seed (by the app's boot) plus hand-offs and a directory edit through the real API. */
async function fill(app: NestFastifyApplication): Promise<void> {
  await app.listen(0, '127.0.0.1');
  const http = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sender = await signInAs(
    http,
    DEMO_ACCOUNTS.find((demo) => demo.email === 'zorgcoordinator@demo.ketenkaart.nl')!,
    totpCode,
  );
  const receiver = await sender.get(`${BASE}/organisations?q=RIEC%20Oost-Nederland&pageSize=1`);
  for (let i = 0; i < 3; i++) {
    const created = await sender.post(`${BASE}/handoffs`, {
      pathCode: 'riec-intake',
      receiver: { organisationId: receiver.body.items[0].id },
      municipalityCode: 'GM0363',
      exploitationForm: 'arbeidsuitbuiting',
      targetGroup: 'eu-adult',
      minor: false,
      ageBand: '24-plus',
      consent: { given: false },
      legalBasis: 'riec-convenant',
      notes: 'Back-up en herstel.',
    });
    expect(created.status).toBe(201);
    if (i > 0)
      expect(
        (
          await sender.post(`${BASE}/handoffs/${created.body.id}/transitions`, {
            transition: 'send',
            version: 1,
          })
        ).status,
      ).toBe(200);
  }
  const organisation = (await request(http).get(`${BASE}/organisations?q=Veilig%20Thuis&pageSize=1`)).body
    .items[0];
  const edited = await request(http)
    .patch(`${BASE}/organisations/${organisation.id}`)
    .set(adminAuth)
    .send({ version: organisation.version, description: `Hersteltest ${Date.now()}` });
  expect(edited.status).toBe(200);
}

async function tool(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'tools', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  return stdout;
}

describe('npm run db:backup / db:restore round trip', () => {
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'ketenkaart-backup-'));
  });
  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  if (SERVER_URL) {
    it('server: pg_dump → pg_restore into a fresh database gives the same rows in every table', async () => {
      const app = await createTestApp();
      try {
        await fill(app);
      } finally {
        await app.close();
      }
      const backups = path.join(workDir, 'server');
      await tool('db-backup.mjs', ['--out', backups, '--keep', '2'], { DATABASE_URL: SERVER_URL });
      const [file] = readdirSync(backups);
      expect(file).toMatch(/^ketenkaart-server-\d{8}T\d{6}Z\.dump$/);

      const target = new URL(SERVER_URL);
      const freshName = `${target.pathname.slice(1)}_restore_${process.pid}`;
      target.pathname = `/${freshName}`;
      const source = new Client({ connectionString: SERVER_URL });
      const fresh = new Client({ connectionString: target.toString() });
      try {
        await tool('db-restore.mjs', [path.join(backups, file), '--create'], {
          DATABASE_URL: target.toString(),
        });
        // A second restore into the now filled database is refused without --clean.
        await expect(
          tool('db-restore.mjs', [path.join(backups, file)], { DATABASE_URL: target.toString() }),
        ).rejects.toThrow(/already holds/);
        await source.connect();
        await fresh.connect();
        const before = await tableFingerprints(async (sql) => (await source.query(sql)).rows);
        const after = await tableFingerprints(async (sql) => (await fresh.query(sql)).rows);
        expect(Object.keys(before).length).toBeGreaterThan(20);
        expect(before.handoff.rows).toBeGreaterThanOrEqual(3);
        expect(after).toEqual(before);
      } finally {
        await source.end().catch(() => undefined);
        await fresh.end().catch(() => undefined);
        const admin = new Client({ connectionString: SERVER_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${freshName}" WITH (FORCE)`);
        await admin.end();
      }
    }, 240_000);
  } else {
    it('embedded: dumpDataDir → loadDataDir into a fresh data dir gives the same rows in every table', async () => {
      const dataDir = path.join(workDir, 'source');
      const app = await createTestApp({ PGLITE_DATA_DIR: dataDir });
      try {
        await fill(app);
      } finally {
        await app.close();
      }
      const backups = path.join(workDir, 'embedded');
      const embedded = { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir };
      await tool('db-backup.mjs', ['--out', backups], embedded);
      const [file] = readdirSync(backups);
      expect(file).toMatch(/^ketenkaart-embedded-\d{8}T\d{6}Z\.tar\.gz$/);

      const freshDir = path.join(workDir, 'restored');
      await tool('db-restore.mjs', [path.join(backups, file)], {
        DATABASE_URL: '',
        PGLITE_DATA_DIR: freshDir,
      });
      // Restoring over an existing data dir is refused.
      await expect(
        tool('db-restore.mjs', [path.join(backups, file)], { DATABASE_URL: '', PGLITE_DATA_DIR: freshDir }),
      ).rejects.toThrow(/not empty/);

      const fingerprintOf = async (dir: string) => {
        const pglite = await openEmbeddedPostgres(dir);
        try {
          return await tableFingerprints(
            async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows,
          );
        } finally {
          await pglite.close();
        }
      };
      const before = await fingerprintOf(dataDir);
      const after = await fingerprintOf(freshDir);
      expect(Object.keys(before).length).toBeGreaterThan(20);
      expect(before.handoff.rows).toBe(3);
      expect(after).toEqual(before);
    }, 240_000);
  }
});
