import request from 'supertest';
import { nestsDeeperThan } from '../../common/body-parsers';
import { adminAuth } from '../test-app';
import { createFuzzEnvironment, FuzzEnvironment } from './fuzz-target';
import { formatReport, runFuzz } from './fuzzer';

/**
 * API fuzzing from the committed OpenAPI document (issue 8): a fixed-seed sample of generated requests for every
 * operation, as anonymous, with the service token and as every demo role. No 5xx, only documented statuses,
 * bodies that match their schemas (problem+json for errors), and no other region's data.
 * `npm run fuzz` runs the same with ≥ 10,000 requests and any seed.
 */
const SEED = 20_261_128;
const RUNS = 1_200;
const BASE = '/api/v1';

describe('API fuzzing (fixed seed)', () => {
  let environment: FuzzEnvironment;

  beforeAll(async () => {
    environment = await createFuzzEnvironment();
  }, 300_000);
  afterAll(async () => {
    await environment?.close();
  });

  it(`answers ${RUNS} generated requests without a 5xx, an undocumented answer or a leak`, async () => {
    const report = await runFuzz(environment.target, { seed: SEED, runs: RUNS });
    expect(report.requests).toBe(RUNS);
    // Every operation of the document was called, and every kind of caller was used.
    expect(Object.keys(report.byOperation)).toHaveLength(environment.target.operations.length);
    expect(Object.keys(report.byCaller).sort()).toEqual(environment.target.callers.map((c) => c.name).sort());
    if (report.failures.length) throw new Error(formatReport(report));
    expect(report.failures).toEqual([]);
  }, 600_000);

  it('uses leak markers that are real: the owner sees the hand-off notes, another region gets 404', async () => {
    const target = environment.target;
    const caller = (name: string) => target.callers.find((c) => c.name === name)!;
    const id = target.markers.find((m) => m.label === 'Amsterdam hand-off id')!.value;
    const notes = target.markers.find((m) => m.label === 'Amsterdam hand-off notes')!.value;
    const own = await request(environment.app.getHttpServer())
      .get(`${BASE}/handoffs/${id}`)
      .set('Cookie', caller('zorgcoordinator').cookie!);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).toContain(notes);
    const other = await request(environment.app.getHttpServer())
      .get(`${BASE}/handoffs/${id}`)
      .set('Cookie', caller('zorgcoordinator-twente').cookie!);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(notes);
  });

  describe('regressions found by the fuzzer', () => {
    const http = () => environment.app.getHttpServer();

    it('refuses a JSON body nested 20,000 levels deep with 400 invalid_json (was a 500: stack overflow)', async () => {
      const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
      const response = await request(http())
        .post(`${BASE}/handoffs/00000000-0000-4000-8000-000000000000/transitions`)
        .set(adminAuth)
        .set('Content-Type', 'application/json')
        .send(deep);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'invalid_json', invalidParams: [{ name: 'body' }] });
    });

    it('measures nesting depth without recursion', () => {
      expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
      expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
      expect(nestsDeeperThan(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), 32)).toBe(true);
    });

    it('refuses hoursPerWeek in exponent notation (5e-323) with 400 (was a 500 inside class-validator)', async () => {
      for (const hoursPerWeek of [5e-323, 1e-7, 1.25]) {
        const response = await request(http())
          .post(`${BASE}/functions`)
          .set(adminAuth)
          .send({ functionType: 'aandachtsfunctionaris', municipalityCode: 'GM0363', hoursPerWeek });
        expect(response.status).toBe(400);
        expect(response.body.invalidParams).toEqual(
          expect.arrayContaining([expect.objectContaining({ name: 'hoursPerWeek', code: 'isNumber' })]),
        );
      }
    });

    it('refuses a NUL character in the query, path or body with 400 (was a 500 from PostgreSQL: q=%00)', async () => {
      const query = await request(http()).get(`${BASE}/people/export?q=%00`).set(adminAuth);
      expect(query.status).toBe(400);
      expect(query.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'q', code: 'nul_character' }),
      ]);
      const path = await request(http()).get(`${BASE}/municipalities/GM%000363`);
      expect(path.status).toBe(400);
      const body = await request(http())
        .post(`${BASE}/organisations`)
        .set(adminAuth)
        .send({ name: 'Nul\u0000Org', contactPoints: [{ label: 'a\u0000b' }] });
      expect(body.status).toBe(400);
      expect(body.body.invalidParams[0].code).toBe('nul_character');
    });

    it('names the full path as the instance of a 415', async () => {
      const response = await request(http())
        .post(`${BASE}/organisations`)
        .set(adminAuth)
        .set('Content-Type', 'text/plain')
        .send('hello');
      expect(response.status).toBe(415);
      expect(response.body.instance).toBe(`${BASE}/organisations`);
    });
  });
});
