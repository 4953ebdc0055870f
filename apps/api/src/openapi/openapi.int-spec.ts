import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { createTestApp } from '../test/test-app';
import { serializeOpenApi } from './openapi';

const committedPath = path.resolve(__dirname, '../../openapi.json');

describe('OpenAPI document', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is served at /api/v1/openapi.json and equals the committed apps/api/openapi.json', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/openapi.json').expect(200);
    const committed = readFileSync(committedPath, 'utf8');
    // On failure: run `npm run openapi:generate` and commit apps/api/openapi.json and the web client.
    expect(serializeOpenApi(response.body)).toBe(committed);
  });

  it('carries contact information and a semver version (NL GOV API Design Rules)', () => {
    const document = JSON.parse(readFileSync(committedPath, 'utf8'));
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.info.contact).toEqual(
      expect.objectContaining({ name: expect.any(String), email: expect.any(String) }),
    );
  });

  it('uses kebab-case paths without trailing slashes under /api/v1, and camelCase query keys', () => {
    const document = JSON.parse(readFileSync(committedPath, 'utf8'));
    for (const [route, item] of Object.entries<
      Record<string, { parameters?: { in: string; name: string }[] }>
    >(document.paths)) {
      expect(route).toMatch(/^\/api\/v1(\/([a-z0-9]+(-[a-z0-9]+)*|\{[a-zA-Z]+\}))+$/);
      // The Open Referral HSDS feed speaks that standard's own API, whose query keys are snake_case (per_page).
      if (route.startsWith('/api/v1/hsds')) continue;
      for (const operation of Object.values(item)) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'query') expect(parameter.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        }
      }
    }
  });

  it('is the document the web client was generated from', () => {
    const client = readFileSync(
      path.resolve(__dirname, '../../../../libs/web/api-client/src/schema.d.ts'),
      'utf8',
    );
    const document = JSON.parse(readFileSync(committedPath, 'utf8'));
    // openapi-typescript writes every path as a key; a path missing here means the client is stale.
    for (const route of Object.keys(document.paths)) expect(client).toContain(`"${route}"`);
  });
});
