import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AccountStatus,
  CSRF_COOKIE,
  requiresTwoFactor,
  SESSION_COOKIE,
  SessionStage,
} from '@ketenkaart/shared-domain';
import type { CookieSerializeOptions as CookieOptions } from '@fastify/cookie';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { createHash } from 'node:crypto';
import { In, LessThan, Not, Repository } from 'typeorm';
import { clientIp } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { makePrincipal, type Principal } from '../common/principal';
import { AppConfig } from '../config/app-config';
import { AccountEntity } from './account.entity';
import { randomToken, sha256Hex } from './secure-random';
import { SessionEntity, type SessionAuthMethod } from './session.entity';

/** Writing last_seen_at on every request would make each read a write; this resolution is precise enough. */
const TOUCH_INTERVAL_MS = 30_000;

export interface ResolvedSession {
  principal: Principal;
  session: SessionEntity;
  account: AccountEntity;
  /** The CSRF token that belongs to this session. */
  csrfToken: string;
}

/** Where the session stands: complete, or still waiting for the second factor or its enrolment. */
export function stageOf(
  account: AccountEntity,
  session: Pick<SessionEntity, 'twoFactorPassed'>,
): SessionStage {
  if (session.twoFactorPassed) return SessionStage.complete;
  if (account.totpSecret) return SessionStage.secondFactorRequired;
  if (requiresTwoFactor(account.roles)) return SessionStage.enrolmentRequired;
  return SessionStage.complete;
}

/**
 * The CSRF token of a session: derived from its secret token, so it is bound to the session without being
 * stored, cannot be computed by another site, and does not reveal the session token (SHA-256 preimage).
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`ketenkaart-csrf:${sessionToken}`).digest('base64url');
}

export function principalOfSession(account: AccountEntity, session: SessionEntity): Principal {
  return makePrincipal({
    kind: 'account',
    accountId: account.id,
    roles: account.roles,
    regionIds: account.regionIds,
    organisationId: account.organisationId,
    stage: stageOf(account, session),
    sessionId: session.id,
  });
}

/**
 * Server-side sessions in PostgreSQL (shared by every API instance). The browser holds a random token in the
 * HttpOnly `kk_session` cookie; the table holds its SHA-256. Idle and absolute timeouts come from AppConfig.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Starts a new session (a new id: any session the request still carried is ended first) and sets the cookies. */
  async start(
    account: AccountEntity,
    twoFactorPassed: boolean,
    request: Request,
    response: Response,
    authMethod: SessionAuthMethod = 'password',
  ): Promise<ResolvedSession> {
    const previous = tokenOf(request);
    if (previous) await this.sessions.delete({ tokenHash: sha256Hex(previous) });
    const now = this.clock.now();
    // Sessions that ran out are removed whenever their account signs in again.
    await this.sessions.delete({ accountId: account.id, expiresAt: LessThan(now) });
    const token = randomToken();
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: sha256Hex(token),
        accountId: account.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
        ip: clientIp(request),
        userAgent: (request.headers['user-agent'] ?? '').slice(0, 300) || null,
        twoFactorPassed,
        authMethod,
      }),
    );
    this.setCookies(response, token);
    return {
      principal: principalOfSession(account, session),
      session,
      account,
      csrfToken: csrfTokenFor(token),
    };
  }

  /**
   * After the second factor: the session gets a new token (and so a new CSRF token), because its privilege
   * changed. The row and its public id stay, as does the absolute expiry.
   */
  async elevate(resolved: ResolvedSession, response: Response): Promise<ResolvedSession> {
    const token = randomToken();
    resolved.session.tokenHash = sha256Hex(token);
    resolved.session.twoFactorPassed = true;
    resolved.session.lastSeenAt = this.clock.now();
    await this.sessions.save(resolved.session);
    this.setCookies(response, token);
    return {
      ...resolved,
      principal: principalOfSession(resolved.account, resolved.session),
      csrfToken: csrfTokenFor(token),
    };
  }

  /** The live session of the request's cookie, or `expired`/null. Ends sessions that ran out on the way. */
  async resolve(request: Request): Promise<ResolvedSession | 'expired' | null> {
    const token = tokenOf(request);
    if (!token) return null;
    // One statement (`findOne` with a relation sends two: the id with LIMIT 1, then the joined row); the token hash
    // is unique, so no LIMIT is needed. This runs on every signed-in request.
    const session = await this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.account', 'account')
      .where('session.token_hash = :tokenHash', { tokenHash: sha256Hex(token) })
      .getOne();
    if (!session?.account) return null;
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (
      now >= session.expiresAt ||
      now.getTime() >= idleLimit ||
      session.account.status !== AccountStatus.active
    ) {
      await this.sessions.delete({ id: session.id });
      return 'expired';
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.sessions.update({ id: session.id }, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    const account = session.account;
    return {
      principal: principalOfSession(account, session),
      session,
      account,
      csrfToken: csrfTokenFor(token),
    };
  }

  list(accountId: string): Promise<SessionEntity[]> {
    return this.sessions.find({ where: { accountId }, order: { lastSeenAt: 'DESC' } });
  }

  /** Ends one session of the account; false when it has no such session (someone else's id counts as none). */
  async endOne(accountId: string, sessionId: string): Promise<boolean> {
    const result = await this.sessions.delete({ id: sessionId, accountId });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every session of the account, except `keepSessionId` when given; returns how many ended. */
  async endAll(accountId: string, keepSessionId?: string | null): Promise<number> {
    const result = await this.sessions.delete(
      keepSessionId ? { accountId, id: Not(keepSessionId) } : { accountId },
    );
    return result.affected ?? 0;
  }

  async endMany(accountIds: string[]): Promise<void> {
    if (accountIds.length > 0) await this.sessions.delete({ accountId: In(accountIds) });
  }

  clearCookies(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieOptions(true));
    response.clearCookie(CSRF_COOKIE, this.cookieOptions(false));
  }

  private setCookies(response: Response, token: string): void {
    // No Max-Age: the cookie ends with the browser; the server enforces idle and absolute expiry anyway.
    response.cookie(SESSION_COOKIE, token, this.cookieOptions(true));
    response.cookie(CSRF_COOKIE, csrfTokenFor(token), this.cookieOptions(false));
  }

  private cookieOptions(httpOnly: boolean): CookieOptions {
    return {
      httpOnly,
      secure: this.config.SESSION_COOKIE_SECURE,
      sameSite: httpOnly ? 'lax' : 'strict',
      path: '/',
    };
  }
}

const RESOLVED = Symbol('ketenkaart:session');

/** The guard keeps the session it resolved on the request, so services need not look it up again. */
export function setResolvedSession(request: Request, resolved: ResolvedSession | null): void {
  (request as Request & { [RESOLVED]?: ResolvedSession | null })[RESOLVED] = resolved;
}

export function resolvedSessionOf(request: Request): ResolvedSession | null {
  return (request as Request & { [RESOLVED]?: ResolvedSession | null })[RESOLVED] ?? null;
}

export function tokenOf(request: Request): string | null {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}
