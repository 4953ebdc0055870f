import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { SessionClient, signInAs } from '../test/session-client';
import { adminAuth, createTestApp } from '../test/test-app';

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const CVDR = 'https://lokaleregelgeving.overheid.nl/CVDR712345';

describe('monitoring: policy documents per gemeente', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let dataSource: DataSource;
  let ketenregisseur: SessionClient;
  let monitor: SessionClient;
  let own: string;
  let ownRegionId: string;
  let foreign: string;
  const region = async (code: string) => {
    const { body } = await request(http).get('/api/v1/regions').query({ type: 'ketenregie', pageSize: 500 });
    return body.items.find((item: { code: string }) => item.code === code);
  };
  const document = {
    title: 'Beleidskader aanpak mensenhandel 2024–2027',
    url: CVDR,
    adoptedOn: '2024-03-14',
    exploitationForms: ['arbeidsuitbuiting', 'seksuele-uitbuiting'],
  };

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
    ketenregisseur = await signInAs(http, account('ketenregisseur@demo.ketenkaart.nl'), totpCode);
    monitor = await signInAs(http, account('monitor@demo.ketenkaart.nl'), totpCode);
    const ownRegion = await region('demo-kr-amsterdam');
    ownRegionId = ownRegion.id;
    // The last gemeente of the region: the Kader tests elsewhere work with the first.
    own = ownRegion.municipalityCodes[ownRegion.municipalityCodes.length - 1];
    [foreign] = (await region('demo-kr-oost')).municipalityCodes;
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets a ketenregisseur record a policy document of a gemeente in their region, audited', async () => {
    const created = await ketenregisseur.post(`/api/v1/municipalities/${own}/policy-documents`, document);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/policy-documents/${created.body.id}`);
    expect(created.body).toMatchObject({
      municipalityCode: own,
      title: document.title,
      url: CVDR,
      adoptedOn: '2024-03-14',
      // In the shared domain's order, whatever order was sent.
      exploitationForms: ['seksuele-uitbuiting', 'arbeidsuitbuiting'],
      validUntil: null,
      inForce: true,
      archivedAt: null,
      version: 1,
      createdBy: expect.stringMatching(/^account:/),
    });
    const [event] = await dataSource.query(
      `SELECT actor, details FROM audit_event WHERE action = 'kader.policy-document.create' AND record_id = $1`,
      [created.body.id],
    );
    expect(event).toEqual({ actor: created.body.createdBy, details: { municipalityCode: own } });

    const publicList = await request(http).get(`/api/v1/municipalities/${own}/policy-documents`).expect(200);
    expect(publicList.body.municipalityCode).toBe(own);
    const listed = publicList.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(listed).toMatchObject({ title: document.title, inForce: true, createdBy: null });
    const monitorList = await monitor.get(`/api/v1/municipalities/${own}/policy-documents`);
    expect(
      monitorList.body.items.find((item: { id: string }) => item.id === created.body.id).createdBy,
    ).toMatch(/^account:/);
  });

  it('shows in the Kader overview which gemeenten have adopted policy covering which forms', async () => {
    const before = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: '2023-H2', region: ownRegionId })
      .expect(200);
    const earlier = before.body.municipalities.find((m: { code: string }) => m.code === own);
    // Adopted in 2024: not yet in force at the end of 2023.
    expect(earlier.policyDocuments).toEqual({ documents: 0, exploitationForms: [] });

    await request(http)
      .post(`/api/v1/municipalities/${own}/policy-documents`)
      .set(adminAuth)
      .send({
        title: 'Uitvoeringsprogramma criminele uitbuiting',
        adoptedOn: '2024-09-01',
        exploitationForms: ['criminele-uitbuiting'],
      })
      .expect(201);
    const after = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: '2024-H2', region: ownRegionId })
      .expect(200);
    const status = after.body.municipalities.find((m: { code: string }) => m.code === own);
    expect(status.policyDocuments).toEqual({
      documents: 2,
      exploitationForms: ['seksuele-uitbuiting', 'arbeidsuitbuiting', 'criminele-uitbuiting'],
    });
    expect(after.body.totals.withPolicyDocument).toBeGreaterThanOrEqual(1);
    const sheet = await request(http)
      .get(`/api/v1/municipalities/${own}/kader-assessments`)
      .query({ period: '2024-H2' })
      .expect(200);
    expect(sheet.body.policyDocuments.documents).toBe(2);
  });

  it('refuses a gemeente of another region with 403 out_of_scope and saves nothing; roles without kader.assess get 403', async () => {
    const refused = await ketenregisseur.post(`/api/v1/municipalities/${foreign}/policy-documents`, document);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('out_of_scope');
    const list = await request(http).get(`/api/v1/municipalities/${foreign}/policy-documents`).expect(200);
    expect(list.body.items).toEqual([]);

    const byAdmin = await request(http)
      .post(`/api/v1/municipalities/${foreign}/policy-documents`)
      .set(adminAuth)
      .send(document)
      .expect(201);
    const patch = await ketenregisseur.send('patch', `/api/v1/policy-documents/${byAdmin.body.id}`, {
      version: 1,
      title: 'Overgenomen',
    });
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('out_of_scope');
    const archive = await ketenregisseur.post(`/api/v1/policy-documents/${byAdmin.body.id}/archive`, {
      version: 1,
    });
    expect(archive.status).toBe(403);

    const byMonitor = await monitor.post(`/api/v1/municipalities/${own}/policy-documents`, document);
    expect(byMonitor.status).toBe(403);
    expect(byMonitor.body.code).toBe('forbidden');
    await request(http).post(`/api/v1/municipalities/${own}/policy-documents`).send(document).expect(401);
  });

  it.each([
    [{ ...document, url: 'ftp://example.org/beleid.pdf' }, 'url', 'isUrl'],
    [{ ...document, url: 'javascript:alert(1)' }, 'url', 'isUrl'],
    [{ ...document, exploitationForms: ['mensensmokkel'] }, 'exploitationForms', 'isIn'],
    [{ ...document, adoptedOn: '14-03-2024' }, 'adoptedOn', 'isDateString'],
    [{ ...document, adoptedOn: '2999-01-01' }, 'adoptedOn', 'range'],
    [{ ...document, validUntil: '2024-01-01' }, 'validUntil', 'range'],
    [{ ...document, title: undefined }, 'title', 'isString'],
    [{ ...document, gemeente: 'Amsterdam' }, 'gemeente', 'unknown_field'],
  ])('answers 400 naming the field and code, and saves nothing (%j)', async (body, field, code) => {
    const before = await request(http).get(`/api/v1/municipalities/${own}/policy-documents`);
    const response = await ketenregisseur.post(`/api/v1/municipalities/${own}/policy-documents`, body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.invalidParams).toContainEqual(expect.objectContaining({ name: field, code }));
    const after = await request(http).get(`/api/v1/municipalities/${own}/policy-documents`);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('answers 404 for an unknown gemeente or document', async () => {
    const unknown = await ketenregisseur.post('/api/v1/municipalities/GM9999/policy-documents', document);
    expect(unknown.status).toBe(404);
    await request(http).get('/api/v1/municipalities/XX/policy-documents').expect(404);
    const patch = await ketenregisseur.send('patch', '/api/v1/policy-documents/not-a-uuid', { version: 1 });
    expect(patch.status).toBe(404);
    const missing = await ketenregisseur.send(
      'patch',
      '/api/v1/policy-documents/00000000-0000-4000-8000-000000000000',
      { version: 1 },
    );
    expect(missing.status).toBe(404);
  });

  it('lets exactly one of two concurrent changes of the same version win; the other gets 409', async () => {
    const created = await ketenregisseur.post(`/api/v1/municipalities/${own}/policy-documents`, {
      ...document,
      title: 'Nota gelijktijdig',
    });
    const results = await Promise.all(
      ['Eerste', 'Tweede'].map((title) =>
        ketenregisseur.send('patch', `/api/v1/policy-documents/${created.body.id}`, { version: 1, title }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const list = await request(http).get(`/api/v1/municipalities/${own}/policy-documents`);
    const stored = list.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(stored.version).toBe(2);
    expect(stored.title).toBe(results.find((result) => result.status === 200)!.body.title);
    // Leaves the gemeente's count as it was for the overview tests: archived.
    await ketenregisseur.post(`/api/v1/policy-documents/${created.body.id}/archive`, { version: 2 });
  });

  it('changes a document with the version read (409 when stale), ends it, and archives it', async () => {
    const created = await ketenregisseur.post(`/api/v1/municipalities/${own}/policy-documents`, {
      ...document,
      title: 'Nota tijdelijk',
      adoptedOn: '2025-01-10',
    });
    const id = created.body.id;
    const ended = await ketenregisseur.send('patch', `/api/v1/policy-documents/${id}`, {
      version: 1,
      validUntil: '2025-06-30',
      exploitationForms: ['gedwongen-orgaanverwijdering'],
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      version: 2,
      validUntil: '2025-06-30',
      inForce: false,
      title: 'Nota tijdelijk',
      exploitationForms: ['gedwongen-orgaanverwijdering'],
    });
    const [event] = await dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'kader.policy-document.update' AND record_id = $1`,
      [id],
    );
    expect(event.details).toEqual({ municipalityCode: own, changed: ['exploitationForms', 'validUntil'] });

    const stale = await ketenregisseur.send('patch', `/api/v1/policy-documents/${id}`, {
      version: 1,
      title: 'Te laat',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const beforeAdoption = await ketenregisseur.send('patch', `/api/v1/policy-documents/${id}`, {
      version: 2,
      validUntil: '2024-12-31',
    });
    expect(beforeAdoption.status).toBe(400);
    expect(beforeAdoption.body.invalidParams[0]).toMatchObject({ name: 'validUntil', code: 'range' });

    // In force during 2025-H1 only: counted there, not in 2025-H2.
    const first = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: '2025-H1', region: ownRegionId });
    const second = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: '2025-H2', region: ownRegionId });
    const formsIn = (body: {
      municipalities: { code: string; policyDocuments: { exploitationForms: string[] } }[];
    }) => body.municipalities.find((m) => m.code === own)!.policyDocuments.exploitationForms;
    expect(formsIn(first.body)).toContain('gedwongen-orgaanverwijdering');
    expect(formsIn(second.body)).not.toContain('gedwongen-orgaanverwijdering');

    const archived = await ketenregisseur.post(`/api/v1/policy-documents/${id}/archive`, { version: 2 });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ version: 3, inForce: false, archivedAt: expect.any(String) });
    const again = await ketenregisseur.send('patch', `/api/v1/policy-documents/${id}`, {
      version: 3,
      title: 'Terug',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('entry_archived');
    const list = await request(http).get(`/api/v1/municipalities/${own}/policy-documents`);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    const withArchived = await request(http)
      .get(`/api/v1/municipalities/${own}/policy-documents`)
      .query({ includeArchived: true });
    expect(withArchived.body.items.map((item: { id: string }) => item.id)).toContain(id);
    const afterArchive = await request(http)
      .get('/api/v1/monitoring/kader')
      .query({ period: '2025-H1', region: ownRegionId });
    expect(formsIn(afterArchive.body)).not.toContain('gedwongen-orgaanverwijdering');
    await request(http)
      .get(`/api/v1/municipalities/${own}/policy-documents`)
      .query({ includeArchived: 'ja' })
      .expect(400);
  });
});
