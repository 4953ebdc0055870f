import Ajv, { ValidateFunction } from 'ajv';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { adminAuth, createTestApp } from '../test/test-app';

const RUN = randomUUID().slice(0, 8);
const SECRET_ADDRESS = `Geheime Opvangstraat ${RUN}`;

type Schema = Record<string, unknown>;

/** Annotations that do not validate; dropping them halves the compile time of the compiled schemas. */
const ANNOTATIONS = new Set([
  'description',
  'example',
  'title',
  'name',
  'constraints',
  'datapackage_metadata',
  'core',
  'path',
  'order',
  'tabular_required',
  'datapackage_type',
]);

/** The standard's own check: `additionalProperties: false` on every object before validating. */
function closed(schema: unknown, propertyNames = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closed(item));
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Schema = Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => propertyNames || !ANNOTATIONS.has(key))
      .map(([key, value]) => [key, closed(value, !propertyNames && key === 'properties')]),
  );
  if (!propertyNames && (copy['type'] === 'object' || copy['properties']))
    copy['additionalProperties'] = false;
  return copy;
}

function validator(file: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat(
    'date-time',
    (value: string) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value),
  );
  ajv.addFormat('csv', () => true);
  const schema = JSON.parse(readFileSync(path.join(__dirname, 'schemas', file), 'utf8')) as Schema;
  return ajv.compile(closed(schema) as Schema);
}

const PAGE_KEYS = [
  'total_items',
  'total_pages',
  'page_number',
  'size',
  'first_page',
  'last_page',
  'empty',
  'contents',
];

describe('/api/v1/hsds (Open Referral HSDS 3.0)', () => {
  let app: NestFastifyApplication;
  const api = () => request(app.getHttpServer());
  let shelterId: string;
  const schemas: Record<string, ValidateFunction> = {};

  const expectValid = (name: string, body: unknown) => {
    const validate = schemas[name];
    const valid = validate(body);
    if (!valid) throw new Error(`${name}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
  };

  beforeAll(async () => {
    app = await createTestApp();
    for (const file of ['organization.json', 'organization_list.json', 'service.json', 'service_list.json']) {
      schemas[file] = validator(file);
    }
    const gemeente = await api()
      .post('/api/v1/organisations')
      .set(adminAuth)
      .send({
        name: `Gemeente Proef ${RUN}`,
        type: 'gemeente',
        municipalityCodes: ['GM0363'],
        website: 'https://www.example.org',
      })
      .expect(201);
    const shelter = await api()
      .post('/api/v1/organisations')
      .set(adminAuth)
      .send({
        name: `Opvang Veilig ${RUN}`,
        type: 'opvang',
        parentId: gemeente.body.id,
        address: SECRET_ADDRESS,
        addressConfidential: true,
        municipalityCodes: ['GM0363', 'GM0599'],
        contactPoints: [
          {
            label: 'Aanmelding',
            phone: '020 555 0000',
            email: 'aanmelding@example.org',
            openingHours: '24/7',
          },
        ],
      })
      .expect(201);
    shelterId = shelter.body.id;
    await api()
      .post('/api/v1/people')
      .set(adminAuth)
      .send({
        name: `Pieter Privé ${RUN}`,
        workEmail: `pieter.${RUN}@example.org`,
        organisationId: shelterId,
      })
      .expect(201);
  }, 300_000);
  afterAll(async () => {
    await app
      .get(DataSource)
      .query(`UPDATE person SET archived_at = now() WHERE name LIKE '%' || $1 || '%'`, [RUN]);
    await app
      .get(DataSource)
      .query(`UPDATE organisation SET archived_at = now() WHERE name LIKE '%' || $1 || '%'`, [RUN]);
    await app.close();
  });

  const noSecrets = (body: unknown) => {
    const text = JSON.stringify(body);
    expect(text).not.toContain(SECRET_ADDRESS);
    expect(text).not.toContain('Pieter Priv');
    expect(text).not.toContain(`pieter.${RUN}`);
  };

  it('describes itself', async () => {
    const response = await api().get('/api/v1/hsds').expect(200);
    expect(response.body).toMatchObject({ version: '3.0' });
  });

  it('lists organizations as HSDS pages whose items validate', async () => {
    const first = await api().get('/api/v1/hsds/organizations').query({ per_page: 200 }).expect(200);
    expect(Object.keys(first.body).sort()).toEqual([...PAGE_KEYS].sort());
    expect(first.body).toMatchObject({ page_number: 1, first_page: true, empty: false });
    expect(first.body.size).toBe(first.body.contents.length);
    for (const item of first.body.contents) expectValid('organization_list.json', item);
    const mine = await api().get('/api/v1/hsds/organizations').query({ search: RUN }).expect(200);
    expect(mine.body.total_items).toBe(2);
    noSecrets(mine.body);
    const beyond = await api().get('/api/v1/hsds/organizations').query({ page: 100000 }).expect(200);
    expect(beyond.body).toMatchObject({ empty: true, last_page: true, size: 0 });
  });

  it('gives one organization with phones, contacts and services, valid and without confidential data', async () => {
    const response = await api().get(`/api/v1/hsds/organizations/${shelterId}`).expect(200);
    expectValid('organization.json', response.body);
    expect(response.body).toMatchObject({
      id: shelterId,
      email: 'aanmelding@example.org',
      phones: [{ number: '020 555 0000' }],
      contacts: [{ name: 'Aanmelding' }],
      services: [{ name: 'Opvang', status: 'active' }],
    });
    expect(response.body.parent_organization_id).toBeDefined();
    noSecrets(response.body);
  });

  it('lists and gives services with service areas from the served gemeenten', async () => {
    const list = await api().get('/api/v1/hsds/services').query({ organization_id: shelterId }).expect(200);
    expect(list.body.total_items).toBe(1);
    for (const item of list.body.contents) expectValid('service_list.json', item);
    const all = await api().get('/api/v1/hsds/services').query({ per_page: 100 }).expect(200);
    for (const item of all.body.contents) expectValid('service_list.json', item);
    const service = await api().get(`/api/v1/hsds/services/${list.body.contents[0].id}`).expect(200);
    expectValid('service.json', service.body);
    expect(service.body.service_areas.map((area: { extent: string }) => area.extent).sort()).toEqual([
      'GM0363',
      'GM0599',
    ]);
    noSecrets(service.body);
  });

  it('answers bad input with 400 and unknown ids with 404', async () => {
    await api().get('/api/v1/hsds/organizations').query({ per_page: 0 }).expect(400);
    await api().get('/api/v1/hsds/organizations').query({ colour: 'red' }).expect(400);
    await api().get(`/api/v1/hsds/organizations/${randomUUID()}`).expect(404);
    await api().get('/api/v1/hsds/organizations/not-an-id').expect(404);
    await api().get(`/api/v1/hsds/services/${randomUUID()}`).expect(404);
  });
});
