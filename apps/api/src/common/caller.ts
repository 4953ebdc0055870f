import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Permission } from '@ketenkaart/shared-domain';
import type { Request } from 'express';

/**
 * Who is calling, as the global guard established it. Until sign-in exists (issue 4) there are two callers:
 * the holder of the admin token, who holds every permission, and the anonymous public.
 */
export interface Caller {
  /** Recorded as the "who" of changes. */
  actor: string;
  can(permission: Permission): boolean;
}

export const ANONYMOUS_CALLER: Caller = { actor: 'anonymous', can: () => false };
export const ADMIN_CALLER: Caller = { actor: 'admin-token', can: () => true };

const CALLER = Symbol('ketenkaart:caller');

export function setCaller(request: Request, caller: Caller): void {
  (request as Request & { [CALLER]?: Caller })[CALLER] = caller;
}

export function callerOf(request: Request): Caller {
  return (request as Request & { [CALLER]?: Caller })[CALLER] ?? ANONYMOUS_CALLER;
}

/** Injects the Caller into a controller method. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller =>
  callerOf(context.switchToHttp().getRequest<Request>()),
);
