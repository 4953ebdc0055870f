import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { SessionClient, signInAs } from '../test/session-client';
import { adminAuth, createTestApp } from '../test/test-app';

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const PERIOD = '2025-H1';
const BASIS = ['BB-1', 'BB-2', 'BB-3', 'SV-1', 'SV-2', 'BW-1', 'BW-2', 'SK-1', 'SK-2', 'OH-1', 'OH-2'];
const allBasis = (status: string) => ({
  items: BASIS.map((criterionCode) => ({
    criterionCode,
    status,
    evidenceUrl: 'https://lokaleregelgeving.overheid.nl/CVDR700000',
  })),
});

describe('monitoring: VNG Kader, coverage and hand-off figures', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let dataSource: DataSource;
  let ketenregisseur: SessionClient;
  let monitor: SessionClient;
  let ownRegion: { id: string; municipalityCodes: string[] };
  let otherRegion: { id: string; municipalityCodes: string[] };
  const put = (client: SessionClient, path: string, body: object) =>
    request(http)
      .put(path)
      .set('Cookie', client.cookieHeader)
      .set('X-CSRF-Token', client.csrf ?? '')
      .send(body);
  const region = async (code: string) => {
    const { body } = await request(http).get('/api/v1/regions').query({ type: 'ketenregie', pageSize: 500 });
    return body.items.find((item: { code: string }) => item.code === code);
  };

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
    ketenregisseur = await signInAs(http, account('ketenregisseur@demo.ketenkaart.nl'), totpCode);
    monitor = await signInAs(http, account('monitor@demo.ketenkaart.nl'), totpCode);
    ownRegion = await region('demo-kr-amsterdam');
    otherRegion = await region('demo-kr-oost');
  });
  afterAll(async () => {
    await app.close();
  });

  it('seeds the five themes of the Kader at two levels as reference data', async () => {
    const { body } = await request(http).get('/api/v1/kader-criteria').expect(200);
    const first = body.items.find((set: { version: number }) => set.version === 1);
    expect(new Set(first.criteria.map((c: { theme: string }) => c.theme)).size).toBe(5);
    expect(new Set(first.criteria.map((c: { level: string }) => c.level))).toEqual(
      new Set(['basis', 'verdieping']),
    );
    expect(first.criteria[0].source).toBe('VNG Kader voor de aanpak van mensenhandel door gemeenten (2021)');
  });

  it('lets a ketenregisseur record the Kader status of the gemeenten of their region, and the figures change', async () => {
    const before = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: PERIOD, region: ownRegion.id })
      .expect(200);
    expect(before.body.totals.meetsBasis).toBe(0);

    const bulk = await put(
      ketenregisseur,
      `/api/v1/regions/${ownRegion.id}/kader-assessments/${PERIOD}`,
      allBasis('voldoet'),
    );
    expect(bulk.status).toBe(200);
    expect(bulk.body.municipalities).toHaveLength(ownRegion.municipalityCodes.length);

    const [first] = ownRegion.municipalityCodes;
    const single = await put(ketenregisseur, `/api/v1/municipalities/${first}/kader-assessments/${PERIOD}`, {
      items: [
        ...allBasis('voldoet').items.filter((item) => item.criterionCode !== 'SV-2'),
        { criterionCode: 'SV-2', status: 'deels' },
      ],
    });
    expect(single.status).toBe(200);
    expect(single.body.meetsBasis).toBe('no');
    expect(single.body.criteria.find((c: { code: string }) => c.code === 'SV-2').assessedBy).toMatch(
      /^account:/,
    );

    const after = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: PERIOD, region: ownRegion.id })
      .expect(200);
    expect(after.body.totals.meetsBasis).toBe(ownRegion.municipalityCodes.length - 1);
    expect(after.body.totals.doesNotMeetBasis).toBe(1);
    const theme = after.body.totals.themes.find((t: { theme: string }) => t.theme === 'signalerend-vermogen');
    expect(theme).toMatchObject({ voldoet: ownRegion.municipalityCodes.length - 1, deels: 1 });

    const publicSheet = await request(http)
      .get(`/api/v1/municipalities/${first}/kader-assessments`)
      .query({ period: PERIOD })
      .expect(200);
    expect(publicSheet.body.meetsBasis).toBe('no');
    expect(publicSheet.body.criteria[0].assessedBy).toBeNull();
    expect(publicSheet.body.aandachtsfunctionaris).toEqual(
      expect.objectContaining({ minHoursPerWeek: 4, meets: expect.any(Boolean) }),
    );
  });

  it("refuses another region's gemeente with 403 out_of_scope, and changes nothing", async () => {
    const [foreign] = otherRegion.municipalityCodes;
    const refused = await put(
      ketenregisseur,
      `/api/v1/municipalities/${foreign}/kader-assessments/${PERIOD}`,
      allBasis('voldoet'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('out_of_scope');
    const bulk = await put(
      ketenregisseur,
      `/api/v1/regions/${otherRegion.id}/kader-assessments/${PERIOD}`,
      allBasis('voldoet'),
    );
    expect(bulk.status).toBe(403);
    const sheet = await request(http)
      .get(`/api/v1/municipalities/${foreign}/kader-assessments`)
      .query({ period: PERIOD });
    expect(sheet.body.assessedCriteria).toBe(0);
  });

  it.each([
    [PERIOD, { items: [{ criterionCode: 'BB-1', status: 'prima' }] }, 'items.0.status'],
    [
      PERIOD,
      { items: [{ criterionCode: 'BB-1', status: 'voldoet', evidenceUrl: 'niet-een-url' }] },
      'items.0.evidenceUrl',
    ],
    [PERIOD, { items: [{ criterionCode: 'XX-9', status: 'voldoet' }] }, 'items.0.criterionCode'],
    ['2025-Q1', { items: [{ criterionCode: 'BB-1', status: 'voldoet' }] }, 'period'],
  ])('answers 400 naming the field (%s, %j)', async (period, body, field) => {
    const [code] = ownRegion.municipalityCodes;
    const response = await put(
      ketenregisseur,
      `/api/v1/municipalities/${code}/kader-assessments/${period}`,
      body,
    );
    expect(response.status).toBe(400);
    expect(response.body.invalidParams.map((param: { name: string }) => param.name)).toContain(field);
  });

  it('lists nationally which gemeenten meet the Kader and which do not, per theme', async () => {
    const { body } = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: PERIOD })
      .expect(200);
    expect(body.municipalities).toHaveLength(342);
    expect(body.totals.municipalities).toBe(342);
    expect(body.totals.meetsBasis).toBeGreaterThanOrEqual(ownRegion.municipalityCodes.length - 1);
    expect(body.totals.themes).toHaveLength(5);
    for (const theme of body.totals.themes)
      expect(theme.voldoet + theme.deels + theme['voldoet-niet'] + theme.onbekend).toBe(342);
    const failing = body.municipalities.find((m: { meetsBasis: string }) => m.meetsBasis === 'no');
    expect(failing.themes.find((t: { theme: string }) => t.theme === 'signalerend-vermogen').status).toBe(
      'deels',
    );
    await request(http).get('/api/v1/monitoring/kader').query({ period: '2025' }).expect(400);
  });

  it('lets only a beheerder add a version of the criteria', async () => {
    const criteria = [
      { code: 'BB-1', theme: 'beleidsmatige-basis', level: 'basis', text: 'Vastgesteld beleid.' },
    ];
    const refused = await put(ketenregisseur, '/api/v1/kader-criteria', {});
    expect(refused.status).toBe(404);
    const byRegisseur = await ketenregisseur.post('/api/v1/kader-criteria', {
      validFrom: '2099-01-01',
      criteria,
    });
    expect(byRegisseur.status).toBe(403);
    const created = await request(http)
      .post('/api/v1/kader-criteria')
      .set(adminAuth)
      .send({ validFrom: '2099-01-01', criteria })
      .expect(201);
    expect(created.body.version).toBeGreaterThan(1);
    // Periods before 2099 keep version 1.
    const sheet = await request(http)
      .get(`/api/v1/municipalities/GM0363/kader-assessments`)
      .query({ period: PERIOD });
    expect(sheet.body.criteriaSetVersion).toBe(1);
  });

  it('shows coverage per region with vacancies and CoMensha op afstand from the demo directory', async () => {
    const { body } = await request(http)
      .get('/api/v1/monitoring/coverage')
      .query({ type: 'veiligheidsregio', period: PERIOD })
      .expect(200);
    expect(body.regions).toHaveLength(25);
    const vacant = body.regions.filter(
      (r: { ketenregisseur: { status: string } }) => r.ketenregisseur.status === 'vacant',
    );
    expect(vacant.length).toBeGreaterThan(0);
    expect(vacant[0].ketenregisseur.vacantSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.totals.zorgcoordinatieOpAfstand).toBeGreaterThan(0);
    const filled = body.regions.find(
      (r: { ketenregisseur: { status: string } }) => r.ketenregisseur.status === 'filled',
    );
    expect(filled.ketenregisseur.hoursPerWeek).toBeGreaterThan(0);
    expect(body.totals.municipalities).toBe(342);
    await request(http).get('/api/v1/monitoring/coverage').query({ type: 'provincie' }).expect(400);
  });

  describe('hand-off figures', () => {
    const from = '2024-03-01';
    const to = '2024-03-31';
    beforeAll(async () => {
      const [organisation] = await dataSource.query(
        `SELECT id FROM organisation ORDER BY created_at LIMIT 1`,
      );
      const insert = async (
        municipalityCode: string,
        state: string,
        sentAt: string,
        acceptedAt: string | null,
      ) => {
        const id = randomUUID();
        await dataSource.query(
          `INSERT INTO handoff (id, case_reference, path_code, state, version, sender_organisation_id, municipality_code,
             region_ids, exploitation_form, target_group, minor, age_band, consent_given, legal_basis, created_at, updated_at,
             sent_at, respond_before, responded_at, decline_reason)
           VALUES ($1, $2, 'comensha-aanmelding', $3, 2, $4, $5, $6::uuid[], 'arbeidsuitbuiting', 'eu-adult', false, '18-23',
             true, 'toestemming', $7, $7, $7, ($7::timestamptz)::date + 5, $8, $9)`,
          [
            id,
            `KK-TEST-${id.slice(0, 4)}-${id.slice(4, 8)}`.toUpperCase(),
            state,
            organisation.id,
            municipalityCode,
            [ownRegion.id],
            sentAt,
            acceptedAt,
            state === 'afgewezen' ? 'geen-capaciteit' : null,
          ],
        );
        if (acceptedAt)
          await dataSource.query(
            `INSERT INTO handoff_event (handoff_id, version, kind, party, from_state, to_state, occurred_at, actor)
             VALUES ($1, 2, 'accept', 'receiver', 'verstuurd', 'geaccepteerd', $2, 'test')`,
            [id, acceptedAt],
          );
      };
      const [code] = ownRegion.municipalityCodes;
      await insert(code, 'geaccepteerd', '2024-03-04T09:00:00Z', '2024-03-04T13:00:00Z');
      await insert(code, 'geaccepteerd', '2024-03-05T09:00:00Z', '2024-03-05T11:00:00Z');
      await insert(code, 'afgewezen', '2024-03-06T09:00:00Z', null);
    });

    it('suppresses small counts for the landelijk monitor', async () => {
      const response = await monitor.get(`/api/v1/monitoring/handoff-figures?from=${from}&to=${to}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        suppressed: true,
        total: '<5',
        accepted: '<5',
        medianHoursToAcceptance: '<5',
      });
      expect(response.body.byPath).toEqual([{ key: 'comensha-aanmelding', label: null, count: '<5' }]);
      expect(response.body.byForm[0].count).toBe('<5');
      expect(response.body.declineReasons[0].count).toBe('<5');
      const admin = await request(http)
        .get('/api/v1/monitoring/handoff-figures')
        .query({ from, to })
        .set(adminAuth);
      expect(admin.body.total).toBe('<5');
    });

    it("shows the ketenregisseur their own region's figures unsuppressed, and no other region", async () => {
      const own = await ketenregisseur.get(
        `/api/v1/monitoring/handoff-figures?from=${from}&to=${to}&region=${ownRegion.id}`,
      );
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        suppressed: false,
        total: 3,
        accepted: 2,
        medianHoursToAcceptance: 3,
      });
      expect(own.body.declineReasons).toEqual([{ key: 'geen-capaciteit', label: null, count: 1 }]);
      const other = await ketenregisseur.get(`/api/v1/monitoring/handoff-figures?region=${otherRegion.id}`);
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('out_of_scope');
      await request(http).get('/api/v1/monitoring/handoff-figures').expect(401);
      const invalid = await monitor.get('/api/v1/monitoring/handoff-figures?from=maart');
      expect(invalid.status).toBe(400);
      expect(invalid.body.invalidParams[0].name).toBe('from');
    });
  });
});
