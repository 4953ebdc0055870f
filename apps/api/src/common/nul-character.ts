import { ErrorCode, InvalidParam } from '@ketenkaart/shared-domain';
import type { FastifyRequest } from 'fastify';
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

export function nulCharacterProblem(found: string): ProblemException {
  const reason = `'${found}' contains a NUL character (U+0000), which no field accepts.`;
  const invalidParams: InvalidParam[] = [{ name: found, code: 'nul_character', reason }];
  return new ProblemException(400, ErrorCode.validationFailed, reason, invalidParams);
}

/**
 * Refuses a NUL character in the path or query with 400 (bodies are checked by the body parsers). PostgreSQL cannot
 * hold NUL in text, so such a value used to reach the database and fail there as a 500 (found by the API fuzzer:
 * `q=%00`).
 */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  const query = request.url.indexOf('?');
  const path = query === -1 ? request.url : request.url.slice(0, query);
  const found = /%00/.test(path) ? 'path' : nulCharacterAt(request.query, '');
  if (found !== null) throw nulCharacterProblem(found);
}
