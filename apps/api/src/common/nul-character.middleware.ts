import { ErrorCode, InvalidParam } from '@ketenkaart/shared-domain';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem.exception';

/** Where a NUL character (U+0000) hides in a parsed value: `q`, `contactPoints.0.label`, … (null when none). */
export function nulCharacterAt(value: unknown, name: string): string | null {
  const stack: [unknown, string][] = [[value, name]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}

/**
 * Refuses a NUL character anywhere in the path, query or body with 400. PostgreSQL cannot hold NUL in text, so
 * such a value used to reach the database and fail there as a 500 (found by the API fuzzer: `q=%00`).
 */
export function refuseNulCharacters(request: Request, _response: Response, next: NextFunction): void {
  const found = /%00/.test(request.path)
    ? 'path'
    : (nulCharacterAt(request.query, '') ??
      nulCharacterAt(request.body, typeof request.body === 'string' ? 'body' : ''));
  if (found === null) return next();
  const reason = `'${found}' contains a NUL character (U+0000), which no field accepts.`;
  const invalidParams: InvalidParam[] = [{ name: found, code: 'nul_character', reason }];
  next(new ProblemException(400, ErrorCode.validationFailed, reason, invalidParams));
}
