import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { adminAuth, createTestApp } from '../../test/test-app';
import { SYNC_IMPORT_MAX_ROWS } from './directory-import.service';

/** Unique per run: the server database of CI keeps data between runs. */
const RUN = randomUUID().slice(0, 8);
const ORG_HEADER =
  'sleutel;naam;type;gemeenten;regios;uitbuitingsvormen;doelgroepen;adres;adres_vertrouwelijk;contact_telefoon';

describe('/api/v1/directory/imports and the CSV exports', () => {
  let app: NestFastifyApplication;
  const api = () => request(app.getHttpServer());
  const importCsv = (csv: string, kind = 'organisations', query: Record<string, string> = {}) =>
    api()
      .post('/api/v1/directory/imports')
      .query({ kind, ...query })
      .set(adminAuth)
      .set('Content-Type', 'text/csv')
      .send(csv);
  const count = async (sql: string) => Number((await app.get(DataSource).query(sql, [`%${RUN}%`]))[0].count);
  const organisationsOfRun = () => count(`SELECT count(*) FROM organisation WHERE external_key LIKE $1`);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app
      .get(DataSource)
      .query(`UPDATE organisation SET archived_at = now() WHERE name LIKE '%' || $1 || '%'`, [RUN]);
    await app.close();
  });

  it('names every bad row and column and imports nothing', async () => {
    const csv = [
      ORG_HEADER,
      `${RUN}-a;Opvang Noord ${RUN};opvang;GM0363;;;;;;`,
      `${RUN}-b;Politie ${RUN};politie-x;GM9999;;;;;;`,
      `${RUN}-c;Zorg ${RUN};zorgcoordinatie;;veiligheidsregio/VR99;;martians;;misschien;`,
      `${RUN}-a;Dubbel ${RUN};opvang;;;;;;;`,
    ].join('\n');
    const response = await importCsv(csv).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const names = response.body.invalidParams.map((param: { name: string }) => param.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'row 3, column type',
        'row 3, column gemeenten',
        'row 4, column regios',
        'row 4, column doelgroepen',
        'row 4, column adres_vertrouwelijk',
        'row 5, column sleutel',
      ]),
    );
    expect(names.some((name: string) => name.startsWith('row 2'))).toBe(false);
    expect(await organisationsOfRun()).toBe(0);
  });

  it('imports semicolon CSV with BOM, then re-imports idempotently and updates with history', async () => {
    const csv =
      '\uFEFF' +
      [
        ORG_HEADER,
        `${RUN}-1;Opvang Zuid ${RUN};opvang;GM0363|GM0599;;seksuele-uitbuiting;nl-adult,eu-adult;Geheimstraat 1 Amsterdam;ja;'+31 20 123 4567`,
        `${RUN}-2;"Zorgcoördinatie; West ${RUN}";Zorgcoördinatie-aanbieder;;veiligheidsregio/VR13;;;Openbaar 2;nee;`,
      ].join('\r\n');
    const dry = await importCsv(csv, 'organisations', { dryRun: 'true' }).expect(200);
    expect(dry.body).toMatchObject({ status: 'validated', created: 2, totalRows: 2 });
    expect(await organisationsOfRun()).toBe(0);

    const first = await importCsv(csv).expect(201);
    expect(first.body).toMatchObject({
      status: 'succeeded',
      created: 2,
      updated: 0,
      unchanged: 0,
      processedRows: 2,
    });
    expect(first.headers.location).toBe(`/api/v1/directory/imports/${first.body.id}`);
    const progress = await api().get(first.headers.location).set(adminAuth).expect(200);
    expect(progress.body.status).toBe('succeeded');

    const again = await importCsv(csv).expect(201);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const changed = await api()
      .post('/api/v1/directory/imports')
      .set(adminAuth)
      .send({
        kind: 'organisations',
        csv: `sleutel,naam,type\n${RUN}-2,Zorgcoördinatie West-Brabant ${RUN},zorgcoordinatie\n`,
      })
      .expect(201);
    expect(changed.body).toMatchObject({ updated: 1 });
    const [row] = await app
      .get(DataSource)
      .query(`SELECT id, contact_points, region_ids FROM organisation WHERE external_key = $1`, [`${RUN}-2`]);
    expect(row.region_ids).toHaveLength(1); // columns absent from the file stay as they were
    const history = await api().get(`/api/v1/organisations/${row.id}/history`).set(adminAuth).expect(200);
    expect(history.body.items[0]).toMatchObject({
      action: 'updated',
      changes: [{ field: 'name', new: `Zorgcoördinatie West-Brabant ${RUN}` }],
    });
  });

  it('exports the filtered view without confidential addresses, and the export re-imports unchanged', async () => {
    const response = await api()
      .get('/api/v1/organisations/export')
      .query({ q: RUN, type: 'opvang' })
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = response.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`Opvang Zuid ${RUN}`);
    expect(text).not.toContain('Zorgcoördinatie West'); // filtered out by type
    expect(text).not.toContain('Geheimstraat');
    expect(text).toContain(`'+31 20 123 4567`); // formula-like cells are neutralised for Excel
    const header = text.slice(1).split('\r\n')[0];
    expect(header.split(';')).toEqual(
      expect.arrayContaining(['sleutel', 'naam', 'type', 'gemeenten', 'adres_vertrouwelijk']),
    );

    const all = await api().get('/api/v1/organisations/export').query({ q: RUN }).expect(200);
    const reimport = await importCsv(all.text).expect(201);
    expect(reimport.body).toMatchObject({ created: 0, updated: 0, unchanged: reimport.body.totalRows });
    const [kept] = await app
      .get(DataSource)
      .query(`SELECT address FROM organisation WHERE external_key = $1`, [`${RUN}-1`]);
    expect(kept.address).toBe('Geheimstraat 1 Amsterdam');
  });

  it('imports people linked by the organisation key and round-trips their export', async () => {
    const csv = `sleutel;naam;werk_email;werk_telefoon;organisatie\n${RUN}-p1;Petra Proef ${RUN};p.proef@example.org;020 123 4567;${RUN}-1\n`;
    await importCsv(csv, 'people').expect(201);
    const bad = await importCsv(
      `sleutel;naam;werk_email;organisatie\n${RUN}-p2;X ${RUN};geen-mail;onbekend\n`,
      'people',
    ).expect(400);
    expect(bad.body.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'row 2, column organisatie',
      'row 2, column werk_email',
    ]);
    await api().get('/api/v1/people/export').query({ q: RUN }).expect(401);
    const exported = await api().get('/api/v1/people/export').query({ q: RUN }).set(adminAuth).expect(200);
    expect(exported.text).toContain(`${RUN}-p1;Petra Proef ${RUN};p.proef@example.org;020 123 4567;${RUN}-1`);
    const again = await importCsv(exported.text, 'people').expect(201);
    expect(again.body).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
  });

  it('runs a large file in the background with its progress in the database', async () => {
    const rows = Array.from(
      { length: SYNC_IMPORT_MAX_ROWS + 1 },
      (_, i) => `${RUN}-bulk-${i};Bulk ${i} ${RUN};ngo`,
    );
    const started = await importCsv(['sleutel;naam;type', ...rows].join('\n')).expect(202);
    expect(started.body).toMatchObject({ totalRows: SYNC_IMPORT_MAX_ROWS + 1 });
    let job = started.body;
    for (let attempt = 0; attempt < 120 && !['succeeded', 'failed'].includes(job.status); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await api().get(started.headers.location).set(adminAuth).expect(200)).body;
    }
    expect(job).toMatchObject({
      status: 'succeeded',
      processedRows: SYNC_IMPORT_MAX_ROWS + 1,
      created: SYNC_IMPORT_MAX_ROWS + 1,
    });
  });

  it('refuses bad requests with a clear 4xx', async () => {
    await api()
      .post('/api/v1/directory/imports')
      .query({ kind: 'organisations' })
      .set(adminAuth)
      .set('Content-Type', 'text/plain')
      .send('a;b')
      .expect(415);
    await api()
      .post('/api/v1/organisations')
      .set(adminAuth)
      .set('Content-Type', 'text/csv')
      .send('a;b')
      .expect(415);
    await importCsv('sleutel;naam').expect(400); // no type column, no rows
    const unknown = await importCsv('sleutel;naam;type;kleur\nx;y;ngo;rood').expect(400);
    expect(unknown.body.invalidParams[0].name).toBe('row 1, column kleur');
    await importCsv('sleutel;naam;type\n"x;y;ngo').expect(400);
    await api()
      .post('/api/v1/directory/imports')
      .set(adminAuth)
      .set('Content-Type', 'text/csv')
      .send('sleutel;naam;type\nx;y;ngo')
      .expect(400); // no kind
    await importCsv('sleutel;naam;type\nx;y;ngo').unset('Authorization').expect(401);
    await api().get(`/api/v1/directory/imports/${randomUUID()}`).set(adminAuth).expect(404);
    await api().get('/api/v1/directory/imports/nope').set(adminAuth).expect(404);
    await api().get('/api/v1/organisations/export').query({ type: 'bakker' }).expect(400);
  });
});
