import { ErrorCode } from '@ketenkaart/shared-domain';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from './correlation-id';

const ACCEPTED = ['application/json', 'application/merge-patch+json'];
/** Routes that also take another body type (path below the API base → extra types). */
const EXTRA_ACCEPTED: Record<string, readonly string[]> = { 'POST /directory/imports': ['text/csv'] };

/** A request body must be JSON; anything else gets 415 instead of being read as an empty object. */
export function requireJsonBody(request: Request, response: Response, next: NextFunction): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const extra = EXTRA_ACCEPTED[`${request.method} ${request.path.replace(/\/$/, '')}`] ?? [];
  if (!hasBody || ACCEPTED.includes(type) || extra.includes(type)) return next();
  response
    .status(415)
    .type('application/problem+json')
    .json({
      type: 'https://ketenkaart.nl/problems/unsupported-media-type',
      title: 'Unsupported Media Type',
      status: 415,
      detail: `Send the body as ${[...ACCEPTED.slice(0, 1), ...extra].join(' or ')} (got '${type || 'none'}').`,
      instance: request.originalUrl.split('?')[0],
      code: ErrorCode.unsupportedMediaType,
      correlationId: correlationIdOf(request),
    });
}
