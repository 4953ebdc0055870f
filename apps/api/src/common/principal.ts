import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import {
  ErrorCode,
  hasRegionAccess,
  NATIONWIDE_ROLES,
  Permission,
  permissionsOf,
  Role,
  SessionStage,
} from '@ketenkaart/shared-domain';
import type { FastifyRequest as Request } from 'fastify';
import { ProblemException } from './problem.exception';

/**
 * Who is calling, as the global guard established it from the session cookie (or the service token).
 * Controllers receive it with `@CurrentPrincipal()` and pass it to the service, whose methods open with one
 * access check (`assertRegionAccess`, `assertOrganisationAccess`).
 */
export interface Principal {
  kind: 'account' | 'service' | 'anonymous';
  /** Recorded as the "who" of changes and audit events: `account:<id>`, `service:admin-token` or `anonymous`. */
  actor: string;
  accountId: string | null;
  roles: readonly Role[];
  /** Empty until the session is `complete` (second factor passed or not required). */
  permissions: readonly Permission[];
  regionIds: readonly string[];
  organisationId: string | null;
  stage: SessionStage;
  /** Public id of the session (not its token); null for the service principal and the anonymous public. */
  sessionId: string | null;
  /** Where the request came from, for the audit trail of changes made deep inside services. */
  origin: { ip: string | null; correlationId: string | null };
  can(permission: Permission): boolean;
}

export interface PrincipalInit {
  kind: Principal['kind'];
  accountId: string | null;
  roles: readonly Role[];
  regionIds?: readonly string[];
  organisationId?: string | null;
  stage: SessionStage;
  sessionId?: string | null;
  actor?: string;
}

export function makePrincipal(init: PrincipalInit): Principal {
  const permissions = init.stage === SessionStage.complete ? permissionsOf(init.roles) : [];
  return {
    kind: init.kind,
    actor: init.actor ?? (init.accountId ? `account:${init.accountId}` : 'anonymous'),
    accountId: init.accountId,
    roles: init.roles,
    permissions,
    regionIds: init.regionIds ?? [],
    organisationId: init.organisationId ?? null,
    stage: init.stage,
    sessionId: init.sessionId ?? null,
    origin: { ip: null, correlationId: null },
    can: (permission) => permissions.includes(permission),
  };
}

export const ANONYMOUS_PRINCIPAL: Principal = makePrincipal({
  kind: 'anonymous',
  accountId: null,
  roles: [Role.public],
  stage: SessionStage.complete,
});

/** The holder of ADMIN_TOKEN: automation and tests, acting as a beheerder. Never a browser. */
export const SERVICE_PRINCIPAL: Principal = makePrincipal({
  kind: 'service',
  accountId: null,
  actor: 'service:admin-token',
  roles: [Role.beheerder],
  stage: SessionStage.complete,
});

const PRINCIPAL = Symbol('ketenkaart:principal');

/** Attaches the principal to its request, stamped with the request's origin (IP, correlation id). */
export function setPrincipal(request: Request, principal: Principal): void {
  const origin = {
    ip: (request.ip ?? request.socket?.remoteAddress ?? null)?.slice(0, 64) ?? null,
    correlationId: (request as Request & { id?: string }).id ?? null,
  };
  (request as Request & { [PRINCIPAL]?: Principal })[PRINCIPAL] = { ...principal, origin };
}

export function principalOf(request: Request): Principal {
  return (request as Request & { [PRINCIPAL]?: Principal })[PRINCIPAL] ?? ANONYMOUS_PRINCIPAL;
}

/** Injects the Principal into a controller method. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<Request>()),
);

/**
 * Region scope of a record. Throws 404 — not 403 — when none of the record's regions is in the principal's
 * scope, so guessing ids reveals nothing about records of other regions (no IDOR). Nationwide roles pass.
 */
export function assertRegionAccess(
  principal: Principal,
  recordRegionIds: readonly string[],
  what = 'Record',
  id = '',
): void {
  if (!hasRegionAccess(principal.roles, principal.regionIds, recordRegionIds)) {
    throw new ProblemException(
      404,
      ErrorCode.notFound,
      `${what} ${id ? `'${id}' ` : ''}does not exist.`.replace('  ', ' '),
    );
  }
}

/** Organisation scope (e.g. a hand-off inbox): 404 unless the record is addressed to the principal's organisation. */
export function assertOrganisationAccess(
  principal: Principal,
  recordOrganisationId: string | null,
  what = 'Record',
  id = '',
): void {
  const nationwide = principal.roles.some((role) => NATIONWIDE_ROLES.includes(role));
  if (!nationwide && (!recordOrganisationId || recordOrganisationId !== principal.organisationId)) {
    throw new ProblemException(
      404,
      ErrorCode.notFound,
      `${what} ${id ? `'${id}' ` : ''}does not exist.`.replace('  ', ' '),
    );
  }
}
