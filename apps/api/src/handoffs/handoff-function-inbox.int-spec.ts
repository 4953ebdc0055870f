import { ErrorCode } from '@ketenkaart/shared-domain';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.seeder';
import { totpCode } from '../auth/totp';
import { SessionClient, signInAs } from '../test/session-client';
import { createTestApp } from '../test/test-app';
import { HANDOFF_PATH_FUNCTION_INBOXES } from './handoff-proposals.service';

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const BASE = '/api/v1';

interface FunctionInbox {
  region: { id: string; typeCode: string; typeName: string; name: string };
  functionType: string;
  functionTypeLabel: string;
  holders: { id: string; name: string; type: string; opAfstand: boolean }[];
  ownOnly: boolean;
}

/**
 * Hand-offs addressed to a function inbox ("de zorgcoördinator van regio Twente"): whoever holds the function in
 * that region receives it. On the demo directory (PGlite and the server): the zorgcoördinator of Twente is held
 * by Zorgcoördinatie Mensenhandel Twente (the demo account zorgcoordinator-twente), the one of Noord- en
 * Oost-Gelderland by nobody, the ketenregisseur of the demo ketenregie region Oost-Nederland by a person without
 * an organisation (so by no inbox either).
 */
describe('hand-offs to a function inbox (issue 6)', () => {
  let app: NestFastifyApplication;
  let http: string;
  let dataSource: DataSource;
  let amsterdam: SessionClient;
  let twente: SessionClient;
  let ontvanger: SessionClient;
  let twenteOrganisation: string;
  let amsterdamOrganisation: string;

  const regionId = async (typeCode: string, name: string) =>
    (await dataSource.query(`SELECT id FROM region WHERE type_code = $1 AND name = $2`, [typeCode, name]))[0]
      .id as string;
  const organisationOf = async (email: string) =>
    (await dataSource.query(`SELECT organisation_id FROM account WHERE email = $1`, [email]))[0]
      .organisation_id as string;
  const body = (receiver: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
    pathCode: 'regio-overdracht',
    receiver,
    municipalityCode: 'GM0153',
    exploitationForm: 'seksuele-uitbuiting',
    targetGroup: 'nl-adult',
    minor: false,
    ageBand: '24-plus',
    consent: { given: true, date: '2026-01-05', givenBy: 'person' },
    legalBasis: 'toestemming',
    notes: 'Verhuist naar Twente; opvangplek geregeld via de centrumgemeente.',
    ...overrides,
  });
  const zorgcoordinatorOf = async (regionName: string) => ({
    inbox: { regionId: await regionId('veiligheidsregio', regionName), functionType: 'zorgcoordinator' },
  });
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    http = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    amsterdam = await signInAs(http, account('zorgcoordinator@demo.ketenkaart.nl'), totpCode);
    twente = await signInAs(http, account('zorgcoordinator-twente@demo.ketenkaart.nl'), totpCode);
    ontvanger = await signInAs(http, account('ontvanger@demo.ketenkaart.nl'), totpCode);
    twenteOrganisation = await organisationOf('zorgcoordinator-twente@demo.ketenkaart.nl');
    amsterdamOrganisation = await organisationOf('zorgcoordinator@demo.ketenkaart.nl');
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the function inboxes an organisation holds today, with their holders', async () => {
    const response = await amsterdam.get(`${BASE}/handoff-function-inboxes`);
    expect(response.status).toBe(200);
    const items = response.body.items as FunctionInbox[];
    const find = (regionName: string, functionType: string) =>
      items.find((item) => item.region.name === regionName && item.functionType === functionType);
    expect(find('Twente', 'zorgcoordinator')).toEqual({
      region: {
        id: await regionId('veiligheidsregio', 'Twente'),
        typeCode: 'veiligheidsregio',
        typeName: expect.any(String),
        typeNameEn: expect.any(String),
        name: 'Twente',
      },
      functionType: 'zorgcoordinator',
      functionTypeLabel: 'Zorgcoördinator',
      holders: [
        {
          id: twenteOrganisation,
          name: 'Zorgcoördinatie Mensenhandel Twente',
          type: 'zorgcoordinatie',
          opAfstand: false,
        },
      ],
      ownOnly: false,
    });
    // Where no regional zorgcoördinator is, CoMensha holds it "op afstand": its inbox receives.
    expect(find('Rotterdam-Rijnmond', 'zorgcoordinator')?.holders).toEqual([
      expect.objectContaining({ name: 'CoMensha', type: 'comensha', opAfstand: true }),
    ]);
    // Held by nobody, or only by a person without an organisation: not a receiver, not listed.
    expect(find('Noord- en Oost-Gelderland', 'zorgcoordinator')).toBeUndefined();
    expect(find('Ketenregie Oost-Nederland (demo)', 'ketenregisseur')).toBeUndefined();
    // The caller's own function is marked, so the form can leave it out.
    expect(find('Amsterdam-Amstelland', 'zorgcoordinator')).toMatchObject({
      ownOnly: true,
      holders: [{ id: amsterdamOrganisation }],
    });
    expect(items.every((item) => item.holders.length > 0)).toBe(true);
    // Also for the ontvanger (handoff.inbox without handoff.write): a receiver may forward to a function inbox.
    const forOntvanger = await ontvanger.get(`${BASE}/handoff-function-inboxes`);
    expect(forOntvanger.status).toBe(200);
    expect(
      (forOntvanger.body.items as FunctionInbox[]).map((item) => [item.region.id, item.functionType]),
    ).toEqual(items.map((item) => [item.region.id, item.functionType]));
    // Not for roles that neither send nor receive hand-offs.
    const ketenregisseur = await signInAs(http, account('ketenregisseur@demo.ketenkaart.nl'), totpCode);
    expect((await ketenregisseur.get(`${BASE}/handoff-function-inboxes`)).status).toBe(403);
  });

  it('proposes the function inbox of the path in the gemeente’s regions beside the organisations', async () => {
    expect(HANDOFF_PATH_FUNCTION_INBOXES['regio-overdracht']).toBe('zorgcoordinator');
    const enschede = await amsterdam.get(
      `${BASE}/handoff-receiver-proposals?path=regio-overdracht&municipality=GM0153`,
    );
    expect(enschede.status).toBe(200);
    expect(enschede.body.inboxes).toEqual([
      expect.objectContaining({
        region: expect.objectContaining({ name: 'Twente', typeCode: 'veiligheidsregio' }),
        functionType: 'zorgcoordinator',
        holders: [expect.objectContaining({ id: twenteOrganisation })],
        ownOnly: false,
      }),
    ]);
    const riec = await amsterdam.get(
      `${BASE}/handoff-receiver-proposals?path=riec-intake&municipality=GM0153`,
    );
    expect(riec.body.inboxes).toEqual([
      expect.objectContaining({
        functionType: 'riec-contact',
        holders: [expect.objectContaining({ name: 'RIEC Oost-Nederland' })],
      }),
    ]);
    // Amsterdam's own zorgcoördinator inbox is never proposed to Amsterdam.
    const own = await amsterdam.get(
      `${BASE}/handoff-receiver-proposals?path=overdracht-zorgcoordinator&municipality=GM0363`,
    );
    expect(own.body.inboxes).toEqual([]);
    // A path without a function inbox proposes organisations only.
    const hulp = await amsterdam.get(
      `${BASE}/handoff-receiver-proposals?path=hulpverlening&municipality=GM0153`,
    );
    expect(hulp.body.inboxes).toEqual([]);
  });

  it('sends to "Zorgcoördinator · Twente": the holder organisation sees it in its inbox and takes it up', async () => {
    const created = await amsterdam.post(`${BASE}/handoffs`, body(await zorgcoordinatorOf('Twente')));
    expect(created.status).toBe(201);
    const twenteRegion = await regionId('veiligheidsregio', 'Twente');
    expect(created.body.receiver).toEqual({
      organisation: null,
      regionId: twenteRegion,
      regionName: 'Twente',
      functionType: 'zorgcoordinator',
    });
    expect(created.body.actions).toEqual(['send', 'withdraw', 'edit']);
    const [row] = await dataSource.query(
      `SELECT receiver_organisation_id, receiver_region_id, receiver_function_type, region_ids FROM handoff WHERE id = $1`,
      [created.body.id],
    );
    expect(row).toMatchObject({
      receiver_organisation_id: null,
      receiver_region_id: twenteRegion,
      receiver_function_type: 'zorgcoordinator',
    });
    expect(row.region_ids).toContain(twenteRegion);
    // A concept stays with the sender.
    expect(idsOf((await twente.get(`${BASE}/handoffs/inbox`)).body)).not.toContain(created.body.id);
    expect((await twente.get(`${BASE}/handoffs/${created.body.id}`)).status).toBe(404);

    const sent = await amsterdam.post(`${BASE}/handoffs/${created.body.id}/transitions`, {
      transition: 'send',
      version: created.body.version,
    });
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('verstuurd');

    const inbox = await twente.get(`${BASE}/handoffs/inbox?state=verstuurd`);
    expect(inbox.status).toBe(200);
    const item = inbox.body.items.find((entry: { id: string }) => entry.id === created.body.id);
    expect(item).toMatchObject({
      sender: { id: amsterdamOrganisation },
      receiver: { organisation: null, regionName: 'Twente', functionType: 'zorgcoordinator' },
    });
    const seen = await twente.get(`${BASE}/handoffs/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ view: 'full', actions: ['accept', 'decline', 'forward'] });
    expect(seen.body.notes).toContain('Verhuist naar Twente');
    const notifications = await twente.get(`${BASE}/notifications`);
    expect(notifications.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ handoffId: created.body.id })]),
    );
    // Another organisation (RIEC Oost-Nederland) holds no such function: nothing to see.
    expect(idsOf((await ontvanger.get(`${BASE}/handoffs/inbox`)).body)).not.toContain(created.body.id);
    expect((await ontvanger.get(`${BASE}/handoffs/${created.body.id}`)).status).toBe(404);

    const accepted = await twente.post(`${BASE}/handoffs/${created.body.id}/transitions`, {
      transition: 'accept',
      version: seen.body.version,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.timeline.at(-1)).toMatchObject({ kind: 'accept', party: 'receiver' });
    const outbox = await amsterdam.get(`${BASE}/handoffs/outbox?state=geaccepteerd`);
    expect(
      outbox.body.items.find((entry: { id: string }) => entry.id === created.body.id)?.receiver,
    ).toMatchObject({ organisation: null, regionName: 'Twente', functionType: 'zorgcoordinator' });
  });

  it('turns a concept from an organisation into a function inbox (an edit of the receiver)', async () => {
    const ontvangerOrganisation = await organisationOf('ontvanger@demo.ketenkaart.nl');
    const created = await amsterdam.post(`${BASE}/handoffs`, body({ organisationId: ontvangerOrganisation }));
    expect(created.status).toBe(201);
    const edited = await amsterdam.send('patch', `${BASE}/handoffs/${created.body.id}`, {
      version: created.body.version,
      receiver: await zorgcoordinatorOf('Twente'),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.receiver).toMatchObject({ organisation: null, functionType: 'zorgcoordinator' });
    expect(edited.body.timeline.at(-1)).toMatchObject({ kind: 'edited', changedFields: ['receiver'] });
  });

  it('refuses a function inbox nobody holds with a 400 problem naming receiver.inbox.functionType', async () => {
    const unheld = await amsterdam.post(
      `${BASE}/handoffs`,
      body(await zorgcoordinatorOf('Noord- en Oost-Gelderland')),
    );
    expect(unheld.status).toBe(400);
    expect(unheld.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unheld.body).toMatchObject({ status: 400, code: ErrorCode.validationFailed });
    expect(unheld.body.invalidParams).toEqual([
      {
        name: 'receiver.inbox.functionType',
        code: 'function_inbox_unheld',
        reason: expect.stringContaining(
          "Nobody holds the function 'zorgcoordinator' in region 'Noord- en Oost-Gelderland'",
        ),
      },
    ]);
    // Held by a person without an organisation: no inbox shows it, so the same refusal.
    const personOnly = await amsterdam.post(
      `${BASE}/handoffs`,
      body({
        inbox: {
          regionId: await regionId('ketenregie', 'Ketenregie Oost-Nederland (demo)'),
          functionType: 'ketenregisseur',
        },
      }),
    );
    expect(personOnly.status).toBe(400);
    expect(personOnly.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'receiver.inbox.functionType', code: 'function_inbox_unheld' }),
    ]);
    // Only the sender's own organisation holds it: not another organisation.
    const own = await amsterdam.post(
      `${BASE}/handoffs`,
      body(await zorgcoordinatorOf('Amsterdam-Amstelland')),
    );
    expect(own.status).toBe(400);
    expect(own.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'receiver.inbox.functionType', code: 'own_organisation' }),
    ]);
    // A region that does not exist, and both receivers at once.
    const unknown = await amsterdam.post(
      `${BASE}/handoffs`,
      body({ inbox: { regionId: '00000000-0000-4000-8000-000000000000', functionType: 'zorgcoordinator' } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'receiver.inbox.regionId', code: ErrorCode.unknownRegion }),
    ]);
    const both = await amsterdam.post(
      `${BASE}/handoffs`,
      body({ organisationId: twenteOrganisation, ...(await zorgcoordinatorOf('Twente')) }),
    );
    expect(both.status).toBe(400);
    expect(both.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'receiver', code: 'exactly_one_receiver' }),
    ]);
    expect(
      Number(
        (
          await dataSource.query(
            `SELECT COUNT(*) AS n FROM handoff h JOIN region r ON r.id = h.receiver_region_id
              WHERE r.name IN ('Noord- en Oost-Gelderland', 'Ketenregie Oost-Nederland (demo)')`,
          )
        )[0].n,
      ),
    ).toBe(0);
  });

  it('refuses to send a concept whose function inbox nobody holds any more (the holder stopped)', async () => {
    const created = await amsterdam.post(`${BASE}/handoffs`, body(await zorgcoordinatorOf('Twente')));
    expect(created.status).toBe(201);
    // The holder's assignment ended two days ago, whatever the time zone. Restored below: on the server the
    // database is shared by the test files.
    const ended: string[] = (
      await dataSource.query(
        `SELECT id FROM function_assignment
          WHERE function_type = 'zorgcoordinator' AND region_id = $1 AND end_date IS NULL AND archived_at IS NULL`,
        [created.body.receiver.regionId],
      )
    ).map((row: { id: string }) => row.id);
    expect(ended.length).toBeGreaterThan(0);
    await dataSource.query(
      `UPDATE function_assignment SET end_date = CURRENT_DATE - 2 WHERE id = ANY($1::uuid[])`,
      [ended],
    );
    try {
      const sent = await amsterdam.post(`${BASE}/handoffs/${created.body.id}/transitions`, {
        transition: 'send',
        version: created.body.version,
      });
      expect(sent.status).toBe(400);
      expect(sent.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'receiver.inbox.functionType', code: 'function_inbox_unheld' }),
      ]);
      const still = await amsterdam.get(`${BASE}/handoffs/${created.body.id}`);
      expect(still.body).toMatchObject({ state: 'concept', version: created.body.version });
      // And the inbox of the former holder does not show it either way (it never was sent).
      expect(idsOf((await twente.get(`${BASE}/handoffs/inbox`)).body)).not.toContain(created.body.id);
    } finally {
      await dataSource.query(`UPDATE function_assignment SET end_date = NULL WHERE id = ANY($1::uuid[])`, [
        ended,
      ]);
      expect((await amsterdam.get(`${BASE}/handoff-function-inboxes`)).body.items).toContainEqual(
        expect.objectContaining({
          functionType: 'zorgcoordinator',
          region: expect.objectContaining({ name: 'Twente' }),
        }),
      );
    }
  });
});
