import { ErrorCode } from '@ketenkaart/shared-domain';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem.exception';

/** No request body of this API nests deeper than a few levels; 32 leaves ample room. */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests arrays/objects deeper than `max` levels (iterative: any depth is safe to check). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Refuses a parsed JSON body that nests deeper than MAX_JSON_DEPTH. Validation and transformation walk bodies
 * recursively, so a body like `{"a":{"a":…}}` twenty thousand levels deep would otherwise overflow the stack (500).
 */
export function limitJsonDepth(request: Request, _response: Response, next: NextFunction): void {
  if (
    request.body !== null &&
    typeof request.body === 'object' &&
    nestsDeeperThan(request.body, MAX_JSON_DEPTH)
  ) {
    const reason = `The request body nests more than ${MAX_JSON_DEPTH} levels deep.`;
    return next(
      new ProblemException(400, ErrorCode.invalidJson, reason, [
        { name: 'body', code: ErrorCode.invalidJson, reason },
      ]),
    );
  }
  next();
}
