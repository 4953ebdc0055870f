import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { Clock } from '../common/clock';
import { JobQueue } from '../jobs/job-queue.service';
import { SessionClient, signInAs } from '../test/session-client';
import { createTestApp } from '../test/test-app';

const BASE = '/api/v1';
const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;

/** The same cookies, sent to another instance. */
function onInstance(client: SessionClient, http: string): SessionClient {
  const twin = new SessionClient(http);
  twin.cookies = client.cookies;
  return twin;
}

// Several instances only exist on a PostgreSQL server: the embedded database belongs to one process.
const SERVER = Boolean(process.env.DATABASE_URL);
const describeWithServer = SERVER ? describe : describe.skip;
if (!SERVER)
  console.info(
    'two-instances.int-spec: skipped — it needs a PostgreSQL server; set DATABASE_URL=postgres://… to run it',
  );

describeWithServer('two API instances on one PostgreSQL database', () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let httpA: string;
  let httpB: string;
  let dataSource: DataSource;

  const start = async () => {
    // The background job worker polls quickly here, so that both instances really compete for jobs.
    const app = await createTestApp({ JOB_POLL_INTERVAL_MS: '20' });
    await app.listen(0, '127.0.0.1');
    return { app, http: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  };

  beforeAll(async () => {
    ({ app: a, http: httpA } = await start());
    ({ app: b, http: httpB } = await start());
    dataSource = a.get(DataSource);
    expect(b.get(DataSource)).not.toBe(dataSource);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a session started on A works on B, and signing out on B ends it on A', async () => {
    const onA = await signInAs(httpA, account('zorgcoordinator@demo.ketenkaart.nl'), totpCode);
    const onB = onInstance(onA, httpB);
    const session = await onB.get(`${BASE}/auth/session`);
    expect(session.body).toMatchObject({
      authenticated: true,
      stage: 'complete',
      account: { email: 'zorgcoordinator@demo.ketenkaart.nl' },
    });
    expect((await onB.get(`${BASE}/handoffs/outbox`)).status).toBe(200);

    expect((await onB.post(`${BASE}/auth/sign-out`)).status).toBe(204);
    const afterOnA = await onInstance(onA, httpA).get(`${BASE}/auth/session`);
    expect(afterOnA.body.authenticated).toBe(false);
    expect((await onInstance(onA, httpA).get(`${BASE}/handoffs/outbox`)).status).toBe(401);
  });

  it('counts failed sign-ins on A and B together', async () => {
    // Both instances at the same instant (the clock is a system edge), so that only the counting is tested.
    const now = new Date();
    const spies = [a, b].map((app) =>
      jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now)),
    );
    const email = `two-instances-${process.pid}@example.org`;
    const attempt = (http: string) =>
      request(http).post(`${BASE}/auth/sign-in`).send({ email, password: 'not the password at all' });
    try {
      // Three free attempts in all, whichever instance gets them; the fourth starts a delay that both enforce.
      expect((await attempt(httpA)).status).toBe(401);
      expect((await attempt(httpB)).status).toBe(401);
      expect((await attempt(httpA)).status).toBe(401);
      expect((await attempt(httpB)).status).toBe(401);
      const blockedOnA = await attempt(httpA);
      expect(blockedOnA.status).toBe(429);
      expect(blockedOnA.headers['retry-after']).toBe('1');
      expect((await attempt(httpB)).status).toBe(429);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
      await dataSource.query(`DELETE FROM sign_in_throttle WHERE last_failure_at = $1`, [now]);
    }
  });

  it('of conflicting transitions on A and B exactly one wins (optimistic locking across instances)', async () => {
    const sender = await signInAs(httpA, account('zorgcoordinator@demo.ketenkaart.nl'), totpCode);
    const receiver = await signInAs(httpB, account('ontvanger@demo.ketenkaart.nl'), totpCode);
    const created = await sender.post(`${BASE}/handoffs`, {
      pathCode: 'riec-intake',
      receiver: { organisationId: await organisationOf(receiver) },
      municipalityCode: 'GM0363',
      exploitationForm: 'arbeidsuitbuiting',
      targetGroup: 'eu-adult',
      minor: false,
      ageBand: '24-plus',
      consent: { given: false },
      legalBasis: 'riec-convenant',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const sent = await sender.post(`${BASE}/handoffs/${id}/transitions`, { transition: 'send', version: 1 });
    expect(sent.status).toBe(200);

    // The receiver accepts on B while the sender withdraws on A, both from version 2.
    const [accept, withdraw] = await Promise.all([
      receiver.post(`${BASE}/handoffs/${id}/transitions`, { transition: 'accept', version: 2 }),
      sender.post(`${BASE}/handoffs/${id}/transitions`, { transition: 'withdraw', version: 2 }),
    ]);
    expect([accept.status, withdraw.status].sort()).toEqual([200, 409]);
    expect((accept.status === 409 ? accept : withdraw).body.code).toBe('version_conflict');
    const stored = await dataSource.query(
      `SELECT h.version, (SELECT COUNT(*)::int FROM handoff_event e WHERE e.handoff_id = h.id) AS events
         FROM handoff h WHERE h.id = $1`,
      [id],
    );
    expect(stored).toEqual([{ version: 3, events: 3 }]);
  });

  it('runs each job exactly once with both instances polling the queue', async () => {
    const ran: { job: number; instance: string }[] = [];
    const name = `two-instances-test-${process.pid}`;
    for (const [label, app] of [
      ['A', a],
      ['B', b],
    ] as const) {
      app.get(JobQueue).register(name, async (payload) => {
        ran.push({ job: Number(payload.n), instance: label });
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
    }
    const jobs = 40;
    // Enqueued in one transaction, so that all become due at once and both workers compete for them.
    await dataSource.transaction(async (manager) => {
      for (let n = 0; n < jobs; n++) await a.get(JobQueue).enqueue(name, { n }, {}, manager);
    });
    // Wait (bounded) until the queue has none of them left; both background workers claim concurrently.
    for (let wait = 0; wait < 600; wait++) {
      const [{ open }] = await dataSource.query(
        `SELECT COUNT(*)::int AS open FROM job WHERE name = $1 AND done_at IS NULL`,
        [name],
      );
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const done = await dataSource.query(
      `SELECT COUNT(*)::int AS n, SUM(attempts)::int AS attempts FROM job WHERE name = $1 AND done_at IS NOT NULL`,
      [name],
    );
    expect(done).toEqual([{ n: jobs, attempts: jobs }]);
    expect(ran.map((entry) => entry.job).sort((x, y) => x - y)).toEqual([...Array(jobs).keys()]);
    // Both instances took part (a claim is one statement with SKIP LOCKED, so neither ran one the other had).
    expect(new Set(ran.map((entry) => entry.instance))).toEqual(new Set(['A', 'B']));
  });
});

async function organisationOf(client: SessionClient): Promise<string> {
  const session = await client.get(`${BASE}/auth/session`);
  return session.body.account.organisationId;
}
