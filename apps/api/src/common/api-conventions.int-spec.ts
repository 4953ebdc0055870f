import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import request from 'supertest';
import { adminAuth, createTestApp } from '../test/test-app';
import { ACCESS_METADATA } from './access.decorator';

describe('NL GOV API conventions', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends the full API-Version on successes and errors alike', async () => {
    for (const path of ['/api/v1/region-types', '/api/v1/nothing-here', '/api/v1/municipalities/GM9999']) {
      const response = await request(http).get(path);
      expect(response.headers['api-version']).toBe('1.0.0');
    }
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const response = await request(http).get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'route_not_found', title: 'Not Found' });
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
  });

  it('treats a trailing slash as a different, missing resource', async () => {
    const response = await request(http).get('/api/v1/region-types/').expect(404);
    expect(response.body.detail).toContain('/api/v1/region-types');
  });

  it('answers malformed JSON with 400 invalid_json, not a 500', async () => {
    const response = await request(http)
      .post('/api/v1/regions')
      .set(adminAuth)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.code).toBe('invalid_json');
  });

  it('answers a non-JSON body with 415', async () => {
    const response = await request(http)
      .post('/api/v1/regions')
      .set(adminAuth)
      .set('Content-Type', 'text/plain')
      .send('name=x')
      .expect(415);
    expect(response.body.code).toBe('unsupported_media_type');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await request(http)
      .post('/api/v1/regions')
      .set(adminAuth)
      .send({ typeCode: 'ketenregie', name: 'x'.repeat(300_000), municipalityCodes: [] })
      .expect(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('answers a path the router cannot read with a 400 problem naming the path', async () => {
    const calls = [
      request(http).get('/api/v1/organisations/%E0%A4%A'),
      request(http)
        .patch(`/api/v1/handoffs/${'a'.repeat(1_100)}`)
        .set(adminAuth)
        .send({}),
    ];
    for (const call of calls) {
      const response = await call.expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
      expect(response.body).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(response.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'path', code: 'invalid_path' }),
      ]);
    }
  });

  it('answers a JSON body in another charset than UTF-8 with 415, and empty JSON as no body', async () => {
    const latin1 = await request(http)
      .post('/api/v1/regions')
      .set(adminAuth)
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{"name":"x"}')
      .expect(415);
    expect(latin1.body.code).toBe('unsupported_media_type');
    const empty = await request(http)
      .post('/api/v1/regions')
      .set(adminAuth)
      .set('Content-Type', 'application/json')
      .send('')
      .expect(400);
    expect(empty.body.code).toBe('validation_failed');
  });

  it('answers wrong types in the body with 400 naming the field', async () => {
    const response = await request(http)
      .post('/api/v1/regions')
      .set(adminAuth)
      .send({ typeCode: 42, name: ['x'], municipalityCodes: 'GM0363' })
      .expect(400);
    const fields = response.body.invalidParams.map((param: { name: string }) => param.name);
    expect(fields).toEqual(expect.arrayContaining(['typeCode', 'name', 'municipalityCodes']));
  });

  it('sends security headers and a strict CSP without unsafe-inline', async () => {
    const response = await request(http).get('/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('declares an access rule on every route (deny by default)', () => {
    const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [
      ...module.controllers.values(),
    ]);
    const reflector = app.get(Reflector);
    const scanner = new MetadataScanner();
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of controllers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        routes++;
        const rule = reflector.getAllAndOverride(ACCESS_METADATA, [handler, wrapper.metatype as object]);
        if (!rule) undeclared.push(`${wrapper.name}.${method}`);
      }
    }
    expect(routes).toBeGreaterThan(5);
    expect(undeclared).toEqual([]);
  });
});
