import { ErrorCode, HANDOFF_PATH_CODES, RESPONSIBILITY_TASKS } from '@ketenkaart/shared-domain';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { SessionClient, signInAs } from '../test/session-client';
import { adminAuth, createTestApp } from '../test/test-app';
import { HANDOFF_PATH_MATRIX_TASKS } from './handoff-proposals.service';

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const BASE = '/api/v1';

interface Proposal {
  organisation: { id: string; name: string; type: string; national: boolean };
  organisationType: string;
  level: string | null;
  origin: string | null;
  agreementId: string | null;
  agreementRegion: { id: string; name: string } | null;
  source: { title: string } | null;
  usualReceiver: boolean;
}

describe('hand-off receiver proposals from the wie-doet-wat matrix (issue 6, point 4)', () => {
  let app: NestFastifyApplication;
  let http: string;
  let dataSource: DataSource;
  let amsterdam: SessionClient;
  let ontvanger: SessionClient;
  let ownOrganisation: string;
  const overrides: { region: string; id: string }[] = [];

  const propose = (client: SessionClient, query: Record<string, string>) =>
    client.get(`${BASE}/handoff-receiver-proposals?${new URLSearchParams(query).toString()}`);
  const organisationNamed = async (name: string) =>
    (
      await dataSource.query(`SELECT id FROM organisation WHERE name LIKE $1 ORDER BY name LIMIT 1`, [name])
    )[0].id as string;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    http = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    // The assertions below describe the national default. On a shared server database another file (or an aborted
    // earlier run) may have left regional agreements behind, e.g. one that takes the opvang lead for minors away
    // from the gemeente in Amsterdam-Amstelland: start from the national default only.
    await dataSource.query('DELETE FROM responsibility_override');
    amsterdam = await signInAs(http, account('zorgcoordinator@demo.ketenkaart.nl'), totpCode);
    ontvanger = await signInAs(http, account('ontvanger@demo.ketenkaart.nl'), totpCode);
    ownOrganisation = (
      await dataSource.query(`SELECT organisation_id FROM account WHERE email = $1`, [
        'zorgcoordinator@demo.ketenkaart.nl',
      ])
    )[0].organisation_id;
  });
  afterAll(async () => {
    // Leave the matrix as the national default for the other test files on a shared server database.
    for (const override of overrides)
      await dataSource.query(`DELETE FROM responsibility_override WHERE id = $1`, [override.id]);
    await app.close();
  });

  it('maps every path of the catalogue to a task of the matrix (data, not logic)', () => {
    for (const code of HANDOFF_PATH_CODES)
      expect(RESPONSIBILITY_TASKS).toContain(HANDOFF_PATH_MATRIX_TASKS[code]);
    expect(HANDOFF_PATH_MATRIX_TASKS['riec-intake']).toBe('bestuurlijke-aanpak');
  });

  it('proposes the RIEC of the region for a RIEC intake on a signal in Enschede, with the matrix row it comes from', async () => {
    const response = await propose(amsterdam, {
      path: 'riec-intake',
      municipality: 'GM0153',
      exploitationForm: 'arbeidsuitbuiting',
      targetGroup: 'eu-adult',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      pathCode: 'riec-intake',
      task: 'bestuurlijke-aanpak',
      taskLabel: 'Bestuurlijke aanpak',
      municipalityCode: 'GM0153',
      municipalityName: 'Enschede',
      exploitationForm: 'arbeidsuitbuiting',
      targetGroup: 'eu-adult',
    });
    expect(response.body.proposal).toMatchObject({
      organisation: { name: 'RIEC Oost-Nederland', type: 'riec' },
      organisationType: 'riec',
      level: 'contributes',
      origin: 'national-default',
      agreementId: null,
      usualReceiver: true,
      source: { title: expect.any(String) },
    });
    const proposals = response.body.proposals as Proposal[];
    // Only the RIEC of this region: RIEC Amsterdam-Amsterdam does not serve Enschede.
    expect(proposals.filter((p) => p.organisationType === 'riec').map((p) => p.organisation.name)).toEqual([
      'RIEC Oost-Nederland',
    ]);
    // The gemeente leads the task: listed after the usual receivers, never before them.
    const firstOther = proposals.findIndex((p) => !p.usualReceiver);
    if (firstOther >= 0) {
      expect(proposals.slice(firstOther).every((p) => !p.usualReceiver)).toBe(true);
      expect(proposals[firstOther]).toMatchObject({ organisationType: 'gemeente', level: 'lead' });
    }
  });

  it('proposes the RIEC serving Amsterdam for a signal in Amsterdam', async () => {
    const response = await propose(amsterdam, { path: 'riec-intake', municipality: 'gm0363' });
    expect(response.status).toBe(200);
    expect(response.body.municipalityCode).toBe('GM0363');
    expect(response.body.proposal.organisation.type).toBe('riec');
    expect(response.body.proposal.organisation.name).not.toBe('RIEC Oost-Nederland');
  });

  it("never proposes the sender's own organisation", async () => {
    const response = await propose(amsterdam, { path: 'overdracht-zorgcoordinator', municipality: 'GM0363' });
    expect(response.status).toBe(200);
    const ids = (response.body.proposals as Proposal[]).map((p) => p.organisation.id);
    expect(ids).not.toContain(ownOrganisation);
    const twente = await propose(amsterdam, { path: 'overdracht-zorgcoordinator', municipality: 'GM0153' });
    expect(twente.body.proposal).toMatchObject({
      organisation: { name: 'Zorgcoördinatie Mensenhandel Twente', type: 'zorgcoordinatie' },
      level: 'lead',
    });
  });

  it('names the types the matrix excludes: COSM is not responsible for minors, the gemeente leads', async () => {
    const response = await propose(amsterdam, {
      path: 'cosm-plaatsing',
      municipality: 'GM0363',
      targetGroup: 'minor',
    });
    expect(response.status).toBe(200);
    expect(response.body.task).toBe('opvang');
    expect(response.body.notResponsible).toEqual(
      expect.arrayContaining([expect.objectContaining({ organisationType: 'cosm' })]),
    );
    const proposals = response.body.proposals as Proposal[];
    expect(proposals.some((p) => p.organisationType === 'cosm')).toBe(false);
    expect(response.body.proposal).toMatchObject({ organisationType: 'gemeente', level: 'lead' });
  });

  it('follows an approved regional agreement that names the organisation filling the role', async () => {
    const [vr13] = await dataSource.query(
      `SELECT id FROM region WHERE type_code = 'veiligheidsregio' AND name LIKE 'Amsterdam-Amstelland%' LIMIT 1`,
    );
    const zvh = await organisationNamed('Zorg- en Veiligheidshuis Amsterdam%');
    const before = await propose(amsterdam, { path: 'zvh-intake', municipality: 'GM0363' });
    expect(before.status).toBe(200);
    expect(before.body.proposal).toMatchObject({
      organisationType: 'zorg-en-veiligheidshuis',
      agreementId: null,
    });

    const proposed = await request(http)
      .post(`${BASE}/regions/${vr13.id}/responsibility-overrides`)
      .set(adminAuth)
      .send({
        task: 'zorgcoordinatie',
        organisationType: 'zorg-en-veiligheidshuis',
        level: 'contributes',
        organisationId: zvh,
        note: 'Complexe zorg- en veiligheidscasussen gaan in deze regio naar het ZVH Amsterdam.',
        sourceTitle: 'Convenant ZVH Amsterdam-Amstelland (test)',
      });
    expect(proposed.status).toBe(201);
    overrides.push({ region: vr13.id, id: proposed.body.id });
    // Proposed only: the matrix, and so the proposal, is unchanged.
    const pending = await propose(amsterdam, { path: 'zvh-intake', municipality: 'GM0363' });
    expect(pending.body.proposal.agreementId).toBeNull();

    const approved = await request(http)
      .post(`${BASE}/regions/${vr13.id}/responsibility-overrides/${proposed.body.id}/approve`)
      .set(adminAuth)
      .send({});
    expect(approved.status).toBe(200);
    const after = await propose(amsterdam, { path: 'zvh-intake', municipality: 'GM0363' });
    expect(after.status).toBe(200);
    expect(after.body.proposal).toMatchObject({
      organisation: { id: zvh, type: 'zorg-en-veiligheidshuis' },
      origin: 'regional-agreement',
      agreementId: proposed.body.id,
      agreementRegion: { id: vr13.id },
      source: { title: 'Convenant ZVH Amsterdam-Amstelland (test)' },
    });
    // The agreement names one organisation: the other ZVHs of the area are no longer proposed for this row.
    const zvhs = (after.body.proposals as Proposal[]).filter(
      (p) => p.organisationType === 'zorg-en-veiligheidshuis',
    );
    expect(zvhs.map((p) => p.organisation.id)).toEqual([zvh]);
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const unknownGemeente = await propose(amsterdam, { path: 'riec-intake', municipality: 'GM9999' });
    expect(unknownGemeente.status).toBe(400);
    expect(unknownGemeente.body).toMatchObject({
      code: ErrorCode.unknownMunicipality,
      invalidParams: [{ name: 'municipality', code: ErrorCode.unknownMunicipality }],
    });
    const badPath = await propose(amsterdam, { path: 'nergens-heen', municipality: 'GM0363' });
    expect(badPath.status).toBe(400);
    expect(badPath.body.invalidParams.map((p: { name: string }) => p.name)).toContain('path');
    const badGm = await propose(amsterdam, { path: 'riec-intake', municipality: 'Amsterdam' });
    expect(badGm.status).toBe(400);
    expect(badGm.body.invalidParams.map((p: { name: string }) => p.name)).toContain('municipality');
    const badGroup = await propose(amsterdam, {
      path: 'riec-intake',
      municipality: 'GM0363',
      targetGroup: 'iedereen',
    });
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.invalidParams.map((p: { name: string }) => p.name)).toContain('targetGroup');
    const missing = await amsterdam.get(`${BASE}/handoff-receiver-proposals`);
    expect(missing.status).toBe(400);
  });

  it('is only for those who may create hand-offs', async () => {
    expect((await propose(ontvanger, { path: 'riec-intake', municipality: 'GM0363' })).status).toBe(403);
    const anonymous = await request(http).get(
      `${BASE}/handoff-receiver-proposals?path=riec-intake&municipality=GM0363`,
    );
    expect(anonymous.status).toBe(401);
  });
});
