import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../test/test-app';
import { MunicipalityImportError, MunicipalityImportService } from './municipality-import.service';

/**
 * This suite changes the municipality list, which other suites count on (342 gemeenten). On a server it
 * therefore works in a database of its own; the embedded database of a test app is private already.
 */
async function privateDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: {}, drop: async () => undefined };
  const name = `ketenkaart_import_spec_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

const bundled = readFileSync(path.resolve(__dirname, '../../data/gemeenten.csv'), 'utf8').trim().split('\n');
const lineOf = (lines: string[], code: string) => lines.findIndex((line) => line.startsWith(`${code},`));
const csv = (lines: string[]) => `${lines.join('\n')}\n`;

// A made-up but realistic merger on 2024-01-01: Diemen and Ouder-Amstel (both VR13 Amsterdam-Amstelland,
// both in the demo regions around Amsterdam) become the new municipality GM1999 Testgemeente.
const MERGED = ['GM0384', 'GM0437'];
const TESTGEMEENTE =
  'GM1999,1999,Testgemeente,,PV27,Noord-Holland,VR13,Amsterdam-Amstelland,Amsterdam,RIEC Amsterdam-Amstelland';
const LIST_2024 = [
  ...bundled.filter((line) => !MERGED.some((code) => line.startsWith(`${code},`))),
  TESTGEMEENTE,
];
const MERGERS_2024 = 'old_gm_code,successor_gm_code\nGM0384,GM1999\nGM0437,GM1999\n';
const DEMO_REGIONS_AROUND_AMSTERDAM = [
  'demo-cg-amsterdam',
  'demo-kr-amsterdam',
  'demo-zc-amsterdam',
  'demo-zvh-amsterdam',
];

describe('municipality import (CBS list with mergers)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let importer: MunicipalityImportService;
  let database: Awaited<ReturnType<typeof privateDatabase>>;

  const snapshot = async () => ({
    municipalities: await db.query(
      `SELECT code, name, display_name, valid_from::text, valid_until::text, successor_code FROM municipality ORDER BY code`,
    ),
    memberships: await db.query(
      `SELECT region_id, municipality_code, valid_from::text, valid_until::text FROM region_membership ORDER BY 1, 2, 3`,
    ),
    regions: await db.query(`SELECT id, code, name, version, valid_until::text FROM region ORDER BY id`),
  });
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MunicipalityImportError);
    return (error as MunicipalityImportError).issues;
  };
  const membershipsOf = (
    code: string,
  ): Promise<{ type: string; region: string; from: string; until: string | null }[]> =>
    db.query(
      `SELECT r.type_code AS type, r.code AS region, m.valid_from::text AS from, m.valid_until::text AS until
         FROM region_membership m JOIN region r ON r.id = m.region_id
        WHERE m.municipality_code = $1 ORDER BY r.type_code, r.code, m.valid_from`,
      [code],
    );

  beforeAll(async () => {
    database = await privateDatabase();
    app = await createTestApp(database.env);
    http = app.getHttpServer();
    db = app.get(DataSource);
    importer = app.get(MunicipalityImportService);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('refuses bad rows with their row and column, and imports nothing', async () => {
    const before = await snapshot();
    const lines = [...LIST_2024];
    const aalsmeer = lineOf(lines, 'GM0358');
    const amstelveen = lineOf(lines, 'GM0362');
    const uithoorn = lineOf(lines, 'GM0451');
    lines[aalsmeer] = lines[aalsmeer].replace('GM0358,', 'GM358,');
    lines[amstelveen] = lines[amstelveen].replace(',Amstelveen,', ',,');
    lines[uithoorn] = lines[uithoorn].replace(',VR13,', ',VR99,');

    const issues = await refusal(
      importer.importMunicipalityList(csv(lines), { effectiveDate: '2024-01-01', mergers: MERGERS_2024 }),
    );

    expect(issues).toEqual(
      [
        { row: aalsmeer + 1, column: 'gm_code' },
        { row: amstelveen + 1, column: 'name' },
        { row: uithoorn + 1, column: 'vr_code' },
      ].map((where) => expect.objectContaining({ source: 'list', ...where })),
    );
    expect(issues[2].message).toBe("'VR99' is not a veiligheidsregio (VR01 to VR25)");
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a code that disappears without a successor: CBS removes codes only by merger', async () => {
    const before = await snapshot();
    const withoutAalsmeer = LIST_2024.filter((line) => !line.startsWith('GM0358,'));
    const issues = await refusal(
      importer.importMunicipalityList(csv(withoutAalsmeer), {
        effectiveDate: '2024-01-01',
        mergers: MERGERS_2024,
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        source: 'mergers',
        column: 'old_gm_code',
        message: expect.stringMatching(
          /^GM0358 \(Aalsmeer\) is missing from the municipality list and has no successor/,
        ),
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a successor that is not in the new list, and a merged code that is still listed', async () => {
    const before = await snapshot();
    const issues = await refusal(
      importer.importMunicipalityList(csv(LIST_2024), {
        effectiveDate: '2024-01-01',
        mergers: 'old_gm_code,successor_gm_code\nGM0384,GM1999\nGM0437,GM1998\nGM0358,GM0363\n',
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        source: 'mergers',
        row: 3,
        column: 'successor_gm_code',
        message: 'GM1998 is not in the new municipality list',
      }),
      expect.objectContaining({ source: 'mergers', row: 4, column: 'old_gm_code' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('reports a dry run without saving anything', async () => {
    const before = await snapshot();
    const report = await importer.importMunicipalityList(csv(LIST_2024), {
      effectiveDate: '2024-01-01',
      mergers: MERGERS_2024,
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, added: [{ code: 'GM1999' }], unchanged: 340 });
    expect(await snapshot()).toEqual(before);
  });

  it('ends merged municipalities with their successor and gives the new one its regions', async () => {
    const versionsBefore: { code: string; version: number }[] = await db.query(
      `SELECT code, version FROM region WHERE code = ANY($1) ORDER BY code`,
      [DEMO_REGIONS_AROUND_AMSTERDAM],
    );

    const report = await importer.importMunicipalityList(csv(LIST_2024), {
      effectiveDate: '2024-01-01',
      mergers: MERGERS_2024,
    });

    expect(report).toEqual({
      effectiveDate: '2024-01-01',
      dryRun: false,
      added: [{ code: 'GM1999', name: 'Testgemeente' }],
      renamed: [],
      ended: [
        { code: 'GM0384', name: 'Diemen', successorCode: 'GM1999' },
        { code: 'GM0437', name: 'Ouder-Amstel', successorCode: 'GM1999' },
      ],
      moved: [],
      unchanged: 340,
      successorJoined: expect.arrayContaining(
        DEMO_REGIONS_AROUND_AMSTERDAM.map((regionCode) =>
          expect.objectContaining({ code: 'GM1999', regionCode, replaces: ['GM0384', 'GM0437'] }),
        ),
      ),
    });
    expect(report.successorJoined).toHaveLength(DEMO_REGIONS_AROUND_AMSTERDAM.length);

    // The old codes keep answering: ended, with their successor, and without current regions.
    for (const code of MERGED) {
      const { body } = await request(http).get(`/api/v1/municipalities/${code}`).expect(200);
      expect(body).toMatchObject({ code, validUntil: '2024-01-01', successorCode: 'GM1999', regions: [] });
    }
    // Their memberships are ended, not deleted: history stays queryable.
    const diemen = await membershipsOf('GM0384');
    expect(diemen.map(({ type, region }) => `${type}:${region}`)).toEqual([
      'centrumgemeente-vo-mo:demo-cg-amsterdam',
      'ketenregie:demo-kr-amsterdam',
      'politie-eenheid:amsterdam',
      'provincie:PV27',
      'riec:riec-amsterdam-amstelland',
      'veiligheidsregio:VR13',
      'zorg-en-veiligheidshuis:demo-zvh-amsterdam',
      'zorgcoordinatie:demo-zc-amsterdam',
    ]);
    expect(diemen.every(({ from, until }) => from === '2023-01-01' && until === '2024-01-01')).toBe(true);
    const vr13On = async (day: string) =>
      (
        await db.query(
          `SELECT m.municipality_code FROM region_membership m JOIN region r ON r.id = m.region_id
            WHERE r.code = 'VR13' AND m.valid_from <= $1 AND (m.valid_until IS NULL OR m.valid_until > $1)
            ORDER BY 1`,
          [day],
        )
      ).map((row: { municipality_code: string }) => row.municipality_code);
    expect(await vr13On('2023-06-01')).toEqual(['GM0358', 'GM0362', 'GM0363', 'GM0384', 'GM0437', 'GM0451']);
    expect(await vr13On('2024-01-01')).toEqual(['GM0358', 'GM0362', 'GM0363', 'GM0451', 'GM1999']);

    // The new municipality is in its province, VR, politie-eenheid and RIEC, and in the demo regions of the old ones.
    const { body: testgemeente } = await request(http).get('/api/v1/municipalities/GM1999').expect(200);
    expect(testgemeente).toMatchObject({ name: 'Testgemeente', validFrom: '2024-01-01', validUntil: null });
    expect(
      testgemeente.regions
        .map(({ typeCode, code }: { typeCode: string; code: string }) => `${typeCode}:${code}`)
        .sort(),
    ).toEqual([
      'centrumgemeente-vo-mo:demo-cg-amsterdam',
      'ketenregie:demo-kr-amsterdam',
      'politie-eenheid:amsterdam',
      'provincie:PV27',
      'riec:riec-amsterdam-amstelland',
      'veiligheidsregio:VR13',
      'zorg-en-veiligheidshuis:demo-zvh-amsterdam',
      'zorgcoordinatie:demo-zc-amsterdam',
    ]);
    const ketenregie = await request(http)
      .get('/api/v1/regions')
      .query({ type: 'ketenregie', municipality: 'GM1999' })
      .expect(200);
    expect(ketenregie.body.items).toHaveLength(1);
    expect(ketenregie.body.items[0].municipalityCodes).toEqual([
      'GM0358',
      'GM0362',
      'GM0363',
      'GM0451',
      'GM1999',
    ]);
    // An edit made against the members before the merger now conflicts.
    const versionsAfter: { code: string; version: number }[] = await db.query(
      `SELECT code, version FROM region WHERE code = ANY($1) ORDER BY code`,
      [DEMO_REGIONS_AROUND_AMSTERDAM],
    );
    expect(versionsAfter.map(({ version }) => version)).toEqual(
      versionsBefore.map(({ version }) => version + 1),
    );

    const current = await request(http).get('/api/v1/municipalities').query({ pageSize: 500 }).expect(200);
    expect(current.body.total).toBe(341);
    const all = await request(http)
      .get('/api/v1/municipalities')
      .query({ q: 'Diemen', includeEnded: true })
      .expect(200);
    expect(all.body.items).toEqual([expect.objectContaining({ code: 'GM0384', successorCode: 'GM1999' })]);
  });

  it('changes nothing when the same list is imported again', async () => {
    const before = await snapshot();
    const report = await importer.importMunicipalityList(csv(LIST_2024), {
      effectiveDate: '2024-01-01',
      mergers: MERGERS_2024,
    });
    expect(report).toEqual({
      effectiveDate: '2024-01-01',
      dryRun: false,
      added: [],
      renamed: [],
      ended: [],
      moved: [],
      unchanged: 341,
      successorJoined: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('renames, and moves a municipality to another region by ending one membership and starting the next', async () => {
    const lines = [...LIST_2024];
    const uithoorn = lineOf(lines, 'GM0451');
    lines[uithoorn] = 'GM0451,0451,Uithoorn,,PV27,Noord-Holland,VR16,Hollands Midden,Den Haag,RIEC Den Haag';
    lines[lineOf(lines, 'GM1999')] = TESTGEMEENTE.replace(
      ',Testgemeente,,',
      ',Amstel-Diemen,Amstel-Diemen (NH.),',
    );

    const report = await importer.importMunicipalityList(csv(lines), { effectiveDate: '2025-01-01' });

    expect(report).toMatchObject({
      added: [],
      ended: [],
      renamed: [
        {
          code: 'GM1999',
          from: { name: 'Testgemeente', displayName: null },
          to: { name: 'Amstel-Diemen', displayName: 'Amstel-Diemen (NH.)' },
        },
      ],
      moved: [
        { code: 'GM0451', regionType: 'veiligheidsregio', from: 'VR13', to: 'VR16' },
        { code: 'GM0451', regionType: 'politie-eenheid', from: 'amsterdam', to: 'den-haag' },
        { code: 'GM0451', regionType: 'riec', from: 'riec-amsterdam-amstelland', to: 'riec-den-haag' },
      ],
      unchanged: 339,
    });
    const history = (await membershipsOf('GM0451')).filter(({ type }) =>
      ['veiligheidsregio', 'politie-eenheid', 'riec', 'ketenregie'].includes(type),
    );
    expect(history).toEqual([
      // Editable regions are the choice of their maintainers: a move between reference grids leaves them be.
      { type: 'ketenregie', region: 'demo-kr-amsterdam', from: '2023-01-01', until: null },
      { type: 'politie-eenheid', region: 'amsterdam', from: '2023-01-01', until: '2025-01-01' },
      { type: 'politie-eenheid', region: 'den-haag', from: '2025-01-01', until: null },
      { type: 'riec', region: 'riec-amsterdam-amstelland', from: '2023-01-01', until: '2025-01-01' },
      { type: 'riec', region: 'riec-den-haag', from: '2025-01-01', until: null },
      { type: 'veiligheidsregio', region: 'VR13', from: '2023-01-01', until: '2025-01-01' },
      { type: 'veiligheidsregio', region: 'VR16', from: '2025-01-01', until: null },
    ]);
    const { body } = await request(http).get('/api/v1/municipalities/GM1999').expect(200);
    expect(body).toMatchObject({ name: 'Amstel-Diemen', displayName: 'Amstel-Diemen (NH.)' });

    const again = await importer.importMunicipalityList(csv(lines), { effectiveDate: '2025-01-01' });
    expect(again).toMatchObject({ added: [], renamed: [], ended: [], moved: [], unchanged: 341 });
  });

  it('refuses a list dated before one already imported, and a code that has ended', async () => {
    const before = await snapshot();
    const dated = await refusal(
      importer.importMunicipalityList(csv(LIST_2024), { effectiveDate: '2024-06-01' }),
    );
    expect(dated).toEqual([
      expect.objectContaining({
        source: 'options',
        column: 'effectiveDate',
        message:
          '2024-06-01 lies before 2025-01-01, the date of a list already imported; import lists in date order',
      }),
    ]);
    const revived = await refusal(
      importer.importMunicipalityList(csv(bundled), { effectiveDate: '2026-01-01' }),
    );
    expect(revived).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'list',
          row: lineOf(bundled, 'GM0384') + 1,
          column: 'gm_code',
          message: 'GM0384 (Diemen) ended on 2024-01-01 when it merged into GM1999; CBS does not reuse codes',
        }),
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });
});
