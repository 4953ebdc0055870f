import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './common/access.guard';
import { CoreModule } from './common/core.module';
import { assignCorrelationId } from './common/correlation-id';
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
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (request) => assignCorrelationId(request),
          customProps: () => ({ service: 'ketenkaart-api' }),
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
          transport:
            config.LOG_FORMAT === 'pretty'
              ? { target: 'pino-pretty', options: { singleLine: true } }
              : undefined,
        },
      }),
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
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
