import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { Clock } from '../common/clock';
import { todayInNetherlands } from '../common/dates';
import { AppConfig } from '../config/app-config';
import { SessionClient, signInAs } from '../test/session-client';
import { adminAuth, createTestApp } from '../test/test-app';
import { HandoffRetentionJob } from './handoff-retention.job';
import { JobQueue } from './job-queue.service';
import { OverdueEscalationJob } from './overdue-escalation.job';

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const BASE = '/api/v1';
const NOTES = 'Signaal via wijkteam; schoonmaakbedrijf, meerdere arbeiders.';

interface ReceivedMail {
  to: string[];
  data: string;
}

/** A real SMTP listener on a socket (enough of RFC 5321 for nodemailer): the mail edge of these tests. */
async function startSmtpServer(): Promise<{ server: Server; port: number; mails: ReceivedMail[] }> {
  const mails: ReceivedMail[] = [];
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let current: ReceivedMail = { to: [], data: '' };
    socket.write('220 test-smtp ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          mails.push(current);
          current = { to: [], data: '' };
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test-smtp\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL' || verb === 'RSET' || verb === 'NOOP') socket.write('250 2.1.0 ok\r\n');
        else if (verb === 'RCPT') {
          current.to.push(line.replace(/^RCPT TO:\s*<([^>]*)>.*$/i, '$1'));
          socket.write('250 2.1.5 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 end with <CRLF>.<CRLF>\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('502 5.5.2 not implemented\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, mails };
}

/** The text of a message as sent (quoted-printable soft breaks and escapes undone). */
const decoded = (mail: ReceivedMail) =>
  mail.data
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('hand-off jobs: queue, notifications, e-mail, escalation, retention', () => {
  let app: NestFastifyApplication;
  let http: string;
  let dataSource: DataSource;
  let queue: JobQueue;
  let clock: Clock;
  let realNow: () => Date;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dataDir: string;
  let env: Record<string, string>;
  let amsterdam: SessionClient;
  let twente: SessionClient;
  let ontvanger: SessionClient;
  let ketenregisseur: SessionClient;
  let riecOost: string;

  const organisationOf = async (email: string) =>
    (await dataSource.query(`SELECT organisation_id FROM account WHERE email = $1`, [email]))[0]
      .organisation_id as string;
  const accountId = async (email: string) =>
    (await dataSource.query(`SELECT id FROM account WHERE email = $1`, [email]))[0].id as string;
  const body = (overrides: Record<string, unknown> = {}) => ({
    pathCode: 'riec-intake',
    receiver: { organisationId: riecOost },
    municipalityCode: 'GM0363',
    exploitationForm: 'arbeidsuitbuiting',
    targetGroup: 'eu-adult',
    minor: false,
    ageBand: '24-plus',
    consent: { given: false },
    legalBasis: 'riec-convenant',
    notes: NOTES,
    externalReference: 'RIEC-2026-123',
    ...overrides,
  });
  const move = (client: SessionClient, id: string, payload: Record<string, unknown>) =>
    client.post(`${BASE}/handoffs/${id}/transitions`, payload);
  const createAndSend = async (overrides: Record<string, unknown> = {}) => {
    const created = await amsterdam.post(`${BASE}/handoffs`, body(overrides));
    expect(created.status).toBe(201);
    const sent = await move(amsterdam, created.body.id, {
      transition: 'send',
      version: created.body.version,
    });
    expect(sent.status).toBe(200);
    return sent.body as { id: string; version: number; caseReference: string; respondBefore: string };
  };
  /** Moves the injected clock (the system edge) for the duration of `work`; HTTP calls happen outside it. */
  const at = async <T>(moment: Date, work: () => Promise<T>): Promise<T> => {
    clock.now = () => new Date(moment);
    try {
      return await work();
    } finally {
      clock.now = realNow;
    }
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    dataDir = mkdtempSync(join(tmpdir(), 'kk-jobs-'));
    // A data dir on disk (ignored on the server database), so that a restart finds the same queue.
    env = { PGLITE_DATA_DIR: join(dataDir, 'pglite'), SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    app = await createTestApp(env);
    await app.listen(0, '127.0.0.1');
    http = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    queue = app.get(JobQueue);
    clock = app.get(Clock);
    realNow = clock.now;
    amsterdam = await signInAs(http, account('zorgcoordinator@demo.ketenkaart.nl'), totpCode);
    twente = await signInAs(http, account('zorgcoordinator-twente@demo.ketenkaart.nl'), totpCode);
    ontvanger = await signInAs(http, account('ontvanger@demo.ketenkaart.nl'), totpCode);
    ketenregisseur = await signInAs(http, account('ketenregisseur@demo.ketenkaart.nl'), totpCode);
    riecOost = await organisationOf('ontvanger@demo.ketenkaart.nl');
    // Whatever the demo seed queued (or an earlier run on the server database left) is not part of these tests.
    await dataSource.query(`DELETE FROM job WHERE name LIKE 'test-%' OR dedupe_key LIKE '%:2030-03-04T10:%'`);
    await queue.runDueJobs();
  });
  afterAll(async () => {
    clock.now = realNow;
    await app?.close();
    await new Promise((resolve) => smtp.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the job queue', () => {
    it('runs every job exactly once with two workers claiming concurrently', async () => {
      const runs: string[] = [];
      queue.register('test-count', async (_payload, job) => {
        runs.push(job.id);
        await new Promise((resolve) => setImmediate(resolve));
      });
      const second = queue.withWorkerId('second-worker');
      for (let i = 0; i < 30; i++) await queue.enqueue('test-count', { i });
      const [a, b] = await Promise.all([queue.runDueJobs(), second.runDueJobs()]);
      expect(runs).toHaveLength(30);
      expect(new Set(runs).size).toBe(30);
      expect(a.failed + b.failed).toBe(0);
      const [left] = await dataSource.query(
        `SELECT COUNT(*) FILTER (WHERE done_at IS NULL) AS open, COUNT(*) FILTER (WHERE attempts <> 1) AS retried
         FROM job WHERE name = 'test-count'`,
      );
      expect(Number(left.open)).toBe(0);
      expect(Number(left.retried)).toBe(0);
    });

    it('enqueues a job once per dedupe key, and a recurring job once per time slot across instances', async () => {
      expect(await queue.enqueue('test-count', {}, { dedupeKey: 'test:once' })).toBe(true);
      expect(await queue.enqueue('test-count', {}, { dedupeKey: 'test:once' })).toBe(false);
      const slot = new Date('2030-03-04T10:07:00Z');
      const second = queue.withWorkerId('second-worker');
      await at(slot, async () => {
        await Promise.all([queue.scheduleRecurring(), second.scheduleRecurring()]);
        await queue.scheduleRecurring();
      });
      const rows: { dedupe_key: string }[] = await dataSource.query(
        `SELECT dedupe_key FROM job WHERE dedupe_key LIKE '%:2030-03-04T10:%' ORDER BY dedupe_key`,
      );
      expect(rows.map((row) => row.dedupe_key)).toEqual([
        'handoff-retention:2030-03-04T10:00',
        'overdue-scan:2030-03-04T10:00',
      ]);
      await dataSource.query(`DELETE FROM job WHERE dedupe_key LIKE '%:2030-03-04T10:%'`);
      await queue.runDueJobs();
    });

    it('retries a failed job with backoff and gives up after max attempts', async () => {
      let calls = 0;
      queue.register('test-flaky', async () => {
        calls += 1;
        if (calls === 1) throw new Error('mail server said no');
      });
      queue.register('test-broken', async () => {
        throw new Error('always broken');
      });
      await queue.enqueue('test-flaky', {}, { dedupeKey: 'test:flaky' });
      await queue.enqueue('test-broken', {}, { dedupeKey: 'test:broken', maxAttempts: 2 });
      const start = new Date();
      expect(await at(start, () => queue.runDueJobs())).toEqual({ succeeded: 0, failed: 2 });
      const [flaky] = await dataSource.query(`SELECT * FROM job WHERE dedupe_key = 'test:flaky'`);
      expect(flaky).toMatchObject({ attempts: 1, last_error: 'mail server said no', done_at: null });
      expect(new Date(flaky.run_at).getTime()).toBe(start.getTime() + 30_000);
      // Not due yet: nothing runs.
      expect(await at(new Date(start.getTime() + 10_000), () => queue.runDueJobs())).toEqual({
        succeeded: 0,
        failed: 0,
      });
      expect(calls).toBe(1);
      expect(await at(new Date(start.getTime() + 31_000), () => queue.runDueJobs())).toEqual({
        succeeded: 1,
        failed: 1,
      });
      const rows: Record<string, unknown>[] = await dataSource.query(
        `SELECT dedupe_key, attempts, done_at, failed_at, last_error FROM job
         WHERE dedupe_key IN ('test:flaky', 'test:broken') ORDER BY dedupe_key`,
      );
      expect(rows[0]).toMatchObject({ dedupe_key: 'test:broken', attempts: 2, done_at: null });
      expect(rows[0].failed_at).not.toBeNull();
      expect(rows[1]).toMatchObject({ dedupe_key: 'test:flaky', attempts: 2, last_error: null });
      expect(rows[1].done_at).not.toBeNull();
      // A job that gave up is not claimed again.
      expect(await at(new Date(start.getTime() + 3_600_000), () => queue.runDueJobs())).toEqual({
        succeeded: 0,
        failed: 0,
      });
    });
  });

  describe('notifications and e-mail', () => {
    it('tells the receiving organisation, only its own accounts see it, and e-mails it through SMTP without notes', async () => {
      const handoff = await createAndSend();
      const mine = await ontvanger.get(`${BASE}/notifications`);
      expect(mine.status).toBe(200);
      const notice = mine.body.items.find((item: { handoffId: string }) => item.handoffId === handoff.id);
      expect(notice).toEqual({
        id: expect.any(String),
        kind: 'handoff-received',
        handoffId: handoff.id,
        caseReference: handoff.caseReference,
        createdAt: expect.any(String),
        readAt: null,
      });
      expect(mine.body.unread).toBeGreaterThanOrEqual(1);

      // Nobody else sees it, nor can mark it.
      for (const other of [amsterdam, twente, ketenregisseur]) {
        const theirs = await other.get(`${BASE}/notifications?pageSize=500`);
        expect(theirs.status).toBe(200);
        expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(notice.id);
        expect((await other.post(`${BASE}/notifications/${notice.id}/read`)).status).toBe(404);
      }
      expect((await request(http).get(`${BASE}/notifications`)).status).toBe(401);
      expect((await request(http).get(`${BASE}/notifications`).set(adminAuth)).status).toBe(403);
      // Roles without any hand-off role receive none.
      const monitor = await signInAs(http, account('monitor@demo.ketenkaart.nl'), totpCode);
      expect((await monitor.get(`${BASE}/notifications`)).status).toBe(403);
      expect((await ontvanger.get(`${BASE}/notifications?unread=maybe`)).status).toBe(400);
      expect((await ontvanger.post(`${BASE}/notifications/not-a-uuid/read`)).status).toBe(404);

      // One send-mail job for the notification; the queue sends it through the socket.
      const [job] = await dataSource.query(`SELECT name, payload FROM job WHERE dedupe_key = $1`, [
        `mail:${notice.id}`,
      ]);
      expect(job).toEqual({ name: 'send-mail', payload: { notificationId: notice.id } });
      await queue.runDueJobs();
      const mail = smtp.mails.find(
        (m) => m.to.includes('ontvanger@demo.ketenkaart.nl') && decoded(m).includes(handoff.caseReference),
      );
      expect(mail).toBeDefined();
      const text = decoded(mail!);
      expect(text).toContain(`/overdrachten/${handoff.id}`);
      expect(text).not.toContain('wijkteam');
      expect(text).not.toContain('RIEC-2026-123');

      // Read one, then all.
      const before = mine.body.unread as number;
      expect((await ontvanger.post(`${BASE}/notifications/${notice.id}/read`)).status).toBe(204);
      const after = await ontvanger.get(`${BASE}/notifications?unread=true`);
      expect(after.body.unread).toBe(before - 1);
      expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(notice.id);
      const all = await ontvanger.post(`${BASE}/notifications/mark-all-read`);
      expect(all.status).toBe(200);
      expect(all.body.marked).toBe(before - 1);
      expect((await ontvanger.get(`${BASE}/notifications`)).body.unread).toBe(0);

      // The sender hears of the acceptance.
      const accepted = await move(ontvanger, handoff.id, { transition: 'accept', version: handoff.version });
      expect(accepted.status).toBe(200);
      const senderList = await amsterdam.get(`${BASE}/notifications`);
      expect(senderList.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'handoff-accepted', handoffId: handoff.id }),
        ]),
      );
    });

    it('a cross-region transfer goes to the other region’s inbox and informs both ketenregisseurs', async () => {
      // The zorgcoördinator function inbox of Twente (veiligheidsregio VR05), held by Zorgcoördinatie Twente.
      const [twenteInbox] = await dataSource.query(
        `SELECT id FROM region WHERE type_code = 'veiligheidsregio' AND code = 'VR05'`,
      );
      const [krOost] = await dataSource.query(`SELECT id FROM region WHERE code = 'demo-kr-oost'`);
      const now = new Date();
      const [twenteRegisseur] = await dataSource.query(
        `INSERT INTO account (email, display_name, roles, region_ids, status, created_at, updated_at)
         VALUES ('ketenregisseur-oost@example.org', 'Test Ketenregisseur Oost', '{ketenregisseur}', $1::uuid[], 'active', $2, $2)
         ON CONFLICT (email) DO UPDATE SET region_ids = EXCLUDED.region_ids RETURNING id`,
        [[krOost.id], now],
      );
      const handoff = await createAndSend({
        pathCode: 'regio-overdracht',
        receiver: { inbox: { regionId: twenteInbox.id, functionType: 'zorgcoordinator' } },
        consent: { given: true, date: todayInNetherlands(), givenBy: 'person' },
        legalBasis: 'toestemming',
      });
      const inbox = await twente.get(`${BASE}/handoffs/inbox?state=verstuurd`);
      expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(handoff.id);
      const received = await twente.get(`${BASE}/notifications`);
      expect(received.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'handoff-received', handoffId: handoff.id }),
        ]),
      );
      const transferred: { account_id: string }[] = await dataSource.query(
        `SELECT account_id FROM notification WHERE handoff_id = $1 AND kind = 'handoff-transferred' ORDER BY account_id`,
        [handoff.id],
      );
      expect(transferred.map((row) => row.account_id).sort()).toEqual(
        [twenteRegisseur.id, await accountId('ketenregisseur@demo.ketenkaart.nl')].sort(),
      );
      const seen = await ketenregisseur.get(`${BASE}/notifications`);
      expect(seen.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'handoff-transferred', handoffId: handoff.id }),
        ]),
      );
    });
  });

  describe('overdue escalation', () => {
    it('escalates an overdue hand-off once to the ketenregisseur, even with two workers and a second scan', async () => {
      const handoff = await createAndSend();
      const late = new Date(`${handoff.respondBefore}T10:00:00Z`);
      late.setUTCDate(late.getUTCDate() + 3);
      const second = queue.withWorkerId('second-worker');
      const escalation = app.get(OverdueEscalationJob);
      await at(late, async () => {
        await Promise.all([queue.scheduleRecurring(), second.scheduleRecurring()]);
        await Promise.all([queue.runDueJobs(), second.runDueJobs()]);
        await escalation.scan();
      });
      const events = await dataSource.query(
        `SELECT kind, from_state, to_state, actor FROM handoff_event WHERE handoff_id = $1 AND kind = 'escalated'`,
        [handoff.id],
      );
      expect(events).toEqual([
        { kind: 'escalated', from_state: 'verstuurd', to_state: 'verstuurd', actor: 'system:job-queue' },
      ]);
      const regisseur = await accountId('ketenregisseur@demo.ketenkaart.nl');
      const notices = await dataSource.query(
        `SELECT account_id FROM notification WHERE handoff_id = $1 AND kind = 'handoff-overdue'`,
        [handoff.id],
      );
      // Every ketenregisseur of the regions involved (here also the receiver's), each exactly once.
      const notified = notices.map((notice: { account_id: string }) => notice.account_id);
      expect(notified).toContain(regisseur);
      expect(new Set(notified).size).toBe(notified.length);
      const [audit] = await dataSource.query(
        `SELECT COUNT(*) AS n FROM audit_event WHERE action = 'handoff.escalate' AND record_id = $1`,
        [handoff.id],
      );
      expect(Number(audit.n)).toBe(1);
      expect(
        smtp.mails.some(
          (m) =>
            m.to.includes('ketenregisseur@demo.ketenkaart.nl') &&
            decoded(m).includes(handoff.caseReference) &&
            !decoded(m).includes('wijkteam'),
        ),
      ).toBe(true);

      // The ketenregisseur sees the escalation in the status view; the receiver can still answer.
      const status = await ketenregisseur.get(`${BASE}/handoffs/${handoff.id}`);
      expect(status.body).toMatchObject({ view: 'status', version: handoff.version + 1 });
      expect(status.body.timeline.at(-1)).toMatchObject({ kind: 'escalated' });
      const accepted = await move(ontvanger, handoff.id, {
        transition: 'accept',
        version: handoff.version + 1,
      });
      expect(accepted.status).toBe(200);
    });
  });

  describe('retention and the append-only timeline', () => {
    it('anonymises closed hand-offs after the retention period, keeps the figures and audits it', async () => {
      const created = await amsterdam.post(`${BASE}/handoffs`, body());
      const withKey = await request(http)
        .post(`${BASE}/handoffs`)
        .set('Cookie', amsterdam.cookieHeader)
        .set('X-CSRF-Token', amsterdam.csrf!)
        .set('Idempotency-Key', `retention-${Date.now()}`)
        .send(body());
      expect(withKey.status).toBe(201);
      const withdrawn = await move(amsterdam, created.body.id, {
        transition: 'withdraw',
        version: created.body.version,
        reason: 'dubbel',
        remark: 'Dubbel aangemaakt in ons systeem',
      });
      expect(withdrawn.status).toBe(200);
      const open = await createAndSend();

      // Within the period nothing happens to it.
      await app.get(HandoffRetentionJob).run();
      const [kept] = await dataSource.query(`SELECT notes FROM handoff WHERE id = $1`, [created.body.id]);
      expect(kept.notes).toBe(NOTES);

      const later = new Date();
      later.setUTCMonth(later.getUTCMonth() + app.get(AppConfig).HANDOFF_RETENTION_MONTHS + 1);
      const report = await at(later, () => app.get(HandoffRetentionJob).run());
      expect(report.anonymised).toBeGreaterThanOrEqual(1);
      const [row] = await dataSource.query(
        `SELECT notes, external_reference, consent_date, anonymised_at, state, path_code, municipality_code, exploitation_form
         FROM handoff WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toMatchObject({
        notes: null,
        external_reference: null,
        consent_date: null,
        state: 'ingetrokken',
        path_code: 'riec-intake',
        municipality_code: 'GM0363',
        exploitation_form: 'arbeidsuitbuiting',
      });
      expect(row.anonymised_at).not.toBeNull();
      const remarks = await dataSource.query(
        `SELECT kind, reason, remark FROM handoff_event WHERE handoff_id = $1 AND kind = 'withdraw'`,
        [created.body.id],
      );
      expect(remarks).toEqual([{ kind: 'withdraw', reason: 'dubbel', remark: null }]);
      // The open hand-off keeps its notes; the expired Idempotency-Key is gone.
      const [stillOpen] = await dataSource.query(`SELECT notes FROM handoff WHERE id = $1`, [open.id]);
      expect(stillOpen.notes).toBe(NOTES);
      const [keys] = await dataSource.query(
        `SELECT COUNT(*) AS n FROM handoff_idempotency_key WHERE handoff_id = $1`,
        [withKey.body.id],
      );
      expect(Number(keys.n)).toBe(0);
      const audits: { details: { ids: string[] } }[] = await dataSource.query(
        `SELECT details FROM audit_event WHERE action = 'handoff.anonymise' AND actor = 'system:job-queue'`,
      );
      expect(audits.flatMap((audit) => audit.details.ids)).toContain(created.body.id);
      // The sender still sees the record, now without notes and reference.
      const seen = await amsterdam.get(`${BASE}/handoffs/${created.body.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ notes: null, externalReference: null, state: 'ingetrokken' });
      // Running again changes nothing for it.
      const again = await at(later, () => app.get(HandoffRetentionJob).run());
      expect(again.anonymised).toBe(0);
    });

    it('refuses to change or delete timeline events, except retention clearing a remark', async () => {
      const handoff = await createAndSend();
      const [event] = await dataSource.query(
        `SELECT id FROM handoff_event WHERE handoff_id = $1 ORDER BY version LIMIT 1`,
        [handoff.id],
      );
      for (const sql of [
        `UPDATE handoff_event SET kind = 'accept' WHERE id = '${event.id}'`,
        `UPDATE handoff_event SET remark = 'iets anders' WHERE id = '${event.id}'`,
        `UPDATE handoff_event SET remark = NULL, reason = 'dubbel' WHERE id = '${event.id}'`,
        `DELETE FROM handoff_event WHERE id = '${event.id}'`,
        `TRUNCATE handoff_event CASCADE`,
      ])
        await expect(dataSource.query(sql)).rejects.toThrow(/handoff_event is append-only/);
      await expect(
        dataSource.query(`UPDATE handoff_event SET remark = NULL WHERE id = $1`, [event.id]),
      ).resolves.toBeDefined();
      const [count] = await dataSource.query(
        `SELECT COUNT(*) AS n FROM handoff_event WHERE handoff_id = $1`,
        [handoff.id],
      );
      expect(Number(count.n)).toBe(2);
    });
  });

  // Two pools on one server are real concurrency (the embedded database has one process and one connection).
  (process.env.DATABASE_URL ? describe : describe.skip)('two API instances on one server database', () => {
    let other: NestFastifyApplication;
    beforeAll(async () => {
      other = await createTestApp(env);
    });
    afterAll(async () => {
      await other?.close();
    });

    it('run each job once and escalate an overdue hand-off once', async () => {
      const runs: string[] = [];
      const record = async (_payload: unknown, job: { id: string }) => {
        runs.push(job.id);
        await new Promise((resolve) => setImmediate(resolve));
      };
      const otherQueue = other.get(JobQueue);
      queue.register('test-two-apps', record);
      otherQueue.register('test-two-apps', record);
      for (let i = 0; i < 40; i++) await queue.enqueue('test-two-apps', { i });
      await Promise.all([queue.runDueJobs(), otherQueue.runDueJobs(), queue.runDueJobs()]);
      expect(runs).toHaveLength(40);
      expect(new Set(runs).size).toBe(40);

      const handoff = await createAndSend();
      const late = new Date(`${handoff.respondBefore}T10:00:00Z`);
      late.setUTCDate(late.getUTCDate() + 3);
      const otherClock = other.get(Clock);
      const otherNow = otherClock.now;
      otherClock.now = () => new Date(late);
      try {
        await at(late, () =>
          Promise.all([app.get(OverdueEscalationJob).scan(), other.get(OverdueEscalationJob).scan()]),
        );
      } finally {
        otherClock.now = otherNow;
      }
      const [escalations] = await dataSource.query(
        `SELECT COUNT(*) AS n FROM handoff_event WHERE handoff_id = $1 AND kind = 'escalated'`,
        [handoff.id],
      );
      expect(Number(escalations.n)).toBe(1);
    });
  });

  describe('restart and shutdown', () => {
    it('keeps queued jobs across a restart and lets the job in progress finish on shutdown', async () => {
      await queue.enqueue(
        'test-after-restart',
        { n: 1 },
        { dedupeKey: 'test:restart', runAt: new Date(Date.now() - 1000) },
      );
      await queue.enqueue('test-slow', {}, { dedupeKey: 'test:slow' });
      await app.close();

      // Second life: the rows are still there; the background loop picks the slow job up.
      app = await createTestApp(env);
      dataSource = app.get(DataSource);
      queue = app.get(JobQueue);
      clock = app.get(Clock);
      realNow = clock.now;
      const ran: unknown[] = [];
      queue.register('test-after-restart', async (payload) => {
        ran.push(payload);
      });
      let release!: () => void;
      let started!: () => void;
      const slowStarted = new Promise<void>((resolve) => (started = resolve));
      let finished = false;
      queue.register('test-slow', async () => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
      });
      app.get(AppConfig).JOB_POLL_INTERVAL_MS = 10;
      queue.onApplicationBootstrap();
      await slowStarted;
      let closed = false;
      const closing = app.close().then(() => (closed = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(closed).toBe(false);
      release();
      await closing;
      expect(finished).toBe(true);

      // Third life: both jobs are recorded as done.
      app = await createTestApp(env);
      dataSource = app.get(DataSource);
      clock = app.get(Clock);
      realNow = clock.now;
      const rows: { dedupe_key: string; done: boolean }[] = await dataSource.query(
        `SELECT dedupe_key, done_at IS NOT NULL AS done FROM job WHERE dedupe_key IN ('test:restart', 'test:slow') ORDER BY dedupe_key`,
      );
      expect(ran).toEqual([{ n: 1 }]);
      expect(rows).toEqual([
        { dedupe_key: 'test:restart', done: true },
        { dedupe_key: 'test:slow', done: true },
      ]);
    });
  });
});
