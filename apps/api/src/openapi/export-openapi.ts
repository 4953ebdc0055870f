/**
 * Writes the OpenAPI document to apps/api/openapi.json (committed; the web client is generated from it).
 * Usage: npm run openapi:generate      With --check: exit 1 when the committed file is out of date (CI).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import { createHttpAdapter } from '../http-adapter';
import { serializeOpenApi } from './openapi';
import { OpenApiDocumentHolder } from './openapi-document.holder';

const OPENAPI_FILE = path.resolve('apps/api/openapi.json');

async function main(): Promise<void> {
  process.env.PGLITE_DATA_DIR = 'memory://';
  process.env.WEB_DIST_DIR = '';
  delete process.env.DATABASE_URL;
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
    logger: false,
    bodyParser: false,
  });
  try {
    await configureApp(app);
    const text = serializeOpenApi(app.get(OpenApiDocumentHolder).document);
    if (process.argv.includes('--check')) {
      const committed = readFileSync(OPENAPI_FILE, 'utf8');
      if (committed !== text) {
        console.error('apps/api/openapi.json is out of date: run `npm run openapi:generate` and commit it.');
        process.exitCode = 1;
      } else console.log('apps/api/openapi.json matches the API.');
      return;
    }
    writeFileSync(OPENAPI_FILE, text);
    console.log(`Wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
