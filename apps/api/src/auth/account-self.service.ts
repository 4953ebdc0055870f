import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import * as QRCode from 'qrcode';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { AccountEntity } from './account.entity';
import { EndedSessionsDto, RecoveryCodesDto, SessionListDto, TotpEnrolmentDto } from './dto/account-self.dto';
import { PasswordService } from './password.service';
import { SecondFactorService } from './second-factor.service';
import { SecretBox } from './secret-box';
import { resolvedSessionOf, SessionService } from './session.service';
import { ACCOUNT_POLICY, SignInThrottleService } from './sign-in-throttle.service';
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp';

/** What a signed-in person does with their own account: sessions, password, authenticator app, recovery codes. */
@Injectable()
export class AccountSelfService {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
    private readonly secondFactor: SecondFactorService,
    private readonly secretBox: SecretBox,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listSessions(principal: Principal): Promise<SessionListDto> {
    const accountId = this.ownAccountId(principal);
    const sessions = await this.sessions.list(accountId);
    return {
      items: sessions.map((session) => ({
        id: session.id,
        createdAt: session.createdAt.toISOString(),
        lastSeenAt: session.lastSeenAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        ip: session.ip,
        userAgent: session.userAgent,
        authMethod: session.authMethod,
        twoFactorPassed: session.twoFactorPassed,
        current: session.id === principal.sessionId,
      })),
    };
  }

  /** Ends one of the own sessions; another account's session id answers 404 like a missing one. */
  async endSession(principal: Principal, sessionId: string, request: Request): Promise<void> {
    const accountId = this.ownAccountId(principal);
    if (!(await this.sessions.endOne(accountId, sessionId)))
      throw ProblemException.notFound('Session', sessionId);
    await this.audit.record({
      action: 'auth.session-end',
      request,
      recordType: 'session',
      recordId: sessionId,
    });
  }

  async endOtherSessions(principal: Principal, request: Request): Promise<EndedSessionsDto> {
    const ended = await this.sessions.endAll(this.ownAccountId(principal), principal.sessionId);
    await this.audit.record({
      action: 'auth.session-end-others',
      request,
      recordType: 'account',
      recordId: principal.accountId!,
      details: { ended },
    });
    return { ended };
  }

  /** Needs the current password (throttled like sign-in); ends every other session of the account. */
  async changePassword(principal: Principal, current: string, next: string, request: Request): Promise<void> {
    const account = await this.account(principal);
    await this.throttle.attempt(
      [{ key: `account:${account.email}`, policy: ACCOUNT_POLICY }],
      this.clock.now(),
    );
    if (!(await this.passwords.verify(account.passwordHash, current))) {
      await this.audit.record({
        action: 'account.password-change',
        outcome: 'failure',
        request,
        recordType: 'account',
        recordId: account.id,
        details: { reason: 'wrong-password' },
      });
      throw new ProblemException(400, ErrorCode.wrongPassword, 'The current password is not correct.', [
        {
          name: 'currentPassword',
          code: ErrorCode.wrongPassword,
          reason: 'The current password is not correct.',
        },
      ]);
    }
    await this.throttle.succeeded([`account:${account.email}`], []);
    this.passwords.assertAcceptable(next, account, 'newPassword');
    const now = this.clock.now();
    await this.accounts.update(
      { id: account.id },
      { passwordHash: await this.passwords.hash(next), passwordChangedAt: now, updatedAt: now },
    );
    const ended = await this.sessions.endAll(account.id, principal.sessionId);
    await this.audit.record({
      action: 'account.password-change',
      request,
      recordType: 'account',
      recordId: account.id,
      details: { otherSessionsEnded: ended },
    });
  }

