import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, ErrorCode, SessionStage } from '@ketenkaart/shared-domain';
import type { FastifyRequest as Request } from 'fastify';
import { sameSecret } from '../auth/secure-random';
import { SessionService, setResolvedSession } from '../auth/session.service';
import { AppConfig } from '../config/app-config';
import { ACCESS_METADATA, AccessRule } from './access.decorator';
import { ANONYMOUS_PRINCIPAL, Principal, SERVICE_PRINCIPAL, setPrincipal } from './principal';
import { ProblemException } from './problem.exception';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

interface Authentication {
  principal: Principal;
  /** CSRF token of the cookie session; null when the caller did not use a session. */
  csrfToken: string | null;
  failure?: 'session-expired' | 'bad-service-token';
}

/**
 * The one global guard. A route without an access rule is refused, so forgetting to declare one fails closed.
 * It establishes the Principal (session cookie, or the service token for automation), enforces CSRF on
 * state-changing requests of a session, the session's stage (second factor) and the route's permission.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        'This route declares no access rule and is closed.',
      );
    }
    const request = context.switchToHttp().getRequest<Request>();
    const stateChanging = !SAFE_METHODS.includes(request.method);
    if (stateChanging) this.checkOrigin(request);
    const { principal, csrfToken, failure } = await this.authenticate(request);
    setPrincipal(request, principal);
    // A public route ignores a wrong token or an expired session: the caller is then simply anonymous.
    if (rule.kind === 'public') return true;
    if (failure === 'bad-service-token')
      throw new ProblemException(403, ErrorCode.forbidden, 'The service token is not valid.');
    if (principal.kind === 'anonymous') {
      throw failure === 'session-expired'
        ? new ProblemException(401, ErrorCode.sessionExpired, 'The session expired; sign in again.')
        : new ProblemException(401, ErrorCode.unauthorized, 'Sign in to use this route.');
    }
    if (stateChanging && csrfToken !== null) this.checkCsrf(request, csrfToken);
    const stages = rule.kind === 'signed-in' ? rule.stages : [SessionStage.complete];
    if (!stages.includes(principal.stage)) {
      if (principal.stage === SessionStage.secondFactorRequired) {
        throw new ProblemException(
          403,
          ErrorCode.secondFactorRequired,
          'Enter the code of your authenticator app first.',
        );
      }
      if (principal.stage === SessionStage.enrolmentRequired) {
        throw new ProblemException(
          403,
          ErrorCode.twoFactorEnrolmentRequired,
          'Your role needs two-factor sign-in: set up an authenticator app first.',
        );
      }
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        'This route is only for a session that is still signing in.',
      );
    }
    if (rule.kind === 'permission' && !principal.can(rule.permission)) {
      throw new ProblemException(403, ErrorCode.forbidden, `Missing permission '${rule.permission}'.`);
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Authentication> {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      // The service token is for automation: a browser never gets to use it. Browsers send Sec-Fetch-Site on
      // every request; Node's fetch sends only Sec-Fetch-Mode, so that one alone does not mark a browser.
      const fromBrowser =
        request.headers['sec-fetch-site'] !== undefined || request.headers['sec-fetch-dest'] !== undefined;
      const valid = !!this.config.ADMIN_TOKEN && sameSecret(bearer, this.config.ADMIN_TOKEN) && !fromBrowser;
      return valid
        ? { principal: SERVICE_PRINCIPAL, csrfToken: null }
        : { principal: ANONYMOUS_PRINCIPAL, csrfToken: null, failure: 'bad-service-token' };
    }
    const resolved = await this.sessions.resolve(request);
    setResolvedSession(request, resolved === 'expired' ? null : resolved);
    if (resolved === 'expired')
      return { principal: ANONYMOUS_PRINCIPAL, csrfToken: null, failure: 'session-expired' };
    if (!resolved) return { principal: ANONYMOUS_PRINCIPAL, csrfToken: null };
    return { principal: resolved.principal, csrfToken: resolved.csrfToken };
  }

  /** Double-submit, bound to the session: the header must equal the token derived from this session's secret. */
  private checkCsrf(request: Request, expected: string): void {
    const given = request.headers[CSRF_HEADER.toLowerCase()];
    if (typeof given !== 'string' || !sameSecret(given, expected)) {
      throw new ProblemException(
        403,
        ErrorCode.csrfFailed,
        `Send the value of the kk_csrf cookie in the ${CSRF_HEADER} header.`,
      );
    }
  }

  /** Defence in depth for every state-changing request: a browser's Origin must be this portal. */
  private checkOrigin(request: Request): void {
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new ProblemException(403, ErrorCode.csrfFailed, 'Cross-site requests are refused.');
    }
    const origin = request.headers.origin;
    if (!origin) return;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new ProblemException(403, ErrorCode.csrfFailed, 'The Origin header is not valid.');
    }
    if (host !== request.headers.host && host !== new URL(this.config.PUBLIC_URL).host) {
      throw new ProblemException(403, ErrorCode.csrfFailed, `Requests from ${origin} are refused.`);
    }
  }
}
