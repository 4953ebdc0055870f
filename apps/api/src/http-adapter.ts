import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { IMPORT_BODY_LIMIT_BYTES } from './common/body-parsers';
import { correlationIdOf } from './common/correlation-id';
import { ProblemException } from './common/problem.exception';
import { ProblemFilter } from './common/problem.filter';
import { API_VERSION, ErrorCode } from '@ketenkaart/shared-domain';

/**
 * The HTTP layer: Fastify, through Nest's adapter. Express cost 2.5–3 times a bare `node:http` server per request
 * on this API's hottest read (README, "Directory at 10× size"); Fastify about 1.3 times.
 * - The correlation id (from a proxy's X-Correlation-Id, or new) is Fastify's request id and pino's.
 * - Only the loopback proxy is trusted for X-Forwarded-* (as Express's `trust proxy` was).
 * - Path parameters may be long (link tokens), so a too-long one is refused by validation, not by the router.
 * - The body limit here is the import's; other routes are held to 256 kB by the body parsers (common/body-parsers).
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    trustProxy: 'loopback',
    genReqId: (request: IncomingMessage) => correlationIdOf(request),
    bodyLimit: IMPORT_BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 1000 },
    // A path the router cannot decode, or with a parameter beyond maxParamLength: 400 as a problem, like any other
    // bad input (Fastify would answer in its own JSON shape, before the onRequest hooks set the API's headers).
    frameworkErrors: (_error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      reply.header('API-Version', API_VERSION);
      reply.header('X-Correlation-Id', correlationIdOf(request.raw));
      const reason = 'The path is malformed or a path parameter is too long.';
      new ProblemFilter().send(
        new ProblemException(400, ErrorCode.validationFailed, reason, [
          { name: 'path', code: 'invalid_path', reason },
        ]),
        request,
        reply,
      );
    },
  });
}
