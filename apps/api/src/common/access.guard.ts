import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@ketenkaart/shared-domain';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppConfig } from '../config/app-config';
import { ACCESS_METADATA, AccessRule } from './access.decorator';
import { ADMIN_CALLER, ANONYMOUS_CALLER, setCaller } from './caller';
import { ProblemException } from './problem.exception';

/**
 * The one global guard. A route without an access rule is refused, so forgetting to declare one fails closed.
 * Until sign-in exists (issue 4) a permission is granted to a caller with the configured admin bearer token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new ProblemException(403, ErrorCode.forbidden, 'This route declares no access rule and is closed.');
    }
    const request = context.switchToHttp().getRequest<Request>();
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const admin = !!token && !!this.config.ADMIN_TOKEN && sameSecret(token, this.config.ADMIN_TOKEN);
    setCaller(request, admin ? ADMIN_CALLER : ANONYMOUS_CALLER);
    // A public route ignores a wrong token: the caller is then simply anonymous.
    if (rule.kind === 'public') return true;
    if (!token) throw new ProblemException(401, ErrorCode.unauthorized, 'Sign in to use this route.');
    if (!admin) throw new ProblemException(403, ErrorCode.forbidden, `Missing permission '${rule.permission}'.`);
    return true;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
