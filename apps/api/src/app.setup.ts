import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { API_BASE_PATH } from '@ketenkaart/shared-domain';
import { apiConventions } from './common/api-conventions.hook';
import { registerBodyParsers } from './common/body-parsers';
import { registerSecurityHeaders } from './common/security-headers';
import { refuseNulCharacters } from './common/nul-character';
import { webStatic } from './common/web-static';
import { AppConfig } from './config/app-config';
import { buildOpenApiDocument } from './openapi/openapi';
import { OpenApiDocumentHolder } from './openapi/openapi-document.holder';

/**
 * Everything an app instance needs besides its modules; shared by main.ts, the tests and the OpenAPI export.
 * The HTTP layer is Fastify (see the README, "Why Fastify"): hooks in the order a request meets them —
 * onRequest (security headers, cookies, API conventions and the 415 check), body parsing (JSON with depth and NUL
 * checks, CSV for the import), preValidation (NUL characters in path and query), then Nest's guards and pipes.
 */
export async function configureApp(app: NestFastifyApplication): Promise<INestApplication> {
  const config = app.get(AppConfig);
  app.setGlobalPrefix(API_BASE_PATH.slice(1));
  const fastify = app.getHttpAdapter().getInstance();
  registerSecurityHeaders(fastify, {
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
  });
  // Also inflates gzip/deflate request bodies, as body-parser did; the size limits apply to the inflated body.
  await app.register(fastifyCompress);
  await app.register(fastifyCookie);
  fastify.addHook('onRequest', apiConventions);
  registerBodyParsers(fastify);
  fastify.addHook('preValidation', refuseNulCharacters);
  if (config.WEB_DIST_DIR) await webStatic(fastify, config.resolvePath(config.WEB_DIST_DIR));
  const document = buildOpenApiDocument(app);
  app.get(OpenApiDocumentHolder).document = document;
  SwaggerModule.setup('api/docs', app, document, { useGlobalPrefix: false, raw: false });
  return app;
}
