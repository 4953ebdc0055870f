import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { API_BASE_PATH } from '@ketenkaart/shared-domain';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { json, text } from 'express';
import helmet from 'helmet';
import { apiConventions } from './common/api-conventions.middleware';
import { bodyParserErrors } from './common/body-parser-errors.middleware';
import { limitJsonDepth } from './common/json-depth.middleware';
import { refuseNulCharacters } from './common/nul-character.middleware';
import { noStoreForPersonalData } from './common/cache-control.middleware';
import { requireJsonBody } from './common/content-type.middleware';
import { webStatic } from './common/web-static';
import { DIRECTORY_IMPORTS_PATH } from './directory/import/directory-import.controller';
import { AppConfig } from './config/app-config';
import { buildOpenApiDocument } from './openapi/openapi';
import { OpenApiDocumentHolder } from './openapi/openapi-document.holder';

/** Everything an app instance needs besides its modules; shared by main.ts, the tests and the OpenAPI export. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix(API_BASE_PATH.slice(1));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );
  app.use(compression());
  app.use(cookieParser());
  app.use(API_BASE_PATH, noStoreForPersonalData);
  app.use(API_BASE_PATH, apiConventions, requireJsonBody);
  // The CSV import alone takes text/csv and larger bodies (spreadsheets of a few thousand rows).
  app.use(
    `${API_BASE_PATH}${DIRECTORY_IMPORTS_PATH}`,
    text({ type: 'text/csv', limit: '10mb' }),
    json({ limit: '10mb' }),
  );
  app.useBodyParser('json', { limit: '256kb', type: ['application/json', 'application/merge-patch+json'] });
  app.use(limitJsonDepth);
  app.use(API_BASE_PATH, refuseNulCharacters);
  app.use(bodyParserErrors);
  const web = config.WEB_DIST_DIR ? webStatic(config.resolvePath(config.WEB_DIST_DIR)) : null;
  if (web) app.use(...web);
  const document = buildOpenApiDocument(app);
  app.get(OpenApiDocumentHolder).document = document;
  SwaggerModule.setup('api/docs', app, document, { useGlobalPrefix: false, raw: false });
  return app;
}
