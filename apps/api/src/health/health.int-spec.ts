import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '../test/test-app';
import { TcpProxy } from '../test/tcp-proxy';

describe('GET /api/v1/health', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers ok with the database up, with the API-Version header', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
    expect(response.headers['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

// A server outage can only happen with a PostgreSQL server; the embedded database lives in the process.
const describeWithServer = process.env.DATABASE_URL ? describe : describe.skip;

describeWithServer('GET /api/v1/health when the PostgreSQL server goes away', () => {
  let app: NestFastifyApplication;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    target.host = `127.0.0.1:${port}`;
    app = await createTestApp({ DATABASE_URL: target.toString(), DATABASE_CONNECT_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await app.close();
    await proxy.stop();
  });

  it('turns 503 while the database is unreachable and back to 200 without a restart', async () => {
    const port = proxy.port;
    await proxy.stop();
    const down = await request(app.getHttpServer()).get('/api/v1/health').expect(503);
    expect(down.body).toEqual({ status: 'unavailable', database: 'down' });
    // Any route that needs the database answers 503 with Retry-After, never a 500.
    const read = await request(app.getHttpServer()).get('/api/v1/organisations').expect(503);
    expect(read.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(read.headers['retry-after']).toBe('5');
    expect(read.body).toMatchObject({ status: 503, code: 'database_unavailable' });
    await proxy.start(port);
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await request(app.getHttpServer()).get('/api/v1/health')).status;
    }
    expect(status).toBe(200);
  });
});
