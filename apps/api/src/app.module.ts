import { Module } from '@nestjs/common';
import { hostname } from 'node:os';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { logDestination, LogFlush } from './common/log-destination';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './common/access.guard';
import { CoreModule } from './common/core.module';
import { correlationIdOf } from './common/correlation-id';
import { redactLinkTokens } from './common/redact';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DirectoryModule } from './directory/directory.module';
import { DirectoryExportModule } from './directory/export/directory-export.module';
import { DirectoryImportModule } from './directory/import/directory-import.module';
import { GeoModule } from './geo/geo.module';
import { HandoffsModule } from './handoffs/handoffs.module';
import { HealthModule } from './health/health.module';
import { HandoffJobsModule } from './jobs/handoff-jobs.module';
import { JobsModule } from './jobs/jobs.module';
import { HsdsModule } from './hsds/hsds.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpenApiModule } from './openapi/openapi.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { RegionsModule } from './regions/regions.module';
import { ResponsibilitiesModule } from './responsibilities/responsibilities.module';

@Module({
  imports: [
    ConfigModule,
    CoreModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options: PinoHttpOptions = {
          level: config.LOG_LEVEL,
          genReqId: (request) => correlationIdOf(request),
          // On the logger itself, so it is serialised once and not merged into each request's line.
          base: { pid: process.pid, hostname: hostname(), service: 'ketenkaart-api' },
          // Method, path and status only: headers and query strings may carry tokens or search terms.
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              path: redactLinkTokens(request.url.split('?')[0]),
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
          autoLogging: { ignore: (request) => request.url === '/api/v1/health' },
        };
        // Development: pretty lines through pino-pretty. Otherwise JSON lines written asynchronously (request logging
        // with a synchronous write per line cost a third of a cached search's CPU), flushed at shutdown (LogFlush).
        return config.LOG_FORMAT === 'pretty'
          ? { pinoHttp: { ...options, transport: { target: 'pino-pretty', options: { singleLine: true } } } }
          : { pinoHttp: [options, logDestination()] };
      },
    }),
    DatabaseModule,
    AuditModule,
    AuthModule,
    ReferenceDataModule,
    HealthModule,
    RegionsModule,
    MunicipalitiesModule,
    // Before DirectoryModule: its `organisations/:id` would otherwise take `organisations/export`.
    DirectoryExportModule,
    DirectoryModule,
    DirectoryImportModule,
    HsdsModule,
    ResponsibilitiesModule,
    JobsModule,
    HandoffsModule,
    NotificationsModule,
    HandoffJobsModule,
    MonitoringModule,
    GeoModule,
    OpenApiModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    LogFlush,
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
