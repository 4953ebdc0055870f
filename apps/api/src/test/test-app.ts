import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import { SetupService } from '../database/setup.service';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * A full app on a real database: the server named by DATABASE_URL (CI), else a fresh embedded PGlite in memory.
 * Migrations, reference data and the demo seed run exactly as in production.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<NestExpressApplication> {
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
    const app = await NestFactory.create<NestExpressApplication>(AppModule, {
      logger: false,
      bodyParser: false,
      abortOnError: false,
    });
    configureApp(app);
    await app.get(SetupService).run();
    await app.init();
    return app;
  } finally {
    process.env = saved;
  }
}

export const adminAuth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
