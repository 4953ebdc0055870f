import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Permission, Role } from '@ketenkaart/shared-domain';
import { OrganisationsService } from './organisations.service';
import { adminAuth, createTestApp } from '../test/test-app';

/** Unique per run: the server database of CI keeps data between runs. */
const RUN = randomUUID().slice(0, 8);

describe('/api/v1/organisations', () => {
  let app: NestFastifyApplication;
  const api = () => request(app.getHttpServer());
  let amsterdamUnitId: string;

  beforeAll(async () => {
    app = await createTestApp();
    const regions = await api().get('/api/v1/regions?type=politie-eenheid&q=Amsterdam').expect(200);
    amsterdamUnitId = regions.body.items[0].id;
  });
  afterAll(async () => {
    // Archive what this run created, so that a server database kept between runs does not fill search results.
    await app
      .get(DataSource)
      .query(`UPDATE organisation SET archived_at = now() WHERE name LIKE '%' || $1 || '%'`, [RUN]);
    await app.close();
  });

  const create = (body: Record<string, unknown>) =>
    api().post('/api/v1/organisations').set(adminAuth).send(body).expect(201);

  describe('search', () => {
    let politieId: string;

    beforeAll(async () => {
      const created = await create({
        name: `Politie Amsterdam Zuidoost ${RUN}`,
        type: 'politie',
        regionIds: [amsterdamUnitId],
        exploitationForms: ['seksuele-uitbuiting', 'arbeidsuitbuiting'],
        targetGroups: ['eu-adult'],
      });
      politieId = created.body.id;
    });

    it('finds "politie" in a gemeente from a misspelled query', async () => {
      for (const q of ['polite', 'politie amstrdam', 'POLITIË']) {
        const response = await api()
          .get('/api/v1/organisations')
          .query({ q, municipality: 'GM0363', pageSize: 50 })
          .expect(200);
        const ids = response.body.items.map((item: { id: string }) => item.id);
        expect(ids).toContain(politieId);
        expect(response.body.items.every((item: { type: string }) => item.type === 'politie')).toBe(true);
      }
    });

    it('puts the closest name first', async () => {
      const response = await api()
        .get('/api/v1/organisations')
        .query({ q: `politie amsterdam zuidoost ${RUN}` })
        .expect(200);
      expect(response.body.items[0].id).toBe(politieId);
    });

    it('filters by region, gemeente, type, form and target group', async () => {
      const inRegion = await api()
        .get('/api/v1/organisations')
        .query({ region: amsterdamUnitId, type: 'politie', pageSize: 500 })
        .expect(200);
      expect(inRegion.body.items.map((item: { id: string }) => item.id)).toContain(politieId);
      const elsewhere = await api()
        .get('/api/v1/organisations')
        .query({ municipality: 'GM0014', q: RUN })
        .expect(200);
      expect(elsewhere.body.total).toBe(0);
      const byForm = await api()
        .get('/api/v1/organisations')
        .query({ q: RUN, form: 'criminele-uitbuiting' })
        .expect(200);
      expect(byForm.body.total).toBe(0);
      const byGroup = await api()
        .get('/api/v1/organisations')
        .query({ q: RUN, form: 'arbeidsuitbuiting', targetGroup: 'eu-adult' })
        .expect(200);
      expect(byGroup.body.items.map((item: { id: string }) => item.id)).toEqual([politieId]);
    });

    it('pages through results with a stable total', async () => {
      const first = await api()
        .get('/api/v1/organisations')
        .query({ type: 'gemeente', page: 1, pageSize: 5 })
        .expect(200);
      const second = await api()
        .get('/api/v1/organisations')
        .query({ type: 'gemeente', page: 2, pageSize: 5 })
        .expect(200);
      expect(first.body.items).toHaveLength(5);
      expect(first.body.total).toBe(second.body.total);
      const firstIds = new Set(first.body.items.map((item: { id: string }) => item.id));
      expect(second.body.items.some((item: { id: string }) => firstIds.has(item.id))).toBe(false);
    });

    it('hides archived organisations from the default search', async () => {
      const created = await create({ name: `Stichting Archief ${RUN}`, type: 'ngo' });
      await api().post(`/api/v1/organisations/${created.body.id}/archive`).set(adminAuth).expect(200);
      const hidden = await api()
        .get('/api/v1/organisations')
        .query({ q: `Stichting Archief ${RUN}` })
        .expect(200);
      expect(hidden.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
      const shown = await api()
        .get('/api/v1/organisations')
        .query({ q: `Stichting Archief ${RUN}`, includeArchived: true })
        .expect(200);
      expect(shown.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ pageSize: 0 }, 'pageSize'],
      [{ page: 'one' }, 'page'],
      [{ type: 'bakery' }, 'type'],
      [{ form: 'x' }, 'form'],
      [{ targetGroup: 'children' }, 'targetGroup'],
      [{ region: 'not-a-uuid' }, 'region'],
      [{ municipality: 'Amsterdam' }, 'municipality'],
      [{ colour: 'red' }, 'colour'],
    ])('refuses %j with 400 naming %s', async (query, field) => {
      const response = await api().get('/api/v1/organisations').query(query).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.invalidParams.map((param: { name: string }) => param.name)).toContain(field);
    });

    it('refuses an unknown region with 400 unknown_region', async () => {
      const response = await api().get('/api/v1/organisations').query({ region: randomUUID() }).expect(400);
      expect(response.body.code).toBe('unknown_region');
      expect(response.body.invalidParams[0].name).toBe('region');
    });

    it('refuses a body with an unknown field, a wrong type, a bad enum and a bad nested contact point', async () => {
      const response = await api()
        .post('/api/v1/organisations')
        .set(adminAuth)
        .send({
          name: 42,
          type: 'bakery',
          colour: 'red',
          contactPoints: [{ label: 'x', email: 'nope' }],
          municipalityCodes: ['GM9999'],
        })
        .expect(400);
      const names = response.body.invalidParams.map((param: { name: string }) => param.name);
      expect(names).toEqual(expect.arrayContaining(['name', 'type', 'colour', 'contactPoints.0.email']));
    });

    it('refuses an unknown municipality in the body with its index', async () => {
      const response = await api()
        .post('/api/v1/organisations')
        .set(adminAuth)
        .send({ name: `Test ${RUN}`, type: 'ngo', municipalityCodes: ['GM0363', 'GM9999'] })
        .expect(400);
      expect(response.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'municipalityCodes.1', code: 'unknown_municipality' }),
      ]);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      const unknown = await api().get(`/api/v1/organisations/${randomUUID()}`).expect(404);
      expect(unknown.body.code).toBe('not_found');
      await api().get('/api/v1/organisations/nope').expect(404);
      await api()
        .patch(`/api/v1/organisations/${randomUUID()}`)
        .set(adminAuth)
        .send({ version: 1, name: 'X y' })
        .expect(404);
    });
  });

  describe('writes', () => {
    it('refuses writes without the token (401) and with a wrong one (403)', async () => {
      await api().post('/api/v1/organisations').send({ name: 'Zonder token', type: 'ngo' }).expect(401);
      await api()
        .post('/api/v1/organisations')
        .set({ Authorization: 'Bearer wrong-token-wrong-token-wrong' })
        .send({ name: 'Fout', type: 'ngo' })
        .expect(403);
      const created = await create({ name: `Schrijftest ${RUN}`, type: 'ngo' });
      await api()
        .patch(`/api/v1/organisations/${created.body.id}`)
        .send({ version: 1, name: 'Nee' })
        .expect(401);
      await api().post(`/api/v1/organisations/${created.body.id}/archive`).expect(401);
      await api().post(`/api/v1/organisations/${created.body.id}/verify`).expect(401);
      await api().get(`/api/v1/organisations/${created.body.id}/history`).expect(401);
      await api()
        .post(`/api/v1/organisations/${created.body.id}/history/1/restore`)
        .send({ version: 1 })
        .expect(401);
    });

    it('answers 409 to a PATCH with a stale version', async () => {
      const created = await create({ name: `Versietest ${RUN}`, type: 'ngo' });
      const id = created.body.id;
      const first = await api()
        .patch(`/api/v1/organisations/${id}`)
        .set(adminAuth)
        .send({ version: created.body.version, website: 'https://example.org' })
        .expect(200);
      expect(first.body.version).toBe(created.body.version + 1);
      const stale = await api()
        .patch(`/api/v1/organisations/${id}`)
        .set(adminAuth)
        .send({ version: created.body.version, name: 'Te laat' })
        .expect(409);
      expect(stale.body.code).toBe('version_conflict');
    });

    it('keeps a history with field diffs and restores an earlier version', async () => {
      const created = await create({ name: `Historie ${RUN}`, type: 'opvang', description: 'Eerste versie' });
      const id = created.body.id;
      const edited = await api()
        .patch(`/api/v1/organisations/${id}`)
        .set(adminAuth)
        .send({ version: created.body.version, name: `Historie ${RUN} nieuw`, description: 'Tweede versie' })
        .expect(200);
      const verified = await api().post(`/api/v1/organisations/${id}/verify`).set(adminAuth).expect(200);
      expect(verified.body.lastVerifiedAt).not.toBeNull();
      expect(verified.body.lastVerifiedBy).toMatch(/admin-token/);
      expect(verified.body.stale).toBe(false);

      const history = await api().get(`/api/v1/organisations/${id}/history`).set(adminAuth).expect(200);
      expect(history.body.items.map((change: { action: string }) => change.action)).toEqual([
        'verified',
        'updated',
        'created',
      ]);
      const update = history.body.items[1];
      expect(update.changedBy).toMatch(/admin-token/);
      expect(update.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', old: `Historie ${RUN}`, new: `Historie ${RUN} nieuw` },
          { field: 'description', old: 'Eerste versie', new: 'Tweede versie' },
        ]),
      );
      expect(update.changes).toHaveLength(2);

      const restored = await api()
        .post(`/api/v1/organisations/${id}/history/${created.body.version}/restore`)
        .set(adminAuth)
        .send({ version: verified.body.version })
        .expect(200);
      expect(restored.body.name).toBe(`Historie ${RUN}`);
      expect(restored.body.description).toBe('Eerste versie');
      expect(restored.body.version).toBe(verified.body.version + 1);
      expect(edited.body.version).toBeLessThan(restored.body.version);

      await api()
        .post(`/api/v1/organisations/${id}/history/999/restore`)
        .set(adminAuth)
        .send({ version: restored.body.version })
        .expect(404);
      await api()
        .post(`/api/v1/organisations/${id}/history/1/restore`)
        .set(adminAuth)
        .send({ version: 1 })
        .expect(409);
    });

    it('restores an archived organisation and refuses editing it while archived', async () => {
      const created = await create({ name: `Archief herstel ${RUN}`, type: 'ngo' });
      const archived = await api()
        .post(`/api/v1/organisations/${created.body.id}/archive`)
        .set(adminAuth)
        .expect(200);
      expect(archived.body.archivedAt).not.toBeNull();
      const refused = await api()
        .patch(`/api/v1/organisations/${created.body.id}`)
        .set(adminAuth)
        .send({ version: archived.body.version, name: 'Nee nee' })
        .expect(409);
      expect(refused.body.code).toBe('entry_archived');
      const restored = await api()
        .post(`/api/v1/organisations/${created.body.id}/history/1/restore`)
        .set(adminAuth)
        .send({ version: archived.body.version })
        .expect(200);
      expect(restored.body.archivedAt).toBeNull();
    });

    it('shows a confidential address only to a permitted caller', async () => {
      const created = await create({
        name: `Geheime opvang ${RUN}`,
        type: 'opvang',
        address: 'Geheimstraat 1, Ergens',
        addressConfidential: true,
        contactPoints: [{ label: 'Voordeur', phone: '0800-0000', email: 'voordeur@example.org' }],
      });
      const id = created.body.id;
      const anonymous = await api().get(`/api/v1/organisations/${id}`).expect(200);
      expect(anonymous.body.address).toBeNull();
      expect(anonymous.body.addressConfidential).toBe(true);
      expect(JSON.stringify(anonymous.body)).not.toContain('Geheimstraat');
      expect(anonymous.body.contactPoints[0]).toEqual({
        label: 'Voordeur',
        phone: '0800-0000',
        email: 'voordeur@example.org',
        openingHours: null,
      });
      const list = await api()
        .get('/api/v1/organisations')
        .query({ q: `Geheime opvang ${RUN}` })
        .expect(200);
      expect(JSON.stringify(list.body)).not.toContain('Geheimstraat');
      const search = await api()
        .get('/api/v1/search')
        .query({ q: `Geheime opvang ${RUN}` })
        .expect(200);
      expect(JSON.stringify(search.body)).not.toContain('Geheimstraat');
      const permitted = await api().get(`/api/v1/organisations/${id}`).set(adminAuth).expect(200);
      expect(permitted.body.address).toBe('Geheimstraat 1, Ergens');
      // An editor without the confidential permission sees in the history that the address exists, not what it is.
      const editor = {
        actor: 'test-editor',
        roles: [Role.beheerder],
        regionIds: [],
        can: (permission: string) => permission !== Permission.directoryConfidentialRead,
      };
      const history = await app.get(OrganisationsService).history(id, editor);
      expect(JSON.stringify(history)).not.toContain('Geheimstraat');
      expect(history.items[0].changes).toContainEqual({ field: 'address', old: null, new: null });
    });

    it('refuses a duplicate external key and a parent cycle', async () => {
      const parent = await create({ name: `Moeder ${RUN}`, type: 'ngo', externalKey: `ext-${RUN}` });
      const duplicate = await api()
        .post('/api/v1/organisations')
        .set(adminAuth)
        .send({ name: `Tweeling ${RUN}`, type: 'ngo', externalKey: `ext-${RUN}` })
        .expect(409);
      expect(duplicate.body.code).toBe('duplicate_external_key');
      const child = await create({ name: `Dochter ${RUN}`, type: 'ngo', parentId: parent.body.id });
      expect(child.body.parent).toEqual({ id: parent.body.id, name: `Moeder ${RUN}` });
      const cycle = await api()
        .patch(`/api/v1/organisations/${parent.body.id}`)
        .set(adminAuth)
        .send({ version: parent.body.version, parentId: child.body.id })
        .expect(400);
      expect(cycle.body.invalidParams[0]).toEqual(
        expect.objectContaining({ name: 'parentId', code: 'organisation_cycle' }),
      );
    });
  });
});
