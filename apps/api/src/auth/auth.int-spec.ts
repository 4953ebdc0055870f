import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode, Permission, permissionsOf, Role, SessionStage } from '@ketenkaart/shared-domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { adminAuth, createTestApp } from '../test/test-app';
import { SessionClient } from '../test/session-client';
import { DEMO_ACCOUNTS, DemoAccount } from './demo-accounts.seeder';
import { MailMessage, MailService } from './mail.service';
import { sha256Hex } from './secure-random';
import { totpCode } from './totp';

const demo = (email: string): DemoAccount => DEMO_ACCOUNTS.find((account) => account.email === email)!;
const BEHEERDER = demo('beheerder@demo.ketenkaart.nl');
const MONITOR = demo('monitor@demo.ketenkaart.nl');
const PRIVACY = demo('privacy@demo.ketenkaart.nl');

describe('identity and access (issue 4)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let dataSource: DataSource;
  let now: Date;
  const mails: MailMessage[] = [];

  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  const client = () => new SessionClient(http);
  const linkToken = (mail: MailMessage) => /#([A-Za-z0-9_-]{43})/.exec(mail.text)![1];

  /** Signs in with password and, when asked, the current TOTP code; returns the client with a complete session. */
  async function signIn(account: {
    email: string;
    password: string;
    totpSecret: string | null;
  }): Promise<SessionClient> {
    const browser = client();
    const first = await browser.post('/api/v1/auth/sign-in', {
      email: account.email,
      password: account.password,
    });
    expect(first.status).toBe(200);
    if (first.body.stage === SessionStage.secondFactorRequired) {
      advance(30); // a fresh step, so an earlier sign-in's code is never a replay
      const second = await browser.post('/api/v1/auth/sign-in/totp', {
        code: totpCode(account.totpSecret!, now),
      });
      expect(second.status).toBe(200);
      expect(second.body.stage).toBe(SessionStage.complete);
    }
    return browser;
  }

  beforeAll(async () => {
    app = await createTestApp({ SMTP_URL: 'smtp://mail.invalid:2525' });
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
    now = new Date('2026-03-02T09:00:00Z');
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    // This spec lives on a controlled clock in March; on a database shared with specs that signed the demo
    // accounts in on the real clock, their later TOTP steps would make every March code a replay.
    await dataSource.query(
      `UPDATE account SET totp_last_step = NULL WHERE email LIKE '%@demo.ketenkaart.nl'`,
    );
    // The SMTP edge: capture instead of delivering.
    jest.spyOn(app.get(MailService), 'deliver').mockImplementation(async (message) => {
      mails.push(message);
    });
  });
  beforeEach(async () => {
    await dataSource.query('DELETE FROM sign_in_throttle');
    advance(3600);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('sign-in', () => {
    it('asks a beheerder for the second factor, grants nothing before it, and renews the session after it', async () => {
      const browser = client();
      const first = await browser.post('/api/v1/auth/sign-in', {
        email: 'Beheerder@Demo.Ketenkaart.NL ',
        password: BEHEERDER.password,
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        authenticated: true,
        stage: SessionStage.secondFactorRequired,
        permissions: [],
      });
      const cookie = ([] as string[]).concat(first.headers['set-cookie']).join(';');
      expect(cookie).toMatch(/kk_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
      expect(cookie).toMatch(/kk_csrf=[^;]+; Path=\/; Secure; SameSite=Strict/);
      expect((await browser.get('/api/v1/accounts')).body.code).toBe(ErrorCode.secondFactorRequired);
      const pendingSession = browser.cookies.get('kk_session');

      const wrong = await browser.post('/api/v1/auth/sign-in/totp', { code: '000000' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe(ErrorCode.invalidSecondFactor);

      const code = totpCode(BEHEERDER.totpSecret!, now);
      const second = await browser.post('/api/v1/auth/sign-in/totp', { code });
      expect(second.status).toBe(200);
      expect(second.body.permissions).toEqual(permissionsOf([Role.beheerder]));
      expect(browser.cookies.get('kk_session')).not.toBe(pendingSession);
      expect(second.body.csrfToken).toBe(browser.csrf);
      expect((await browser.get('/api/v1/accounts')).status).toBe(200);

      // The same code again, in a new sign-in within the same 30 seconds: a replay, refused.
      const again = client();
      await again.post('/api/v1/auth/sign-in', { email: BEHEERDER.email, password: BEHEERDER.password });
      expect((await again.post('/api/v1/auth/sign-in/totp', { code })).body.code).toBe(
        ErrorCode.invalidSecondFactor,
      );
      advance(30);
      expect(
        (await again.post('/api/v1/auth/sign-in/totp', { code: totpCode(BEHEERDER.totpSecret!, now) }))
          .status,
      ).toBe(200);
    });

    it('answers an unknown address exactly like a wrong password', async () => {
      const known = await request(http)
        .post('/api/v1/auth/sign-in')
        .send({ email: BEHEERDER.email, password: 'not the password at all' });
      const unknown = await request(http)
        .post('/api/v1/auth/sign-in')
        .send({ email: 'nobody@demo.ketenkaart.nl', password: 'not the password at all' });
      const comparable = (body: Record<string, unknown>) => ({ ...body, correlationId: undefined });
      expect(known.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(comparable(unknown.body)).toEqual(comparable(known.body));
      expect(known.body.code).toBe(ErrorCode.invalidCredentials);
      expect(unknown.headers['set-cookie']).toBeUndefined();
      const counters = await dataSource.query(
        `SELECT key, failures FROM sign_in_throttle WHERE key LIKE 'account:%' ORDER BY key`,
      );
      expect(counters).toEqual([
        { key: `account:${BEHEERDER.email}`, failures: 1 },
        { key: 'account:nobody@demo.ketenkaart.nl', failures: 1 },
      ]);
    });

    it('slows down ten wrong passwords with growing delays, recorded in the database and sent as Retry-After', async () => {
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 10; attempt++) {
        const response = await request(http)
          .post('/api/v1/auth/sign-in')
          .send({ email: MONITOR.email, password: `wrong password ${attempt}` });
        expect(response.status).toBe(401);
        const [row] = await dataSource.query(`SELECT blocked_until FROM sign_in_throttle WHERE key = $1`, [
          `account:${MONITOR.email}`,
        ]);
        const delay = row.blocked_until
          ? Math.round((new Date(row.blocked_until).getTime() - now.getTime()) / 1000)
          : 0;
        delays.push(delay);
        if (attempt < 10) advance(delay);
      }
      expect(delays).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64]);
      // Even the right password waits until the delay has passed.
      const blocked = await request(http)
        .post('/api/v1/auth/sign-in')
        .send({ email: MONITOR.email, password: MONITOR.password });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe(ErrorCode.signInThrottled);
      expect(blocked.headers['retry-after']).toBe('64');
      advance(64);
      expect(
        (
          await request(http)
            .post('/api/v1/auth/sign-in')
            .send({ email: MONITOR.email, password: MONITOR.password })
        ).status,
      ).toBe(200);
      const [cleared] = await dataSource.query(
        `SELECT count(*)::int AS n FROM sign_in_throttle WHERE key = $1`,
        [`account:${MONITOR.email}`],
      );
      expect(cleared.n).toBe(0);
    });
  });

  describe('sessions', () => {
    it('ends after 30 idle minutes', async () => {
      const browser = await signIn(MONITOR);
      advance(29 * 60);
      expect((await browser.get('/api/v1/account/sessions')).status).toBe(200);
      advance(30 * 60);
      const expired = await browser.get('/api/v1/account/sessions');
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe(ErrorCode.sessionExpired);
    });

    it('ends 12 hours after sign-in however active it is', async () => {
      const browser = await signIn(MONITOR);
      for (let elapsed = 0; elapsed < 12 * 60 - 25; elapsed += 25) {
        advance(25 * 60);
        expect((await browser.get('/api/v1/account/sessions')).status).toBe(200);
      }
      advance(25 * 60);
      expect((await browser.get('/api/v1/account/sessions')).body.code).toBe(ErrorCode.sessionExpired);
    });

    it('is ended on the server by sign-out, and lists and ends my other sessions', async () => {
      const laptop = await signIn(MONITOR);
      const phone = await signIn(MONITOR);
      const list = await laptop.get('/api/v1/account/sessions');
      expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      const phoneId = (await phone.get('/api/v1/account/sessions')).body.items.find(
        (s: { current: boolean }) => s.current,
      ).id;
      expect((await laptop.send('delete', `/api/v1/account/sessions/${phoneId}`)).status).toBe(204);
      expect((await phone.get('/api/v1/auth/session')).body.authenticated).toBe(false);

      const oldCookie = laptop.cookieHeader;
      expect((await laptop.post('/api/v1/auth/sign-out')).status).toBe(204);
      const reused = await request(http).get('/api/v1/account/sessions').set('Cookie', oldCookie);
      expect(reused.status).toBe(401);
    });

    it('tells how each session began: password, and whether a second factor was passed', async () => {
      const monitor = await signIn(MONITOR);
      const admin = await signIn(BEHEERDER);
      // A beheerder session still waiting for its code: listed, but without a second factor.
      const waiting = client();
      await waiting.post('/api/v1/auth/sign-in', { email: BEHEERDER.email, password: BEHEERDER.password });
      const [waitingRow] = await dataSource.query(`SELECT id FROM session WHERE token_hash = $1`, [
        sha256Hex(waiting.cookies.get('kk_session')!),
      ]);

      type Item = { id: string; current: boolean; authMethod: string; twoFactorPassed: boolean };
      const adminItems: Item[] = (await admin.get('/api/v1/account/sessions')).body.items;
      expect(adminItems.find((item) => item.current)).toMatchObject({
        authMethod: 'password',
        twoFactorPassed: true,
      });
      expect(adminItems.find((item) => item.id === waitingRow.id)).toMatchObject({
        current: false,
        authMethod: 'password',
        twoFactorPassed: false,
      });
      const monitorItems: Item[] = (await monitor.get('/api/v1/account/sessions')).body.items;
      expect(monitorItems.find((item) => item.current)).toMatchObject({
        authMethod: 'password',
        twoFactorPassed: false,
      });
    });

    it('refuses ending another account’s session with 404', async () => {
      const mine = await signIn(MONITOR);
      const other = await signIn(BEHEERDER);
      const otherId = (await other.get('/api/v1/account/sessions')).body.items[0].id;
      expect((await mine.send('delete', `/api/v1/account/sessions/${otherId}`)).status).toBe(404);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request without, or with a wrong or foreign, X-CSRF-Token', async () => {
      const browser = await signIn(MONITOR);
      const other = await signIn(MONITOR);
      const body = { currentPassword: MONITOR.password, newPassword: 'een nieuwe lange zin voor de monitor' };
      for (const csrf of [null, 'wrong-token', other.csrf!]) {
        const response = await browser.post('/api/v1/account/password', body, { csrf });
        expect(response.status).toBe(403);
        expect(response.body.code).toBe(ErrorCode.csrfFailed);
      }
      const foreign = await request(http)
        .post('/api/v1/auth/sign-out')
        .set('Cookie', browser.cookieHeader)
        .set('X-CSRF-Token', browser.csrf!)
        .set('Origin', 'https://evil.example');
      expect(foreign.status).toBe(403);
      expect((await browser.post('/api/v1/auth/sign-out')).status).toBe(204);
    });
  });

  describe('roles', () => {
    it.each(DEMO_ACCOUNTS.map((account) => [account.roles.join(','), account] as const))(
      '%s gets exactly its permissions and only its routes',
      async (_role, account) => {
        const browser = await signIn(account);
        const session = await browser.get('/api/v1/auth/session');
        expect(session.body.permissions).toEqual(permissionsOf(account.roles));
        const accounts = await browser.get('/api/v1/accounts');
        expect(accounts.status).toBe(account.roles.includes(Role.beheerder) ? 200 : 403);
        const audit = await browser.get('/api/v1/audit-events');
        expect(audit.status).toBe(account.roles.includes(Role.privacyOfficer) ? 200 : 403);
      },
    );

    it('keeps the public out of signed-in routes', async () => {
      expect((await request(http).get('/api/v1/account/sessions')).status).toBe(401);
      expect((await request(http).get('/api/v1/auth/session')).body).toEqual({
        authenticated: false,
        permissions: [],
      });
    });

    it('keeps the service token working as a beheerder, but not from a browser', async () => {
      expect((await request(http).get('/api/v1/accounts').set(adminAuth)).status).toBe(200);
      const browser = {
        'Sec-Fetch-Site': 'same-origin',
        'Sec-Fetch-Mode': 'cors',
        'Sec-Fetch-Dest': 'empty',
      };
      expect((await request(http).get('/api/v1/accounts').set(adminAuth).set(browser)).status).toBe(403);
      // Node's own fetch sends Sec-Fetch-Mode alone: automation with fetch keeps working.
      expect(
        (await request(http).get('/api/v1/accounts').set(adminAuth).set('Sec-Fetch-Mode', 'cors')).status,
      ).toBe(200);
    });
  });

  describe('invitation, enrolment and recovery codes', () => {
    it('walks a new zorgcoördinator from invitation to two-factor sign-in', async () => {
      const admin = await signIn(BEHEERDER);
      const regions = await dataSource.query(`SELECT id FROM region WHERE code = 'demo-zc-amsterdam'`);
      const created = await admin.post('/api/v1/accounts', {
        email: 'K.Jansen@Zorg.example',
        displayName: 'Karin Jansen',
        roles: [Role.zorgcoordinator],
        regionIds: [regions[0].id],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: 'k.jansen@zorg.example',
        status: 'invited',
        twoFactorEnabled: false,
      });
      const duplicate = await admin.post('/api/v1/accounts', {
        email: 'k.jansen@ZORG.example',
        displayName: 'x',
        roles: [],
      });
      expect(duplicate.body.code).toBe(ErrorCode.duplicateEmail);

      const invitation = mails.at(-1)!;
      expect(invitation.to).toBe('k.jansen@zorg.example');
      expect(invitation.text).toContain('http://localhost:4200/uitnodiging#');
      const token = linkToken(invitation);
      const stored = await dataSource.query(`SELECT token_hash FROM account_token WHERE account_id = $1`, [
        created.body.id,
      ]);
      expect(stored[0].token_hash).not.toContain(token);

      const weak = await request(http)
        .post(`/api/v1/invitations/${token}/accept`)
        .send({ password: 'welkom123456' });
      expect(weak.body.code).toBe(ErrorCode.weakPassword);
      expect(
        (await request(http).post(`/api/v1/invitations/${token}/accept`).send({ password: 'short' })).body
          .code,
      ).toBe(ErrorCode.weakPassword);
      const password = 'paarse olifant fietst naar Zwolle';
      expect(
        (await request(http).post(`/api/v1/invitations/${token}/accept`).send({ password })).status,
      ).toBe(204);
      const reused = await request(http).post(`/api/v1/invitations/${token}/accept`).send({ password });
      expect(reused.status).toBe(410);
      expect(reused.body.code).toBe(ErrorCode.invalidLink);

      // Role needs 2FA and none is enrolled: the session can only enrol.
      const browser = client();
      const first = await browser.post('/api/v1/auth/sign-in', { email: 'k.jansen@zorg.example', password });
      expect(first.body.stage).toBe(SessionStage.enrolmentRequired);
      expect((await browser.get('/api/v1/account/sessions')).body.code).toBe(
        ErrorCode.twoFactorEnrolmentRequired,
      );
      const enrolment = await browser.post('/api/v1/account/totp/enrolment');
      expect(enrolment.status).toBe(200);
      expect(enrolment.body.otpauthUri).toMatch(
        /^otpauth:\/\/totp\/Ketenkaart%3Ak.jansen%40zorg.example\?secret=[A-Z2-7]{32}&/,
      );
      expect(enrolment.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(enrolment.body.qrCodeDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
      const secret = enrolment.body.secret as string;
      expect((await browser.post('/api/v1/account/totp/enrolment/confirm', { code: '123456' })).status).toBe(
        400,
      );
      const confirmed = await browser.post('/api/v1/account/totp/enrolment/confirm', {
        code: totpCode(secret, now),
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.codes).toHaveLength(10);
      expect((await browser.get('/api/v1/auth/session')).body).toMatchObject({
        stage: SessionStage.complete,
        permissions: permissionsOf([Role.zorgcoordinator]),
      });
      expect((await browser.post('/api/v1/auth/sign-out')).status).toBe(204);

      // Lost phone: one recovery code works once.
      const [recovery] = confirmed.body.codes as string[];
      const later = client();
      await later.post('/api/v1/auth/sign-in', { email: 'k.jansen@zorg.example', password });
      const recovered = await later.post('/api/v1/auth/sign-in/totp', { code: recovery.toUpperCase() });
      expect(recovered.body.stage).toBe(SessionStage.complete);
      const again = client();
      await again.post('/api/v1/auth/sign-in', { email: 'k.jansen@zorg.example', password });
      expect((await again.post('/api/v1/auth/sign-in/totp', { code: recovery })).body.code).toBe(
        ErrorCode.invalidSecondFactor,
      );
    });

    it('refuses an expired invitation and lets the beheerder send a new one that replaces it', async () => {
      const created = await request(http)
        .post('/api/v1/accounts')
        .set(adminAuth)
        .send({ email: 'laat@example.nl', displayName: 'Te laat', roles: [Role.landelijkMonitor] })
        .expect(201);
      const expired = linkToken(mails.at(-1)!);
      advance(72 * 3600 + 1);
      expect(
        (
          await request(http)
            .post(`/api/v1/invitations/${expired}/accept`)
            .send({ password: 'een wachtwoord dat lang genoeg is' })
        ).status,
      ).toBe(410);
      await request(http)
        .post('/api/v1/invitations')
        .set(adminAuth)
        .send({ accountId: created.body.id })
        .expect(201);
      const fresh = linkToken(mails.at(-1)!);
      await request(http)
        .post(`/api/v1/invitations/${fresh}/accept`)
        .send({ password: 'een wachtwoord dat lang genoeg is' })
        .expect(204);
      const conflict = await request(http)
        .post('/api/v1/invitations')
        .set(adminAuth)
        .send({ accountId: created.body.id });
      expect(conflict.body.code).toBe(ErrorCode.accountAlreadyActive);
    });
  });

  describe('password reset', () => {
    it('answers the same for unknown addresses, works once, ends sessions, and expires after an hour', async () => {
      const account = {
        email: 'reset@example.nl',
        password: 'het oude wachtwoord van de monitor',
        totpSecret: null,
      };
      const created = await request(http)
        .post('/api/v1/accounts')
        .set(adminAuth)
        .send({ email: account.email, displayName: 'Reset', roles: [Role.landelijkMonitor] })
        .expect(201);
      await request(http)
        .post(`/api/v1/invitations/${linkToken(mails.at(-1)!)}/accept`)
        .send({ password: account.password })
        .expect(204);
      const session = await signIn(account);

      const before = mails.length;
      const unknown = await request(http)
        .post('/api/v1/password-resets')
        .send({ email: 'niemand@example.nl' });
      const known = await request(http).post('/api/v1/password-resets').send({ email: account.email });
      expect([unknown.status, known.status]).toEqual([202, 202]);
      expect(unknown.text).toBe(known.text);
      await new Promise((resolve) => setImmediate(resolve));
      expect(mails.length).toBe(before + 1);
      const token = linkToken(mails.at(-1)!);
      expect(mails.at(-1)!.text).toContain('/wachtwoord-herstellen#');

      await request(http)
        .post(`/api/v1/password-resets/${token}/complete`)
        .send({ password: 'een gloednieuw wachtwoord' })
        .expect(204);
      expect((await session.get('/api/v1/account/sessions')).status).toBe(401);
      expect(
        (
          await request(http)
            .post(`/api/v1/password-resets/${token}/complete`)
            .send({ password: 'nog een ander wachtwoord' })
        ).status,
      ).toBe(410);
      await signIn({ ...account, password: 'een gloednieuw wachtwoord' });

      await request(http).post('/api/v1/password-resets').send({ email: account.email }).expect(202);
      await new Promise((resolve) => setImmediate(resolve));
      const late = linkToken(mails.at(-1)!);
      advance(61 * 60);
      expect(
        (
          await request(http)
            .post(`/api/v1/password-resets/${late}/complete`)
            .send({ password: 'te laat voor deze link' })
        ).body.code,
      ).toBe(ErrorCode.invalidLink);
      const trail = await dataSource.query(
        `SELECT action, outcome FROM audit_event WHERE record_id = $1 ORDER BY occurred_at`,
        [created.body.id],
      );
      expect(trail.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining([
          'account.create',
          'account.invitation-send',
          'account.password-reset-complete',
        ]),
      );
    });
  });

  describe('accounts', () => {
    it('ends every session of an account the beheerder disables', async () => {
      const admin = await signIn(BEHEERDER);
      const monitor = await signIn(MONITOR);
      const [{ id }] = await dataSource.query(`SELECT id FROM account WHERE email = $1`, [MONITOR.email]);
      expect((await admin.send('patch', `/api/v1/accounts/${id}`, { status: 'disabled' })).body.status).toBe(
        'disabled',
      );
      expect((await monitor.get('/api/v1/account/sessions')).status).toBe(401);
      const refused = await request(http)
        .post('/api/v1/auth/sign-in')
        .send({ email: MONITOR.email, password: MONITOR.password });
      expect(refused.body.code).toBe(ErrorCode.invalidCredentials);
      await admin
        .send('patch', `/api/v1/accounts/${id}`, { status: 'active' })
        .then((r) => expect(r.status).toBe(200));
      const [{ id: ownId }] = await dataSource.query(`SELECT id FROM account WHERE email = $1`, [
        BEHEERDER.email,
      ]);
      expect(
        (await admin.send('patch', `/api/v1/accounts/${ownId}`, { roles: [Role.landelijkMonitor] })).body
          .code,
      ).toBe(ErrorCode.ownAccountLockout);
    });
  });

  describe('audit trail', () => {
    it('records sign-ins and lets the privacy officer filter and export the trail of a record', async () => {
      await request(http)
        .post('/api/v1/auth/sign-in')
        .send({ email: BEHEERDER.email, password: 'fout fout fout fout' });
      await signIn(BEHEERDER);
      const [{ id }] = await dataSource.query(`SELECT id FROM account WHERE email = $1`, [BEHEERDER.email]);
      const officer = await signIn(PRIVACY);
      const page = await officer.get(
        `/api/v1/audit-events?recordType=account&recordId=${id}&action=auth.sign-in&pageSize=100`,
      );
      expect(page.status).toBe(200);
      const outcomes = page.body.items.map((e: { outcome: string }) => e.outcome);
      expect(outcomes).toEqual(expect.arrayContaining(['success', 'failure']));
      expect(JSON.stringify(page.body)).not.toContain('fout fout');
      const csv = await officer.get(`/api/v1/audit-events/export?recordType=account&recordId=${id}`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.split('\r\n')[0]).toBe(
        'occurredAt,actor,actorAccountId,action,recordType,recordId,outcome,ip,correlationId,details',
      );
      expect(csv.text).toContain('"auth.sign-in"');
      expect((await officer.get('/api/v1/audit-events?from=yesterday')).status).toBe(400);
    });

    it('is append-only in the database: UPDATE, DELETE and TRUNCATE are rejected', async () => {
      await app.get(AuditService).record({ action: 'test.append-only', recordType: 'test', recordId: 'x' });
      for (const sql of [
        `UPDATE audit_event SET action = 'tampered' WHERE record_type = 'test'`,
        `DELETE FROM audit_event WHERE record_type = 'test'`,
        `DELETE FROM audit_event WHERE false`,
        `TRUNCATE audit_event`,
      ]) {
        await expect(dataSource.query(sql)).rejects.toThrow(/append-only/);
      }
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.append-only'`,
      );
      expect(n).toBe(1);
    });
  });

  it('sends no-store on personal answers', async () => {
    expect((await request(http).get('/api/v1/auth/session')).headers['cache-control']).toBe('no-store');
  });

  it('never grants a permission that is missing from the shared table', () => {
    expect(permissionsOf([Role.public])).toEqual([]);
    expect(permissionsOf([Role.zorgcoordinator, Role.ontvanger])).toEqual(
      expect.arrayContaining([Permission.handoffRead, Permission.handoffInbox]),
    );
  });
});
