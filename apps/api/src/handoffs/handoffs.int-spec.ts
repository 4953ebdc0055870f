import {
  allowedTransitions,
  applyTransition,
  HANDOFF_TRANSITIONS,
  HandoffParty,
  HandoffState,
  HandoffTransition,
  replayTimeline,
} from '@ketenkaart/shared-domain';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { SessionClient, signInAs } from '../test/session-client';
import { adminAuth, createTestApp } from '../test/test-app';

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const BASE = '/api/v1';

describe('hand-offs on a real database', () => {
  let app: NestFastifyApplication;
  let http: string;
  let dataSource: DataSource;
  let amsterdam: SessionClient;
  let twente: SessionClient;
  let ontvanger: SessionClient;
  let ketenregisseur: SessionClient;
  let riecOost: string;
  let zvhAmsterdam: string;
  let politieOost: string;
  let twenteOrganisation: string;

  const organisationOf = async (email: string) =>
    (await dataSource.query(`SELECT organisation_id FROM account WHERE email = $1`, [email]))[0]
      .organisation_id as string;
  const organisationNamed = async (name: string) =>
    (
      await dataSource.query(`SELECT id FROM organisation WHERE name LIKE $1 ORDER BY name LIMIT 1`, [name])
    )[0].id as string;
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
    notes: 'Signaal via wijkteam; schoonmaakbedrijf, meerdere arbeiders.',
    externalReference: 'RIEC-2026-123',
    ...overrides,
  });
  const move = (client: SessionClient, id: string, payload: Record<string, unknown>) =>
    client.post(`${BASE}/handoffs/${id}/transitions`, payload);
  const createAndSend = async (client = amsterdam, overrides: Record<string, unknown> = {}) => {
    const created = await client.post(`${BASE}/handoffs`, body(overrides));
    expect(created.status).toBe(201);
    const sent = await move(client, created.body.id, { transition: 'send', version: created.body.version });
    expect(sent.status).toBe(200);
    return sent.body as { id: string; version: number; state: HandoffState };
  };
  const count = async (table: string) =>
    Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    http = await app.getUrl();
    http = http.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    amsterdam = await signInAs(http, account('zorgcoordinator@demo.ketenkaart.nl'), totpCode);
    twente = await signInAs(http, account('zorgcoordinator-twente@demo.ketenkaart.nl'), totpCode);
    ontvanger = await signInAs(http, account('ontvanger@demo.ketenkaart.nl'), totpCode);
    ketenregisseur = await signInAs(http, account('ketenregisseur@demo.ketenkaart.nl'), totpCode);
    riecOost = await organisationOf('ontvanger@demo.ketenkaart.nl');
    twenteOrganisation = await organisationOf('zorgcoordinator-twente@demo.ketenkaart.nl');
    zvhAmsterdam = await organisationNamed('Zorg- en Veiligheidshuis Amsterdam%');
    politieOost = await organisationNamed('Politie eenheid Oost%');
  });
  afterAll(async () => {
    await app.close();
  });

  it('links the demo accounts to demo organisations (RIEC Oost-Nederland receives)', async () => {
    expect(riecOost).toBeTruthy();
    expect(await organisationOf('zorgcoordinator@demo.ketenkaart.nl')).toBeTruthy();
    const [riec] = await dataSource.query(`SELECT name, type FROM organisation WHERE id = $1`, [riecOost]);
    expect(riec).toEqual({ name: 'RIEC Oost-Nederland', type: 'riec' });
  });

  it('a zorgcoördinator creates a hand-off to the RIEC of another region and sends it; the RIEC accepts it in its inbox', async () => {
    const created = await amsterdam.post(`${BASE}/handoffs`, body());
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${BASE}/handoffs/${created.body.id}`);
    expect(created.body).toMatchObject({
      state: 'concept',
      version: 1,
      view: 'full',
      caseReference: expect.stringMatching(/^KK-\d{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
      sender: { name: 'Zorgcoördinatie Mensenhandel Amsterdam-Amstelland' },
      receiver: { organisation: { id: riecOost, name: 'RIEC Oost-Nederland', type: 'riec' } },
      externalReference: 'RIEC-2026-123',
      actions: ['send', 'withdraw', 'edit'],
    });
    // The receiver does not see a concept yet.
    expect((await ontvanger.get(`${BASE}/handoffs/${created.body.id}`)).status).toBe(404);

    const edited = await amsterdam.send('patch', `${BASE}/handoffs/${created.body.id}`, {
      version: 1,
      exploitationForm: 'criminele-uitbuiting',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.timeline.at(-1)).toMatchObject({
      kind: 'edited',
      changedFields: ['exploitationForm'],
    });

    const sent = await move(amsterdam, created.body.id, { transition: 'send', version: 2 });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ state: 'verstuurd', version: 3, overdue: false });
    expect(sent.body.respondBefore).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent.body.actions).toEqual(['withdraw']);

    const inbox = await ontvanger.get(`${BASE}/handoffs/inbox?state=verstuurd`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(inbox.body.counts).toEqual(
      expect.arrayContaining([{ state: 'verstuurd', count: expect.any(Number) }]),
    );
    expect(inbox.body.items[0]).not.toHaveProperty('notes');

    const seen = await ontvanger.get(`${BASE}/handoffs/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ view: 'full', actions: ['accept', 'decline', 'forward'] });
    expect(seen.body.notes).toContain('wijkteam');

    const accepted = await move(ontvanger, created.body.id, { transition: 'accept', version: 3 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('geaccepteerd');
    expect(accepted.body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'edited',
      'send',
      'accept',
    ]);
    expect(accepted.body.timeline.at(-1)).toMatchObject({
      party: 'receiver',
      fromState: 'verstuurd',
      toState: 'geaccepteerd',
      actorName: 'Demo Ontvanger',
    });
    const outbox = await amsterdam.get(`${BASE}/handoffs/outbox?state=geaccepteerd`);
    expect(outbox.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);

    // Every read and write is in the audit trail.
    const actions = (
      await dataSource.query(
        `SELECT action, outcome FROM audit_event WHERE record_id = $1 ORDER BY occurred_at`,
        [created.body.id],
      )
    ).map((row: { action: string; outcome: string }) => `${row.action}:${row.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'handoff.create:success',
        'handoff.update:success',
        'handoff.transition:success',
        'handoff.read:success',
        'handoff.read:denied',
      ]),
    );
  });

  it('a decline needs a coded reason and names an alternative organisation', async () => {
    const sent = await createAndSend();
    const noReason = await move(ontvanger, sent.id, { transition: 'decline', version: sent.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('transition_not_allowed');
    const noAlternative = await move(ontvanger, sent.id, {
      transition: 'decline',
      version: sent.version,
      reason: 'buiten-werkgebied',
    });
    expect(noAlternative.status).toBe(400);
    const declined = await move(ontvanger, sent.id, {
      transition: 'decline',
      version: sent.version,
      reason: 'buiten-werkgebied',
      alternativeOrganisationId: zvhAmsterdam,
      remark: 'Past beter bij het ZVH van de eigen regio.',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      state: 'afgewezen',
      declineReason: 'buiten-werkgebied',
      alternativeOrganisationId: zvhAmsterdam,
      actions: [],
    });
    expect(declined.body.timeline.at(-1)).toMatchObject({
      reason: 'buiten-werkgebied',
      alternativeOrganisationId: zvhAmsterdam,
    });
    const again = await move(ontvanger, sent.id, { transition: 'accept', version: declined.body.version });
    expect(again.status).toBe(409);
  });

  it('refuses notes with a BSN or a date of birth, stores nothing and does not echo the value', async () => {
    const before = await count('handoff');
    const bsn = await amsterdam.post(`${BASE}/handoffs`, body({ notes: 'Cliënt met BSN 111222333.' }));
    expect(bsn.status).toBe(400);
    expect(bsn.body.code).toBe('identifying_data');
    expect(bsn.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'notes', code: 'identifying_data.bsn' }),
    ]);
    expect(bsn.body.detail).toMatch(/burgerservicenummer/);
    expect(JSON.stringify(bsn.body)).not.toContain('111222333');
    const born = await amsterdam.post(
      `${BASE}/handoffs`,
      body({ notes: 'Geboren op 12 maart 2001 in Polen.' }),
    );
    expect(born.status).toBe(400);
    expect(born.body.invalidParams[0]).toMatchObject({ name: 'notes', code: 'identifying_data.date' });
    const reference = await amsterdam.post(
      `${BASE}/handoffs`,
      body({ externalReference: 'NL91ABNA0417164300' }),
    );
    expect(reference.status).toBe(400);
    expect(reference.body.invalidParams[0]).toMatchObject({
      name: 'externalReference',
      code: 'identifying_data.iban',
    });
    expect(await count('handoff')).toBe(before);

    const sent = await createAndSend();
    const remark = await move(ontvanger, sent.id, {
      transition: 'decline',
      version: sent.version,
      reason: 'anders',
      alternativeOrganisationId: zvhAmsterdam,
      remark: 'Bel haar op 06-12345678',
    });
    expect(remark.status).toBe(400);
    expect(remark.body.invalidParams[0]).toMatchObject({ name: 'remark', code: 'identifying_data.phone' });
    expect((await ontvanger.get(`${BASE}/handoffs/${sent.id}`)).body.state).toBe('verstuurd');
  });

  it('does not send a path that needs consent without it, except on the legal basis of police, KMar and NLA', async () => {
    const aanmelding = {
      pathCode: 'comensha-aanmelding',
      receiver: { organisationId: await organisationNamed('CoMensha') },
    };
    const created = await amsterdam.post(
      `${BASE}/handoffs`,
      body({ ...aanmelding, legalBasis: 'wettelijke-grondslag-aanmelding' }),
    );
    expect(created.status).toBe(201);
    const refused = await move(amsterdam, created.body.id, { transition: 'send', version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('consent_required');

    const withConsent = await amsterdam.send('patch', `${BASE}/handoffs/${created.body.id}`, {
      version: 1,
      consent: { given: true, date: '2026-01-05', givenBy: 'person' },
      legalBasis: 'toestemming',
    });
    expect(withConsent.status).toBe(200);
    expect((await move(amsterdam, created.body.id, { transition: 'send', version: 2 })).status).toBe(200);

    // Under 16, a parent or guardian consents.
    const child = await amsterdam.post(
      `${BASE}/handoffs`,
      body({
        ...aanmelding,
        minor: true,
        ageBand: '12-15',
        consent: { given: true, date: '2026-01-05', givenBy: 'person' },
      }),
    );
    expect(child.status).toBe(400);
    expect(child.body.invalidParams[0]).toMatchObject({ name: 'consent' });

    // The police registers at CoMensha without consent (legal basis). The Twente account acts for the police here.
    await dataSource.query(`UPDATE account SET organisation_id = $1 WHERE email = $2`, [
      politieOost,
      'zorgcoordinator-twente@demo.ketenkaart.nl',
    ]);
    try {
      const police = await twente.post(
        `${BASE}/handoffs`,
        body({ ...aanmelding, legalBasis: 'wettelijke-grondslag-aanmelding' }),
      );
      expect(police.status).toBe(201);
      expect((await move(twente, police.body.id, { transition: 'send', version: 1 })).status).toBe(200);
    } finally {
      await dataSource.query(`UPDATE account SET organisation_id = $1 WHERE email = $2`, [
        twenteOrganisation,
        'zorgcoordinator-twente@demo.ketenkaart.nl',
      ]);
    }
  });

  it("gives another region's zorgcoördinator 404 on the record, and the ketenregisseur the status without notes", async () => {
    const sent = await createAndSend();
    expect((await twente.get(`${BASE}/handoffs/${sent.id}`)).status).toBe(404);
    expect((await move(twente, sent.id, { transition: 'withdraw', version: sent.version })).status).toBe(404);
    expect(
      (await twente.send('patch', `${BASE}/handoffs/${sent.id}`, { version: sent.version })).status,
    ).toBe(404);
    expect((await twente.get(`${BASE}/handoffs/${randomUUID()}`)).status).toBe(404);

    const status = await ketenregisseur.get(`${BASE}/handoffs/${sent.id}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ view: 'status', state: 'verstuurd', actions: [] });
    for (const field of ['notes', 'externalReference', 'consent', 'senderName'])
      expect(status.body).not.toHaveProperty(field);
    expect(status.body.timeline[0]).not.toHaveProperty('remark');
    expect(JSON.stringify(status.body)).not.toContain('wijkteam');
    expect((await ketenregisseur.get(`${BASE}/handoffs/inbox`)).status).toBe(403);
    expect(
      (await move(ketenregisseur, sent.id, { transition: 'accept', version: sent.version })).status,
    ).toBe(404);

    const monitor = await signInAs(http, account('monitor@demo.ketenkaart.nl'), totpCode);
    expect((await monitor.get(`${BASE}/handoffs/${sent.id}`)).status).toBe(403);
    expect((await request(http).get(`${BASE}/handoffs/${sent.id}`).set(adminAuth)).status).toBe(403);
    expect((await request(http).get(`${BASE}/handoffs/${sent.id}`)).status).toBe(401);
  });

  it('50 concurrent conflicting transitions: exactly one succeeds, the others get 409, one timeline event', async () => {
    const sent = await createAndSend();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        move(ontvanger, sent.id, {
          version: sent.version,
          ...(index % 2 === 0
            ? { transition: 'accept' }
            : { transition: 'decline', reason: 'geen-capaciteit', alternativeOrganisationId: zvhAmsterdam }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const events = await dataSource.query(
      `SELECT kind FROM handoff_event WHERE handoff_id = $1 AND version > $2`,
      [sent.id, sent.version],
    );
    expect(events).toHaveLength(1);
    const [row] = await dataSource.query(`SELECT state, version FROM handoff WHERE id = $1`, [sent.id]);
    expect(row.version).toBe(sent.version + 1);
    expect(row.state).toBe(events[0].kind === 'accept' ? 'geaccepteerd' : 'afgewezen');
  });

  it('creates one record for the same Idempotency-Key twice, and refuses the key with another body', async () => {
    const key = `test-${randomUUID()}`;
    const first = await request(http)
      .post(`${BASE}/handoffs`)
      .set('Cookie', amsterdam.cookieHeader)
      .set('X-CSRF-Token', amsterdam.csrf!)
      .set('Idempotency-Key', key)
      .send(body());
    expect(first.status).toBe(201);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(http)
          .post(`${BASE}/handoffs`)
          .set('Cookie', amsterdam.cookieHeader)
          .set('X-CSRF-Token', amsterdam.csrf!)
          .set('Idempotency-Key', key)
          .send(body()),
      ),
    );
    for (const again of concurrent) {
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers['idempotent-replayed']).toBe('true');
    }
    const [{ n }] = await dataSource.query(
      `SELECT COUNT(*) AS n FROM handoff_idempotency_key WHERE idempotency_key = $1`,
      [key],
    );
    expect(Number(n)).toBe(1);
    const other = await request(http)
      .post(`${BASE}/handoffs`)
      .set('Cookie', amsterdam.cookieHeader)
      .set('X-CSRF-Token', amsterdam.csrf!)
      .set('Idempotency-Key', key)
      .send(body({ notes: 'Een ander verzoek.' }));
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('property: random transitions by random parties through the API keep the stored state equal to the replay of the timeline', async () => {
    const clientOf: Record<HandoffParty, SessionClient> = { sender: amsterdam, receiver: ontvanger };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            transition: fc.constantFrom(...HANDOFF_TRANSITIONS),
            party: fc.constantFrom<HandoffParty>('sender', 'receiver'),
          }),
          { minLength: 1, maxLength: 7 },
        ),
        async (moves) => {
          const created = await amsterdam.post(`${BASE}/handoffs`, body({ notes: null }));
          expect(created.status).toBe(201);
          let state: HandoffState = 'concept';
          let version = created.body.version as number;
          for (const { transition, party } of moves) {
            const inputs = inputsFor(transition);
            const expected = applyTransition(state, { transition, party, ...inputs });
            if (!allowedTransitions(state, party).includes(transition)) expect(expected.ok).toBe(false);
            const response = await move(clientOf[party], created.body.id, { transition, version, ...inputs });
            if (expected.ok) {
              expect(response.status).toBe(200);
              state = expected.to;
              version = response.body.version;
            } else {
              // The receiver does not see a concept at all (404); every other refusal is 4xx and changes nothing.
              expect([400, 403, 404, 409]).toContain(response.status);
            }
          }
          const [stored] = await dataSource.query(`SELECT state, version FROM handoff WHERE id = $1`, [
            created.body.id,
          ]);
          const events: {
            kind: string;
            party: HandoffParty;
            from_state: HandoffState | null;
            to_state: HandoffState;
            version: number;
          }[] = await dataSource.query(
            `SELECT kind, party, from_state, to_state, version FROM handoff_event WHERE handoff_id = $1 ORDER BY version`,
            [created.body.id],
          );
          expect(stored.state).toBe(state);
          expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
          expect(stored.version).toBe(events.length);
          expect(
            replayTimeline(
              events.map((event) => ({
                kind: event.kind as HandoffTransition | 'created',
                party: event.party,
                fromState: event.from_state,
                toState: event.to_state,
              })),
            ),
          ).toBe(stored.state);
        },
      ),
      { numRuns: 12 },
    );

    function inputsFor(transition: HandoffTransition): Record<string, unknown> {
      if (transition === 'decline')
        return { reason: 'geen-capaciteit', alternativeOrganisationId: zvhAmsterdam };
      if (transition === 'forward') return { forwardTo: { organisationId: zvhAmsterdam } };
      return {};
    }
  });

  it('serves the path catalogue with consent rules and deadlines', async () => {
    const paths = await amsterdam.get(`${BASE}/handoff-paths`);
    expect(paths.status).toBe(200);
    expect(paths.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'comensha-aanmelding',
          needsConsent: true,
          legalBasisExemptSenderTypes: ['politie', 'kmar', 'nla'],
          responseWorkingDays: 2,
        }),
      ]),
    );
  });
});
