import { API_BASE_PATH, API_VERSION, ErrorCode } from '@ketenkaart/shared-domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { correlationIdOf } from './correlation-id';
import { ProblemException } from './problem.exception';

/** Answers about people, sessions and the audit trail must not stay in a browser or proxy cache (ASVS 8.2.1). */
const PERSONAL = /^\/(auth|account|accounts|invitations|password-resets|audit-events)(\/|$)/;

const ACCEPTED = ['application/json', 'application/merge-patch+json'];
/** Routes that also take another body type (path below the API base → extra types). */
const EXTRA_ACCEPTED: Record<string, readonly string[]> = { 'POST /directory/imports': ['text/csv'] };

/**
 * NL GOV API Design Rules that hold for every API response, checked before anything else runs (Fastify onRequest):
 * the full `API-Version` header, the correlation id echoed back, no trailing slashes (a path ending in `/` is a
 * different, non-existent resource), `Cache-Control: no-store` on personal data, and 415 for a body that is not JSON
 * (instead of it being read as an empty object).
 */
export async function apiConventions(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const url = request.url;
  if (url !== API_BASE_PATH && !url.startsWith(`${API_BASE_PATH}/`) && !url.startsWith(`${API_BASE_PATH}?`))
    return;
  reply.header('API-Version', API_VERSION);
  reply.header('X-Correlation-Id', correlationIdOf(request.raw));
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (path.length > API_BASE_PATH.length + 1 && path.endsWith('/')) {
    throw new ProblemException(
      404,
      ErrorCode.routeNotFound,
      `Paths have no trailing slash: use ${path.replace(/\/+$/, '')}.`,
    );
  }
  const below = path.slice(API_BASE_PATH.length);
  if (PERSONAL.test(below)) reply.header('Cache-Control', 'no-store');
  const headers = request.headers;
  const hasBody = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
  if (!hasBody) return;
  const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const extra = EXTRA_ACCEPTED[`${request.method} ${below}`] ?? [];
  if (ACCEPTED.includes(type) || extra.includes(type)) return;
  throw new ProblemException(
    415,
    ErrorCode.unsupportedMediaType,
    `Send the body as ${[...ACCEPTED.slice(0, 1), ...extra].join(' or ')} (got '${type || 'none'}').`,
  );
}
