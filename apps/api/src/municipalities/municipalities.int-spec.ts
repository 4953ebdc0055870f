import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '../test/test-app';

describe('municipalities API', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
  });
  afterAll(async () => {
    await app.close();
  });

  it('holds all 342 gemeenten of the reference list', async () => {
    const { body } = await request(http).get('/api/v1/municipalities').query({ pageSize: 500 }).expect(200);
    expect(body.total).toBe(342);
    expect(body.items).toHaveLength(342);
  });

  it('finds gemeenten by accent- and case-insensitive prefix', async () => {
    const sud = await request(http).get('/api/v1/municipalities').query({ q: 'sud' }).expect(200);
    expect(sud.body.items.map((municipality: { name: string }) => municipality.name)).toContain(
      'Súdwest-Fryslân',
    );
    const upper = await request(http).get('/api/v1/municipalities').query({ q: 'AMSTER' }).expect(200);
    expect(upper.body.items[0].name).toBe('Amsterdam');
    const laterWord = await request(http).get('/api/v1/municipalities').query({ q: 'haag' }).expect(200);
    expect(laterWord.body.items.map((municipality: { name: string }) => municipality.name)).toContain(
      "'s-Gravenhage",
    );
    const none = await request(http).get('/api/v1/municipalities').query({ q: '%_' }).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('names Amsterdam with its veiligheidsregio, politie-eenheid and RIEC', async () => {
    const { body } = await request(http).get('/api/v1/municipalities/GM0363').expect(200);
    expect(body.name).toBe('Amsterdam');
    const byType = Object.fromEntries(
      body.regions.map((region: { typeCode: string; name: string }) => [region.typeCode, region.name]),
    );
    expect(byType).toMatchObject({
      veiligheidsregio: 'Amsterdam-Amstelland',
      'politie-eenheid': 'Amsterdam',
      riec: 'RIEC Amsterdam-Amstelland',
      provincie: 'Noord-Holland',
    });
  });

  it('gives 404 for an unknown or malformed code', async () => {
    const unknown = await request(http).get('/api/v1/municipalities/GM9999').expect(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'not_found' });
    await request(http).get('/api/v1/municipalities/amsterdam').expect(404);
  });

  it.each([
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '501' }, 'pageSize'],
    [{ page: 'abc' }, 'page'],
    [{ includeEnded: 'yes' }, 'includeEnded'],
    [{ q: 'x'.repeat(101) }, 'q'],
    [{ unknownKey: '1' }, 'unknownKey'],
  ])('answers 400 naming the field for %j', async (query, field) => {
    const response = await request(http).get('/api/v1/municipalities').query(query).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.invalidParams.map((param: { name: string }) => param.name)).toContain(field);
  });

  it('serves the boundaries for the map with an ETag, and 304 for a current copy', async () => {
    const first = await request(http).get('/api/v1/geo/municipalities').expect(200);
    const topology = JSON.parse(first.text);
    expect(topology.type).toBe('Topology');
    expect(topology.objects.gm_features.geometries).toHaveLength(342);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^".+"$/);
    await request(http).get('/api/v1/geo/municipalities').set('If-None-Match', etag).expect(304);
  });
});
