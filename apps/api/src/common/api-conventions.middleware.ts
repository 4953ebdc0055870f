import { API_BASE_PATH, API_VERSION, ErrorCode } from '@ketenkaart/shared-domain';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from './correlation-id';

/**
 * NL GOV API Design Rules that hold for every API response: the full `API-Version` header, the correlation id
 * echoed back, and no trailing slashes (a path ending in `/` is a different, non-existent resource).
 */
export function apiConventions(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('API-Version', API_VERSION);
  response.setHeader('X-Correlation-Id', correlationIdOf(request));
  const path = request.originalUrl.split('?')[0];
  if (path.length > API_BASE_PATH.length + 1 && path.endsWith('/')) {
    response
      .status(404)
      .type('application/problem+json')
      .json({
        type: 'https://ketenkaart.nl/problems/route-not-found',
        title: 'Not Found',
        status: 404,
        detail: `Paths have no trailing slash: use ${path.replace(/\/+$/, '')}.`,
        instance: path,
        code: ErrorCode.routeNotFound,
        correlationId: correlationIdOf(request),
      });
    return;
  }
  next();
}
