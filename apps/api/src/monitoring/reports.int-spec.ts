import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { SessionClient, signInAs } from '../test/session-client';
import { adminAuth, createTestApp } from '../test/test-app';

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const BASIS = ['BB-1', 'BB-2', 'BB-3', 'SV-1', 'SV-2', 'BW-1', 'BW-2', 'SK-1', 'SK-2', 'OH-1', 'OH-2'];
/** Every basis criterion voldoet, except the ones given. */
const basis = (except: Record<string, string> = {}) => ({
  items: BASIS.map((criterionCode) => ({ criterionCode, status: except[criterionCode] ?? 'voldoet' })),
});
const HEADER =
  'gemeentecode;gemeente;periode;voldoet_basis;beleidsmatige_basis;signalerend_vermogen;bewustwording;' +
  'samenwerking_keten_regio;opvang_en_hulpverlening;tekort_op_thema;aandachtsfunctionaris_benoemd;' +
  'aandachtsfunctionaris_getraind;aandachtsfunctionaris_uren_per_week;aandachtsfunctionaris_voldoet;' +
  'beleidsdocumenten;beleid_uitbuitingsvormen';

interface AfCheck {
  named: boolean;
  trained: boolean;
  hoursPerWeek: number | null;
  meets: boolean;
}

/**
 * The reports and the trend, on 2023 (no other test file records anything for 2023): the demo ketenregie region
 * Amsterdam-Amstelland (Aalsmeer GM0358, Amstelveen GM0362, Amsterdam GM0363, Diemen GM0384, Ouder-Amstel GM0437,
 * Uithoorn GM0451).
 */
