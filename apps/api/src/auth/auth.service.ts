import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, ErrorCode, SessionStage } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { Repository } from 'typeorm';
import { AuditService, clientIp } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { principalOf } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';
import { foldEmail, toAccountSummary } from './account-mapper';
import { AccountEntity } from './account.entity';
import { SecondFactorDto, SessionInfoDto, SignInDto } from './dto/auth.dto';
import { PasswordService } from './password.service';
import { SecondFactorService } from './second-factor.service';
import { ResolvedSession, resolvedSessionOf, SessionService } from './session.service';
import {
  ACCOUNT_POLICY,
  IP_POLICY,
  SECOND_FACTOR_POLICY,
  SignInThrottleService,
  ThrottledException,
} from './sign-in-throttle.service';

/** One message for every failed sign-in, so that it never tells whether the address has an account. */
const INVALID_CREDENTIALS = 'The e-mail address or password is not correct.';

/** Sign-in (password, then second factor), sign-out and "who am I". */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Unknown address, wrong password, invited or disabled account: the same 401, the same body and the same
   * work (one Argon2 verification, one throttle update, one audit insert), so neither the answer nor its
   * timing tells them apart.
   */
  async signIn(dto: SignInDto, request: Request, response: Response): Promise<SessionInfoDto> {
    const email = foldEmail(dto.email);
    const accountKey = `account:${email}`;
    const ipKey = `ip:${clientIp(request) ?? 'unknown'}`;
    try {
      await this.throttle.attempt(
        [
          { key: accountKey, policy: ACCOUNT_POLICY },
          { key: ipKey, policy: IP_POLICY },
        ],
        this.clock.now(),
      );
    } catch (error) {
      if (error instanceof ThrottledException) {
        await this.audit.record({
          action: 'auth.sign-in',
          outcome: 'denied',
          request,
          details: { reason: 'throttled', retryAfterSeconds: error.retryAfterSeconds },
        });
      }
      throw error;
    }
    const account = await this.accounts.findOne({ where: { email } });
    const usable = account?.status === AccountStatus.active && account.passwordHash ? account : null;
    const ok = await this.passwords.verify(usable?.passwordHash ?? null, dto.password);
    if (!ok || !usable) {
      await this.audit.record({
        action: 'auth.sign-in',
        outcome: 'failure',
        request,
        principal: { actor: 'anonymous', accountId: account?.id ?? null },
        recordType: account ? 'account' : undefined,
        recordId: account?.id,
        details: {
          reason: !account ? 'unknown-account' : !usable ? `account-${account.status}` : 'wrong-password',
        },
      });
      throw new ProblemException(401, ErrorCode.invalidCredentials, INVALID_CREDENTIALS);
    }
    await this.throttle.succeeded([accountKey], [ipKey]);
    const resolved = await this.sessions.start(usable, false, request, response);
    await this.accounts.update({ id: usable.id }, { lastSignInAt: this.clock.now() });
    await this.audit.record({
      action: 'auth.sign-in',
      request,
      principal: resolved.principal,
      recordType: 'account',
      recordId: usable.id,
      details: { stage: resolved.principal.stage },
    });
    return this.info(resolved);
  }

  /** The second step: a TOTP code (one use per 30-second step) or one recovery code. Throttled per account. */
  async completeSecondFactor(
    dto: SecondFactorDto,
    request: Request,
    response: Response,
  ): Promise<SessionInfoDto> {
    const resolved = resolvedSessionOf(request);
    if (!resolved || resolved.principal.stage !== SessionStage.secondFactorRequired) {
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        'This session is not waiting for a second factor.',
      );
    }
    const account = resolved.account;
    const key = `totp:${account.id}`;
    const now = this.clock.now();
    await this.throttle.attempt([{ key, policy: SECOND_FACTOR_POLICY }], now);
    const method = await this.secondFactor.verifyAndSpend(account, dto.code, now);
    if (!method) {
      await this.audit.record({
        action: 'auth.second-factor',
        outcome: 'failure',
        request,
        recordType: 'account',
        recordId: account.id,
      });
      throw new ProblemException(
        400,
        ErrorCode.invalidSecondFactor,
        'The code is not correct or was used already.',
        [
          {
            name: 'code',
            code: ErrorCode.invalidSecondFactor,
            reason: 'The code is not correct or was used already.',
          },
        ],
      );
    }
    await this.throttle.succeeded([key], []);
    const elevated = await this.sessions.elevate(resolved, response);
    const details: Record<string, unknown> = { method };
    if (method === 'recovery-code')
      details.recoveryCodesLeft = await this.secondFactor.unusedRecoveryCodes(account.id);
    await this.audit.record({
      action: 'auth.second-factor',
      request,
      principal: elevated.principal,
      recordType: 'account',
      recordId: account.id,
      details,
    });
    return this.info(elevated);
  }

  async signOut(request: Request, response: Response): Promise<void> {
    const principal = principalOf(request);
    if (principal.accountId && principal.sessionId)
      await this.sessions.endOne(principal.accountId, principal.sessionId);
    this.sessions.clearCookies(response);
    await this.audit.record({
      action: 'auth.sign-out',
      request,
      recordType: 'account',
      recordId: principal.accountId ?? undefined,
    });
  }

  current(request: Request): SessionInfoDto {
    const resolved = resolvedSessionOf(request);
    if (!resolved) {
      const principal = principalOf(request);
      return { authenticated: principal.kind === 'service', permissions: [...principal.permissions] };
    }
    return this.info(resolved);
  }

  info(resolved: ResolvedSession): SessionInfoDto {
    return {
      authenticated: true,
      stage: resolved.principal.stage,
      account: toAccountSummary(resolved.account),
      permissions: [...resolved.principal.permissions],
      csrfToken: resolved.csrfToken,
      expiresAt: resolved.session.expiresAt.toISOString(),
      idleTimeoutSeconds: this.config.SESSION_IDLE_MINUTES * 60,
    };
  }
}
