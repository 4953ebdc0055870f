import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../test/test-app';

const RUN = randomUUID().slice(0, 8);

/**
 * The stored search columns (migration SearchIndexes1795875600000) follow every write, including renames of a
 * function's holder, region or gemeente; search finds entries by them.
 */
describe('stored search texts', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  const api = () => request(app.getHttpServer());
  const expected = `kk_fold((CASE f.function_type WHEN 'aandachtsfunctionaris' THEN 'Aandachtsfunctionaris' ELSE f.function_type END)
      || ' ' || coalesce(p.name, 'CoMensha op afstand') || ' ' || coalesce(r.name, g.name, ''))`;
  const stale = () =>
    dataSource.query(
      `SELECT f.id FROM function_assignment f LEFT JOIN person p ON p.id = f.person_id
         LEFT JOIN region r ON r.id = f.region_id LEFT JOIN municipality g ON g.code = f.municipality_code
        WHERE p.name LIKE '%' || $1 || '%' AND f.search_text IS DISTINCT FROM ${expected}`,
      [RUN],
    );

  beforeAll(async () => {
    app = await createTestApp();
    dataSource = app.get(DataSource);
  });
  afterAll(async () => {
    await dataSource.query(
      `UPDATE function_assignment SET archived_at = now()
        WHERE person_id IN (SELECT id FROM person WHERE name LIKE '%' || $1 || '%')`,
      [RUN],
    );
    await dataSource.query(`UPDATE person SET archived_at = now() WHERE name LIKE '%' || $1 || '%'`, [RUN]);
    await dataSource.query(`UPDATE organisation SET archived_at = now() WHERE name LIKE '%' || $1 || '%'`, [
      RUN,
    ]);
    await app.close();
  });

  it('keeps the folded name, tsvector and function text in step with renames', async () => {
    const [organisation] = await dataSource.query(
      `INSERT INTO organisation (name, type, description, version) VALUES ($1, 'overig', 'Ééndagsopvang', 1)
       RETURNING id, search_name, search_vector::text AS vector`,
      [`Stichting Zoë ${RUN}`],
    );
    expect(organisation.search_name).toBe(`stichting zoe ${RUN}`);
    expect(organisation.vector).toContain('eendagsopvang');
    const [person] = await dataSource.query(
      `INSERT INTO person (name, version) VALUES ($1, 1) RETURNING id, search_name`,
      [`Zoë Zoekmans ${RUN}`],
    );
    expect(person.search_name).toBe(`zoe zoekmans ${RUN}`);
    const [{ code }] = await dataSource.query(`SELECT code FROM municipality ORDER BY code LIMIT 1`);
    await dataSource.query(
      `INSERT INTO function_assignment (function_type, person_id, municipality_code, start_date, version)
       VALUES ('aandachtsfunctionaris', $1, $2, CURRENT_DATE - 1, 1)`,
      [person.id, code],
    );
    expect(await stale()).toEqual([]);

    await dataSource.query(`UPDATE person SET name = $2 WHERE id = $1`, [
      person.id,
      `Hernoemd Zoekmans ${RUN}`,
    ]);
    expect(await stale()).toEqual([]);
    const [renamed] = await dataSource.query(`SELECT search_name FROM person WHERE id = $1`, [person.id]);
    expect(renamed.search_name).toBe(`hernoemd zoekmans ${RUN}`);
    const found = await api()
      .get('/api/v1/search')
      .query({ q: `aandachtsfunctionaris hernoemd zoekmans ${RUN}` })
      .expect(200);
    expect(found.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'function', subtitle: `Hernoemd Zoekmans ${RUN}` }),
      ]),
    );

    await dataSource.query(`UPDATE organisation SET name = $2, description = NULL WHERE id = $1`, [
      organisation.id,
      `Stichting Hernoemd ${RUN}`,
    ]);
    const [organisationAfter] = await dataSource.query(
      `SELECT search_name, search_vector::text AS vector FROM organisation WHERE id = $1`,
      [organisation.id],
    );
    expect(organisationAfter.search_name).toBe(`stichting hernoemd ${RUN}`);
    expect(organisationAfter.vector).not.toContain('eendagsopvang');
  });
});
