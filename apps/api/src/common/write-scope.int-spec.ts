import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { adminAuth, createTestApp } from '../test/test-app';
import { SessionClient, signInAs } from '../test/session-client';

const RUN = randomUUID().slice(0, 8);
const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;

describe('write scope: a ketenregisseur edits regions and the directory of their own region only', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let ketenregisseur: SessionClient;
  let createdId: string;
  const regionId = async (code: string) => {
    const { body } = await request(http).get('/api/v1/regions').query({ type: 'ketenregie', pageSize: 500 });
    return body.items.find((region: { code: string }) => region.code === code).id as string;
  };

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    // Scope of this demo account: the demo region "Ketenregie Amsterdam-Amstelland" (veiligheidsregio VR13).
    ketenregisseur = await signInAs(http, account('ketenregisseur@demo.ketenkaart.nl'), totpCode);
  });
  afterAll(async () => {
    await app.close();
  });

  it('edits its own ketenregie region but not another region, which stays unchanged', async () => {
    const own = await request(http).get(`/api/v1/regions/${await regionId('demo-kr-amsterdam')}`);
    const edited = await ketenregisseur.send('patch', `/api/v1/regions/${own.body.id}`, {
      version: own.body.version,
      name: own.body.name,
    });
    expect(edited.status).toBe(200);

    const other = await request(http).get(`/api/v1/regions/${await regionId('demo-kr-oost')}`);
    const refused = await ketenregisseur.send('patch', `/api/v1/regions/${other.body.id}`, {
      version: other.body.version,
      name: 'Overgenomen',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('out_of_scope');
    const after = await request(http).get(`/api/v1/regions/${other.body.id}`);
    expect(after.body).toMatchObject({ name: other.body.name, version: other.body.version });
  });

  it('cannot move its own region onto gemeenten of another region', async () => {
    const own = await request(http).get(`/api/v1/regions/${await regionId('demo-kr-amsterdam')}`);
    const moved = await ketenregisseur.send('patch', `/api/v1/regions/${own.body.id}`, {
      version: own.body.version,
      municipalityCodes: ['GM0153'],
    });
    expect(moved.status).toBe(403);
  });

  it('creates directory entries in its region, and not in another region or nationwide', async () => {
    const inScope = await ketenregisseur.post('/api/v1/organisations', {
      name: `Inloophuis Amsterdam ${RUN}`,
      type: 'ngo',
      municipalityCodes: ['GM0363'],
    });
    expect(inScope.status).toBe(201);
    createdId = inScope.body.id;

    const elsewhere = await ketenregisseur.post('/api/v1/organisations', {
      name: `Inloophuis Enschede ${RUN}`,
      type: 'ngo',
      municipalityCodes: ['GM0153'],
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('out_of_scope');
    const national = await ketenregisseur.post('/api/v1/organisations', {
      name: `Landelijk ${RUN}`,
      type: 'ngo',
      national: true,
    });
    expect(national.status).toBe(403);
    const search = await request(http)
      .get('/api/v1/organisations')
      .query({ q: `Inloophuis Enschede ${RUN}` });
    expect(search.body.items.map((item: { name: string }) => item.name)).not.toContain(
      `Inloophuis Enschede ${RUN}`,
    );
  });

  it('cannot edit an entry of another region that the beheerder created', async () => {
    const enschede = await request(http)
      .post('/api/v1/organisations')
      .set(adminAuth)
      .send({ name: `Opvang Enschede ${RUN}`, type: 'opvang', municipalityCodes: ['GM0153'] })
      .expect(201);
    const refused = await ketenregisseur.send('patch', `/api/v1/organisations/${enschede.body.id}`, {
      version: enschede.body.version,
      description: 'Aangepast door een andere regio',
    });
    expect(refused.status).toBe(403);
    const after = await request(http).get(`/api/v1/organisations/${enschede.body.id}`);
    expect(after.body.description ?? null).toBeNull();
  });

  it('puts every directory change in the audit trail (fields, not values), and refused writes not at all', async () => {
    const privacyOfficer = await signInAs(http, account('privacy@demo.ketenkaart.nl'), totpCode);
    const trail = await privacyOfficer.get(
      `/api/v1/audit-events?recordType=organisation&recordId=${createdId}`,
    );
    expect(trail.status).toBe(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        action: 'directory.organisation.created',
        actor: expect.stringMatching(/^account:/),
        ip: expect.any(String),
        details: expect.objectContaining({ fields: expect.arrayContaining(['name', 'municipalityCodes']) }),
      }),
    ]);
    expect(JSON.stringify(trail.body)).not.toContain('Inloophuis');

    const actor = trail.body.items[0].actor as string;
    const count = async () =>
      (
        await privacyOfficer.get(
          `/api/v1/audit-events?actor=${encodeURIComponent(actor)}&action=directory.organisation.created`,
        )
      ).body.total as number;
    const before = await count();
    const refused = await ketenregisseur.post('/api/v1/organisations', {
      name: `Buiten de regio ${RUN}`,
      type: 'ngo',
      municipalityCodes: ['GM0153'],
    });
    expect(refused.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses roles without the write permission, whatever their scope', async () => {
    const monitor = await signInAs(http, account('monitor@demo.ketenkaart.nl'), totpCode);
    const response = await monitor.post('/api/v1/organisations', {
      name: `Monitor ${RUN}`,
      type: 'ngo',
      municipalityCodes: ['GM0363'],
    });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
  });
});
