import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import { SetupService } from '../database/setup.service';
import { createHttpAdapter } from '../http-adapter';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * A full app on a real database: the server named by DATABASE_URL (CI), else a fresh embedded PGlite in memory.
 * Migrations, reference data and the demo seed run exactly as in production.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    PGLITE_DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    // No background job worker: tests run due jobs themselves (JobQueue.runDueJobs) with their own clock.
    JOB_POLL_INTERVAL_MS: '0',
    ...env,
  });
  try {
    const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
      logger: false,
      bodyParser: false,
      abortOnError: false,
    });
    await configureApp(app);
    await app.get(SetupService).run();
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  } finally {
    process.env = saved;
  }
}

export const adminAuth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