  /**
   * Starts (or restarts) enrolment of an authenticator app. The secret waits as "pending" until a first code
   * confirms it, so a half-finished enrolment never locks anyone out.
   */
  async startTotpEnrolment(principal: Principal, request: Request): Promise<TotpEnrolmentDto> {
    const account = await this.account(principal);
    const secret = generateTotpSecret();
    await this.accounts.update(
      { id: account.id },
      { totpPendingSecret: this.secretBox.seal(secret), updatedAt: this.clock.now() },
    );
    const uri = otpauthUri(secret, account.email);
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    await this.audit.record({
      action: 'account.totp-enrolment-start',
      request,
      recordType: 'account',
      recordId: account.id,
    });
    return {
      secret,
      otpauthUri: uri,
      qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    };
  }

  /**
   * Confirms the pending secret with a code from the app: two-factor sign-in is then on, ten new recovery codes
   * are returned (once), other sessions end, and a session that was waiting for enrolment becomes complete.
   */
  async confirmTotpEnrolment(
    principal: Principal,
    code: string,
    request: Request,
    response: Response,
  ): Promise<RecoveryCodesDto> {
    const account = await this.account(principal);
    if (!account.totpPendingSecret) {
      throw new ProblemException(
        409,
        ErrorCode.twoFactorNotEnrolled,
        'Start the enrolment first (POST /account/totp/enrolment).',
      );
    }
    const now = this.clock.now();
    await this.throttle.attempt([{ key: `totp:${account.id}`, policy: ACCOUNT_POLICY }], now);
    const step = verifyTotp(this.secretBox.open(account.totpPendingSecret), code.trim(), now, null);
    if (step === null) {
      await this.audit.record({
        action: 'account.totp-enable',
        outcome: 'failure',
        request,
        recordType: 'account',
        recordId: account.id,
      });
      throw new ProblemException(
        400,
        ErrorCode.invalidSecondFactor,
        'The code is not correct; check the time on your phone.',
        [{ name: 'code', code: ErrorCode.invalidSecondFactor, reason: 'The code is not correct.' }],
      );
    }
    await this.throttle.succeeded([`totp:${account.id}`], []);
    const codes = await this.dataSource.transaction(async (manager) => {
      await manager.update(
        AccountEntity,
        { id: account.id },
        {
          totpSecret: account.totpPendingSecret,
          totpPendingSecret: null,
          totpEnabledAt: now,
          totpLastStep: step,
          updatedAt: now,
        },
      );
      return this.secondFactor.replaceRecoveryCodes(manager, account.id);
    });
    await this.sessions.endAll(account.id, principal.sessionId);
    const resolved = resolvedSessionOf(request);
    if (resolved && !resolved.session.twoFactorPassed) {
      resolved.account.totpSecret = account.totpPendingSecret;
      await this.sessions.elevate(resolved, response);
    }
    await this.audit.record({
      action: 'account.totp-enable',
      request,
      recordType: 'account',
      recordId: account.id,
    });
    return { codes };
  }

  async regenerateRecoveryCodes(principal: Principal, request: Request): Promise<RecoveryCodesDto> {
    const account = await this.account(principal);
    if (!account.totpSecret)
      throw new ProblemException(409, ErrorCode.twoFactorNotEnrolled, 'Enrol an authenticator app first.');
    const codes = await this.dataSource.transaction((manager) =>
      this.secondFactor.replaceRecoveryCodes(manager, account.id),
    );
    await this.audit.record({
      action: 'account.recovery-codes-regenerate',
      request,
      recordType: 'account',
      recordId: account.id,
    });
    return { codes };
  }

  private ownAccountId(principal: Principal): string {
    if (!principal.accountId) {
      throw new ProblemException(
        403,
        ErrorCode.forbidden,
        'Only a signed-in person has an own account (not the service token).',
      );
    }
    return principal.accountId;
  }

  private async account(principal: Principal): Promise<AccountEntity> {
    const account = await this.accounts.findOne({ where: { id: this.ownAccountId(principal) } });
    if (!account) throw new ProblemException(401, ErrorCode.unauthorized, 'Sign in to use this route.');
    return account;
  }
}
