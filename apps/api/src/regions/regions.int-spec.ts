import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { adminAuth, createTestApp } from '../test/test-app';

describe('regions API', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  const unique = `t${Date.now().toString(36)}`;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists every region type with its number of current regions', async () => {
    const { body } = await request(http).get('/api/v1/region-types').expect(200);
    const counts = Object.fromEntries(
      body.items.map((type: { code: string; regionCount: number }) => [type.code, type.regionCount]),
    );
    expect(counts).toMatchObject({ veiligheidsregio: 25, 'politie-eenheid': 10, riec: 10, provincie: 12 });
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining([
        'ketenregie',
        'zorgcoordinatie',
        'centrumgemeente-vo-mo',
        'zorg-en-veiligheidshuis',
      ]),
    );
  });

  it("lists the 25 veiligheidsregio's covering all 342 gemeenten exactly once", async () => {
    const { body } = await request(http)
      .get('/api/v1/regions')
      .query({ type: 'veiligheidsregio', pageSize: 100 })
      .expect(200);
    expect(body.total).toBe(25);
    const members = body.items.flatMap((region: { municipalityCodes: string[] }) => region.municipalityCodes);
    expect(members).toHaveLength(342);
    expect(new Set(members).size).toBe(342);
  });

  it("nests politie-eenheden exactly into veiligheidsregio's", async () => {
    const vr = await request(http).get('/api/v1/regions').query({ type: 'veiligheidsregio', pageSize: 100 });
    const pe = await request(http).get('/api/v1/regions').query({ type: 'politie-eenheid', pageSize: 100 });
    const unitOf = new Map<string, string>();
    for (const unit of pe.body.items) for (const code of unit.municipalityCodes) unitOf.set(code, unit.code);
    for (const region of vr.body.items) {
      expect(new Set(region.municipalityCodes.map((code: string) => unitOf.get(code))).size).toBe(1);
    }
  });

  it('filters regions by municipality and by accent-insensitive name', async () => {
    const byMunicipality = await request(http)
      .get('/api/v1/regions')
      .query({ municipality: 'GM0363', type: 'riec' })
      .expect(200);
    expect(byMunicipality.body.items.map((region: { name: string }) => region.name)).toEqual([
      'RIEC Amsterdam-Amstelland',
    ]);
    const byName = await request(http)
      .get('/api/v1/regions')
      .query({ q: 'fryslan', type: 'veiligheidsregio' })
      .expect(200);
    expect(byName.body.items.map((region: { name: string }) => region.name)).toEqual(['Fryslân']);
  });

  it('shows a region with its municipalities, and 404 for an unknown or malformed id', async () => {
    const list = await request(http)
      .get('/api/v1/regions')
      .query({ type: 'veiligheidsregio', q: 'Amsterdam' });
    const { body } = await request(http).get(`/api/v1/regions/${list.body.items[0].id}`).expect(200);
    expect(body.code).toBe('VR13');
    expect(body.municipalities.map((municipality: { name: string }) => municipality.name)).toContain(
      'Amsterdam',
    );
    const missing = await request(http)
      .get('/api/v1/regions/00000000-0000-4000-8000-000000000000')
      .expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body.code).toBe('not_found');
    await request(http).get('/api/v1/regions/not-a-uuid').expect(404);
  });

  describe('editable regions', () => {
    it('refuses writes without the admin token (401) or with a wrong one (403)', async () => {
      const body = { typeCode: 'ketenregie', name: 'Ketenregie X', municipalityCodes: ['GM0363'] };
      const anonymous = await request(http).post('/api/v1/regions').send(body).expect(401);
      expect(anonymous.body.code).toBe('unauthorized');
      await request(http)
        .post('/api/v1/regions')
        .set('Authorization', 'Bearer wrong-token-wrong-token-wrong')
        .send(body)
        .expect(403);
    });

    it('creates a ketenregie region, shows it on its gemeenten, and edits it with optimistic locking', async () => {
      const created = await request(http)
        .post('/api/v1/regions')
        .set(adminAuth)
        .send({
          typeCode: 'ketenregie',
          code: `${unique}-twente`,
          name: 'Ketenregie Twente test',
          municipalityCodes: ['GM0153', 'GM0158'],
        })
        .expect(201);
      expect(created.headers.location).toBe(`/api/v1/regions/${created.body.id}`);
      expect(created.body).toMatchObject({
        source: 'user',
        version: 1,
        municipalityCodes: ['GM0153', 'GM0158'],
      });

      const enschede = await request(http).get('/api/v1/municipalities/GM0153').expect(200);
      expect(enschede.body.regions.map((region: { code: string }) => region.code)).toContain(
        `${unique}-twente`,
      );

      const updated = await request(http)
        .patch(`/api/v1/regions/${created.body.id}`)
        .set(adminAuth)
        .send({ version: 1, name: 'Ketenregie Twente', municipalityCodes: ['GM0153', 'GM0164'] })
        .expect(200);
      expect(updated.body).toMatchObject({
        name: 'Ketenregie Twente',
        version: 2,
        municipalityCodes: ['GM0153', 'GM0164'],
      });

      const stale = await request(http)
        .patch(`/api/v1/regions/${created.body.id}`)
        .set(adminAuth)
        .send({ version: 1, name: 'Overwritten' })
        .expect(409);
      expect(stale.body.code).toBe('conflict');
      const after = await request(http).get(`/api/v1/regions/${created.body.id}`).expect(200);
      expect(after.body.name).toBe('Ketenregie Twente');
    });

    it('refuses a duplicate code within a type with 409', async () => {
      const body = {
        typeCode: 'zorgcoordinatie',
        code: `${unique}-dup`,
        name: 'Zorgcoördinatie dup',
        municipalityCodes: [],
      };
      await request(http).post('/api/v1/regions').set(adminAuth).send(body).expect(201);
      const second = await request(http).post('/api/v1/regions').set(adminAuth).send(body).expect(409);
      expect(second.body.code).toBe('duplicate_region_code');
    });

    it('keeps reference grids read-only', async () => {
      const response = await request(http)
        .post('/api/v1/regions')
        .set(adminAuth)
        .send({ typeCode: 'veiligheidsregio', name: 'Nieuwe regio', municipalityCodes: [] })
        .expect(400);
      expect(response.body.code).toBe('region_type_not_editable');
      expect(response.body.invalidParams[0].name).toBe('typeCode');
    });

    it('names every invalid field and saves nothing', async () => {
      const before = await request(http).get('/api/v1/regions').query({ type: 'ketenregie', pageSize: 500 });
      const response = await request(http)
        .post('/api/v1/regions')
        .set(adminAuth)
        .send({
          typeCode: 'ketenregie',
          name: 'K',
          municipalityCodes: ['GM0363', 'amsterdam'],
          colour: 'red',
        })
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('validation_failed');
      const fields = response.body.invalidParams.map((param: { name: string }) => param.name);
      expect(fields).toEqual(expect.arrayContaining(['name', 'municipalityCodes', 'colour']));
      const unknownMunicipality = await request(http)
        .post('/api/v1/regions')
        .set(adminAuth)
        .send({ typeCode: 'ketenregie', name: 'Ketenregie Nergens', municipalityCodes: ['GM0363', 'GM9999'] })
        .expect(400);
      expect(unknownMunicipality.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'municipalityCodes.1', code: 'unknown_municipality' }),
      ]);
      const after = await request(http).get('/api/v1/regions').query({ type: 'ketenregie', pageSize: 500 });
      expect(after.body.total).toBe(before.body.total);
    });
  });
});