describe('monitoring: Kader trend and reports (tussenrapportage, jaaroverzicht, CSV)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let dataSource: DataSource;
  let ketenregisseur: SessionClient;
  let monitor: SessionClient;
  let zorgcoordinator: SessionClient;
  let own: { id: string; code: string; name: string; municipalityCodes: string[] };
  let other: { id: string };
  /** The aandachtsfunctionaris check per gemeente as the directory has it (demo seed). */
  let af: Map<string, AfCheck>;
  const put = (client: SessionClient, path: string, body: object) =>
    request(http)
      .put(path)
      .set('Cookie', client.cookieHeader)
      .set('X-CSRF-Token', client.csrf ?? '')
      .send(body)
      .expect(200);
  const region = async (code: string) => {
    const { body } = await request(http).get('/api/v1/regions').query({ type: 'ketenregie', pageSize: 500 });
    return body.items.find((item: { code: string }) => item.code === code);
  };
  const afCells = (code: string) => {
    const check = af.get(code)!;
    const yesNo = (value: boolean) => (value ? 'ja' : 'nee');
    return [
      yesNo(check.named),
      yesNo(check.trained),
      check.hoursPerWeek === null ? '' : String(check.hoursPerWeek).replace('.', ','),
      yesNo(check.meets),
    ].join(';');
  };
  const report = (client: SessionClient, query: string) =>
    client.get(`/api/v1/monitoring/reports/kader?${query}`);

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
    ketenregisseur = await signInAs(http, account('ketenregisseur@demo.ketenkaart.nl'), totpCode);
    monitor = await signInAs(http, account('monitor@demo.ketenkaart.nl'), totpCode);
    zorgcoordinator = await signInAs(http, account('zorgcoordinator@demo.ketenkaart.nl'), totpCode);
    own = await region('demo-kr-amsterdam');
    other = await region('demo-kr-oost');
    expect(own.municipalityCodes).toEqual(['GM0358', 'GM0362', 'GM0363', 'GM0384', 'GM0437', 'GM0451']);

    // 2023-H1: the whole region meets the basis, except Amsterdam (signalerend vermogen deels).
    await put(ketenregisseur, `/api/v1/regions/${own.id}/kader-assessments/2023-H1`, basis());
    await put(
      ketenregisseur,
      '/api/v1/municipalities/GM0363/kader-assessments/2023-H1',
      basis({ 'SV-2': 'deels' }),
    );
    // 2023-H2: only Aalsmeer (beleidsmatige basis voldoet niet) and Amstelveen (meets) are assessed again.
    await put(
      ketenregisseur,
      '/api/v1/municipalities/GM0358/kader-assessments/2023-H2',
      basis({ 'BB-1': 'voldoet-niet' }),
    );
    await put(ketenregisseur, '/api/v1/municipalities/GM0362/kader-assessments/2023-H2', basis());
    const documents = [
      {
        gm: 'GM0362',
        title: 'Beleidskader mensenhandel Amstelland',
        url: 'https://lokaleregelgeving.overheid.nl/CVDR600001',
        adoptedOn: '2022-05-01',
        validUntil: '2023-12-31',
        exploitationForms: ['arbeidsuitbuiting', 'seksuele-uitbuiting'],
      },
      {
        gm: 'GM0363',
        title: 'Nota mensenhandel; uitvoering',
        adoptedOn: '2023-09-01',
        validUntil: '2023-12-31',
        exploitationForms: ['criminele-uitbuiting'],
      },
    ];
    for (const { gm, ...document } of documents) {
      const created = await ketenregisseur.post(`/api/v1/municipalities/${gm}/policy-documents`, document);
      expect(created.status).toBe(201);
    }
    const overview = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: '2023-H2', region: own.id })
      .expect(200);
    af = new Map(
      overview.body.municipalities.map((m: { code: string; aandachtsfunctionaris: AfCheck }) => [
        m.code,
        m.aandachtsfunctionaris,
      ]),
    );

    // Three hand-offs in March 2023 from a gemeente of the region: a count below 5.
    const [organisation] = await dataSource.query(`SELECT id FROM organisation ORDER BY created_at LIMIT 1`);
    for (const [index, state] of ['geaccepteerd', 'afgewezen', 'verstuurd'].entries()) {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO handoff (id, case_reference, path_code, state, version, sender_organisation_id, municipality_code,
           region_ids, exploitation_form, target_group, minor, age_band, consent_given, legal_basis, created_at, updated_at,
           sent_at, respond_before, decline_reason)
         VALUES ($1, $2, 'comensha-aanmelding', $3, 2, $4, 'GM0363', $5::uuid[], 'arbeidsuitbuiting', 'eu-adult', false,
           '18-23', true, 'toestemming', $6, $6, $6, ($6::timestamptz)::date + 5, $7)`,
        [
          id,
          `KK-TEST-${id.slice(0, 4)}-${id.slice(4, 8)}`.toUpperCase(),
          state,
          organisation.id,
          [own.id],
          `2023-03-0${index + 6}T09:00:00Z`,
          state === 'afgewezen' ? 'geen-capaciteit' : null,
        ],
      );
    }
  });
  afterAll(async () => {
    await app.close();
  });

  describe('trend', () => {
    it('counts per half-year the gemeenten meeting the basis, per theme, and with adopted policy', async () => {
      const { body } = await request(http)
        .get('/api/v1/monitoring/kader-trend')
        .query({ from: '2022-H2', to: '2023-H2', region: own.id })
        .expect(200);
      expect(body).toMatchObject({ from: '2022-H2', to: '2023-H2', regionId: own.id });
      expect(body.periods.map((p: { period: string }) => p.period)).toEqual([
        '2022-H2',
        '2023-H1',
        '2023-H2',
      ]);
      const [before, first, second] = body.periods;
      expect(before).toMatchObject({
        municipalities: 6,
        assessedMunicipalities: 0,
        meetsBasis: 0,
        unknown: 6,
        withPolicyDocument: 1,
      });
      expect(first).toMatchObject({
        criteriaSetVersion: 1,
        municipalities: 6,
        assessedMunicipalities: 6,
        meetsBasis: 5,
        doesNotMeetBasis: 1,
        unknown: 0,
        withPolicyDocument: 1,
      });
      expect(first.themes.find((t: { theme: string }) => t.theme === 'signalerend-vermogen')).toEqual({
        theme: 'signalerend-vermogen',
        voldoet: 5,
        deels: 1,
        'voldoet-niet': 0,
        onbekend: 0,
      });
      expect(second).toMatchObject({
        assessedMunicipalities: 2,
        meetsBasis: 1,
        doesNotMeetBasis: 1,
        unknown: 4,
        withPolicyDocument: 2,
      });
      expect(second.themes.find((t: { theme: string }) => t.theme === 'beleidsmatige-basis')).toEqual({
        theme: 'beleidsmatige-basis',
        voldoet: 1,
        deels: 0,
        'voldoet-niet': 1,
        onbekend: 4,
      });
    });

    it.each([
      [{ from: '2025-Q1' }, 'from', 'matches'],
      [{ to: '2025' }, 'to', 'matches'],
      [{ from: '2026-H1', to: '2025-H2' }, 'from', 'range'],
      [{ from: '2010-H1', to: '2026-H2' }, 'from', 'range'],
      [{ region: 'amsterdam' }, 'region', 'isUuid'],
    ])('answers 400 naming the field and code (%j)', async (query, field, code) => {
      const response = await request(http).get('/api/v1/monitoring/kader-trend').query(query).expect(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.invalidParams).toContainEqual(expect.objectContaining({ name: field, code }));
    });

    it('answers 404 for an unknown region', async () => {
      await request(http).get('/api/v1/monitoring/kader-trend').query({ region: randomUUID() }).expect(404);
    });
  });

  describe('reports', () => {
    it('builds the jaaroverzicht from the latest assessed half-year per gemeente', async () => {
      const response = await report(ketenregisseur, `kind=jaaroverzicht&period=2023&region=${own.id}`);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const { body } = response;
      expect(body).toMatchObject({
        kind: 'jaaroverzicht',
        period: '2023',
        periods: ['2023-H1', '2023-H2'],
        title: `Jaaroverzicht VNG Kader 2023 — ${own.name}`,
        referenceDate: '2023-12-31',
        region: { id: own.id, code: 'demo-kr-amsterdam', name: own.name, type: 'ketenregie' },
        criteriaSetVersion: 1,
      });
      const rows = body.municipalities.map(
        (m: { code: string; basedOnPeriod: string; meetsBasis: string; shortfallThemes: string[] }) => [
          m.code,
          m.basedOnPeriod,
          m.meetsBasis,
          m.shortfallThemes,
        ],
      );
      expect(rows).toEqual([
        ['GM0358', '2023-H2', 'no', ['beleidsmatige-basis']],
        ['GM0362', '2023-H2', 'yes', []],
        ['GM0363', '2023-H1', 'no', ['signalerend-vermogen']],
        ['GM0384', '2023-H1', 'yes', []],
        ['GM0437', '2023-H1', 'yes', []],
        ['GM0451', '2023-H1', 'yes', []],
      ]);
      const amsterdam = body.municipalities.find((m: { code: string }) => m.code === 'GM0363');
      expect(amsterdam.policyDocuments).toEqual([
        {
          title: 'Nota mensenhandel; uitvoering',
          url: null,
          adoptedOn: '2023-09-01',
          validUntil: '2023-12-31',
          exploitationForms: ['criminele-uitbuiting'],
        },
      ]);
      expect(amsterdam.policyExploitationForms).toEqual(['criminele-uitbuiting']);
      expect(amsterdam.aandachtsfunctionaris).toEqual(expect.objectContaining(af.get('GM0363')));
      const afMeets = [...af.values()].filter((check) => check.meets).length;
      expect(body.summary).toMatchObject({
        municipalities: 6,
        meetsBasis: 4,
        doesNotMeetBasis: 2,
        unknown: 0,
        withPolicyDocument: 2,
        aandachtsfunctionarisMeets: afMeets,
        regions: 1,
      });
      expect(body.summary.themes.find((t: { theme: string }) => t.theme === 'beleidsmatige-basis')).toEqual({
        theme: 'beleidsmatige-basis',
        voldoet: 5,
        deels: 0,
        'voldoet-niet': 1,
        onbekend: 0,
      });
      // The region is a ketenregie region: its own coverage.
      expect(body.coverage.type).toBe('ketenregie');
      expect(body.coverage.regions).toEqual([
        expect.objectContaining({
          id: own.id,
          code: 'demo-kr-amsterdam',
          municipalities: 6,
          municipalitiesMeetingBasis: 4,
          aandachtsfunctionarisMeets: afMeets,
          withPolicyDocument: 2,
          ketenregisseur: expect.objectContaining({ status: expect.any(String) }),
        }),
      ]);
      // The ketenregisseur may see single hand-offs of their own region: nothing suppressed.
      expect(body.handoffFigures).toMatchObject({
        from: '2023-01-01',
        to: '2023-12-31',
        regionId: own.id,
        suppressed: false,
        total: 3,
        declineReasons: [{ key: 'geen-capaciteit', label: null, count: 1 }],
      });
    });

    it('builds the tussenrapportage of one half-year, with the policy in force at its end', async () => {
      const first = await report(ketenregisseur, `kind=tussenrapportage&period=2023-H1&region=${own.id}`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        kind: 'tussenrapportage',
        period: '2023-H1',
        periods: ['2023-H1'],
        referenceDate: '2023-06-30',
        summary: { meetsBasis: 5, doesNotMeetBasis: 1, unknown: 0, withPolicyDocument: 1 },
        handoffFigures: { from: '2023-01-01', to: '2023-06-30', total: 3 },
      });
      // Without kind: a tussenrapportage.
      const second = await report(ketenregisseur, `period=2023-H2&region=${own.id}`);
      expect(second.body.kind).toBe('tussenrapportage');
      expect(second.body.summary).toMatchObject({ meetsBasis: 1, doesNotMeetBasis: 1, unknown: 4 });
      expect(
        second.body.municipalities.find((m: { code: string }) => m.code === 'GM0451').basedOnPeriod,
      ).toBe(null);
    });

    it('returns the gemeenten table as CSV for Excel on Accept: text/csv, exactly', async () => {
      const response = await request(http)
        .get('/api/v1/monitoring/reports/kader')
        .query({ period: '2023-H1', region: own.id })
        .set('Cookie', ketenregisseur.cookieHeader)
        .set('Accept', 'text/csv')
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="kader-rapport-2023-H1-demo-kr-amsterdam.csv"',
      );
      expect(response.headers.vary).toMatch(/Accept/);
      const text = response.body as string;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const all = 'Voldoet;Voldoet;Voldoet;Voldoet;Voldoet';
      expect(text.slice(1).split('\r\n')).toEqual([
        HEADER,
        `GM0358;Aalsmeer;2023-H1;ja;${all};;${afCells('GM0358')};;`,
        `GM0362;Amstelveen;2023-H1;ja;${all};;${afCells('GM0362')};Beleidskader mensenhandel Amstelland (2022-05-01);seksuele-uitbuiting|arbeidsuitbuiting`,
        `GM0363;Amsterdam;2023-H1;nee;Voldoet;Voldoet deels;Voldoet;Voldoet;Voldoet;Signalerend vermogen;${afCells('GM0363')};;`,
        `GM0384;Diemen;2023-H1;ja;${all};;${afCells('GM0384')};;`,
        `GM0437;Ouder-Amstel;2023-H1;ja;${all};;${afCells('GM0437')};;`,
        `GM0451;Uithoorn;2023-H1;ja;${all};;${afCells('GM0451')};;`,
        '',
      ]);
    });

    it('returns the jaaroverzicht and the regions table as CSV with format=csv (for download links)', async () => {
      const year = await report(ketenregisseur, `kind=jaaroverzicht&period=2023&region=${own.id}&format=csv`);
      expect(year.status).toBe(200);
      expect(year.headers['content-disposition']).toBe(
        'attachment; filename="kader-rapport-2023-demo-kr-amsterdam.csv"',
      );
      const lines = year.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[1]).toBe(
        `GM0358;Aalsmeer;2023-H2;nee;Voldoet niet;Voldoet;Voldoet;Voldoet;Voldoet;Beleidsmatige basis;${afCells('GM0358')};;`,
      );
      // A cell holding the separator is quoted.
      expect(lines[3]).toBe(
        `GM0363;Amsterdam;2023-H1;nee;Voldoet;Voldoet deels;Voldoet;Voldoet;Voldoet;Signalerend vermogen;${afCells('GM0363')};"Nota mensenhandel; uitvoering (2023-09-01)";criminele-uitbuiting`,
      );

      const json = await report(ketenregisseur, `kind=jaaroverzicht&period=2023&region=${own.id}`);
      const [coverage] = json.body.coverage.regions;
      const regions = await report(
        ketenregisseur,
        `kind=jaaroverzicht&period=2023&region=${own.id}&format=csv&table=regios`,
      );
      expect(regions.headers['content-disposition']).toBe(
        'attachment; filename="kader-rapport-2023-demo-kr-amsterdam-regios.csv"',
      );
      const label = (status: string) =>
        ({ filled: 'ingevuld', 'op-afstand': 'CoMensha op afstand', vacant: 'vacant' })[status];
      const fn = (f: { status: string; hoursPerWeek: number | null; vacantSince: string | null }) =>
        `${label(f.status)};${f.hoursPerWeek === null ? '' : String(f.hoursPerWeek).replace('.', ',')};${f.vacantSince ?? ''}`;
      const afMeets = [...af.values()].filter((check) => check.meets).length;
      expect(regions.text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
        'regiocode;regio;ketenregisseur;ketenregisseur_uren_per_week;ketenregisseur_vacant_sinds;zorgcoordinatie;' +
          'zorgcoordinatie_uren_per_week;zorgcoordinatie_vacant_sinds;gemeenten;gemeenten_voldoen_basis;' +
          'aandachtsfunctionaris_voldoet;gemeenten_met_beleid',
        `demo-kr-amsterdam;${own.name};${fn(coverage.ketenregisseur)};${fn(coverage.zorgcoordinatie)};6;4;${afMeets};2`,
        '',
      ]);
    });

    it('gives the landelijk monitor aggregates only: hand-off counts below 5 suppressed, no account ids', async () => {
      const regional = await report(monitor, `kind=jaaroverzicht&period=2023&region=${own.id}`);
      expect(regional.status).toBe(200);
      expect(regional.body.handoffFigures).toMatchObject({
        suppressed: true,
        total: '<5',
        accepted: '<5',
        overdue: '<5',
        declineReasons: [{ key: 'geen-capaciteit', label: null, count: '<5' }],
      });
      expect(JSON.stringify(regional.body)).not.toMatch(/account:|service:/);

      const national = await report(monitor, 'kind=jaaroverzicht&period=2023');
      expect(national.status).toBe(200);
      expect(national.body.region).toBeNull();
      expect(national.body.title).toBe('Jaaroverzicht VNG Kader 2023 — Nederland');
      expect(national.body.municipalities).toHaveLength(342);
      expect(national.body.summary.municipalities).toBe(342);
      expect(national.body.coverage.type).toBe('veiligheidsregio');
      expect(national.body.coverage.regions).toHaveLength(25);
      expect(national.body.handoffFigures.suppressed).toBe(true);
      const figures = [
        national.body.handoffFigures.total,
        ...national.body.handoffFigures.byPath.map((row: { count: unknown }) => row.count),
      ];
      for (const count of figures)
        expect(count === '<5' || (typeof count === 'number' && count >= 5)).toBe(true);
      const csv = await report(monitor, 'kind=jaaroverzicht&period=2023&format=csv');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="kader-rapport-2023-nederland.csv"',
      );
      expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')).toHaveLength(1 + 342 + 1);

      // The beheerder may not see single hand-offs either.
      const beheerder = await request(http)
        .get('/api/v1/monitoring/reports/kader')
        .query({ period: '2023-H1', region: own.id })
        .set(adminAuth)
        .expect(200);
      expect(beheerder.body.handoffFigures.total).toBe('<5');
    });

    it("refuses another region's report (403 out_of_scope), roles without monitoring (403) and anonymous callers (401)", async () => {
      const foreign = await report(ketenregisseur, `period=2023-H1&region=${other.id}`);
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('out_of_scope');
      const national = await report(ketenregisseur, 'period=2023-H1');
      expect(national.status).toBe(403);
      expect(national.body.code).toBe('out_of_scope');
      const byZorgcoordinator = await report(zorgcoordinator, `period=2023-H1&region=${own.id}`);
      expect(byZorgcoordinator.status).toBe(403);
      expect(byZorgcoordinator.body.code).toBe('forbidden');
      await request(http).get('/api/v1/monitoring/reports/kader').query({ period: '2023-H1' }).expect(401);
      const unknown = await report(monitor, `period=2023-H1&region=${randomUUID()}`);
      expect(unknown.status).toBe(404);
    });

    it.each([
      ['kind=jaaroverzicht&period=2023-H1', 'period', 'matches'],
      ['kind=tussenrapportage&period=2023', 'period', 'matches'],
      ['period=2023-H3', 'period', 'matches'],
      ['kind=kwartaal', 'kind', 'isIn'],
      ['period=2023-H1&format=xlsx', 'format', 'isIn'],
      ['period=2023-H1&table=personen', 'table', 'isIn'],
      ['period=2023-H1&region=amsterdam', 'region', 'isUuid'],
    ])('answers 400 naming the field and code (%s)', async (query, field, code) => {
      const response = await report(monitor, query);
      expect(response.status).toBe(400);
      expect(response.body.invalidParams).toContainEqual(expect.objectContaining({ name: field, code }));
    });
  });
});
