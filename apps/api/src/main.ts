import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { SetupService } from './database/setup.service';
import { createHttpAdapter } from './http-adapter';

async function bootstrap(): Promise<void> {
  // Validate before anything else starts, so a wrong variable stops the process with a clear message.
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await configureApp(app);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: finishing requests in flight, then closing the database`);
      // Requests in flight get the grace period; after that the process ends regardless.
      setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
      // server.close() waits for keep-alive connections to go idle and time out (5 s); close them as soon as their
      // response is sent, so that a drained instance exits at once.
      const server: Server = app.getHttpServer();
      setInterval(() => server.closeIdleConnections(), 100).unref();
    });
  }
  await app.get(SetupService).run();
  // All interfaces (as a plain Node server would), IPv4 only where the host has no IPv6 (some containers).
  await app.listen(config.PORT, '::').catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EAFNOSUPPORT' && error.code !== 'EADDRNOTAVAIL') throw error;
    await app.listen(config.PORT, '0.0.0.0');
  });
  logger.log(
    `Ketenkaart listening on http://localhost:${config.PORT} (${config.usesEmbeddedDatabase ? `embedded database in ${config.PGLITE_DATA_DIR}` : 'PostgreSQL server'})`,
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Ketenkaart could not start:', error);
  }
  process.exit(1);
});
