import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, ErrorCode } from '@ketenkaart/shared-domain';
import type { FastifyRequest as Request } from 'fastify';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuditService, clientIp } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';
import { foldEmail } from './account-mapper';
import { AccountTokenEntity, AccountTokenPurpose } from './account-token.entity';
import { AccountEntity } from './account.entity';
import { InvitationDto } from './dto/account.dto';
import { MailService } from './mail.service';
import { PasswordService } from './password.service';
import { randomToken, sha256Hex } from './secure-random';
import { SessionService } from './session.service';
import { ACCOUNT_POLICY, IP_POLICY, SignInThrottleService } from './sign-in-throttle.service';

const INVALID_LINK = 'This link is not valid: it expired, was used already, or was replaced by a newer one.';

/**
 * One-time links: invitations (a beheerder invites; the invitee sets a password) and password resets.
 * The token travels in the URL fragment of the web page (never sent to a server log) and only its SHA-256 is
 * stored; a link works once, until it expires, and a newer link of the same kind replaces it.
 */
@Injectable()
export class AccountLinksService {
  private readonly logger = new Logger('AccountLinks');

  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(AccountTokenEntity) private readonly tokens: Repository<AccountTokenEntity>,
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async invite(accountId: string, principal: Principal, request: Request): Promise<InvitationDto> {
    const account = await this.accounts.findOne({ where: { id: accountId } });
    if (!account) throw ProblemException.notFound('Account', accountId);
    if (account.status !== AccountStatus.invited) {
      throw ProblemException.conflict(
        ErrorCode.accountAlreadyActive,
        'Only an account that has not accepted an invitation can be invited again.',
      );
    }
    const { token, expiresAt } = await this.issue(
      account,
      'invitation',
      this.config.INVITATION_VALID_HOURS * 3_600_000,
      principal.actor,
    );
    await this.mail.send({
      to: account.email,
      subject: 'Uitnodiging voor Ketenkaart',
      text:
        `Beste ${account.displayName},\n\nU bent uitgenodigd voor Ketenkaart. Kies binnen ${this.config.INVITATION_VALID_HOURS} uur een wachtwoord via:\n\n` +
        `${this.config.PUBLIC_URL}/uitnodiging#${token}\n\nDeze link werkt één keer. Verwachtte u deze uitnodiging niet, negeer dan dit bericht.\n`,
    });
    await this.audit.record({
      action: 'account.invitation-send',
      request,
      recordType: 'account',
      recordId: account.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { accountId: account.id, expiresAt: expiresAt.toISOString() };
  }

  async acceptInvitation(token: string, password: string, request: Request): Promise<void> {
    const account = await this.useToken(token, 'invitation', password, request, (manager, id, hash, now) =>
      manager.update(
        AccountEntity,
        { id },
        { passwordHash: hash, passwordChangedAt: now, status: AccountStatus.active, updatedAt: now },
      ),
    );
    await this.audit.record({
      action: 'account.invitation-accept',
      request,
      principal: { actor: `account:${account.id}`, accountId: account.id },
      recordType: 'account',
      recordId: account.id,
    });
  }

  /**
   * Always answers the same (202), whether the address has an account or not. The e-mail goes out in the
   * background so that the answer's timing does not reveal it either; requests are throttled per address and IP.
   */
  async requestReset(emailInput: string, request: Request): Promise<void> {
    const email = foldEmail(emailInput);
    await this.throttle.attempt(
      [
        { key: `reset:${email}`, policy: ACCOUNT_POLICY },
        { key: `reset-ip:${clientIp(request) ?? 'unknown'}`, policy: IP_POLICY },
      ],
      this.clock.now(),
    );
    const account = await this.accounts.findOne({ where: { email } });
    if (!account || account.status !== AccountStatus.active) {
      await this.audit.record({
        action: 'account.password-reset-request',
        outcome: 'failure',
        request,
        details: { reason: account ? `account-${account.status}` : 'unknown-account' },
      });
      return;
    }
    const { token } = await this.issue(
      account,
      'password-reset',
      this.config.PASSWORD_RESET_VALID_MINUTES * 60_000,
      'anonymous',
    );
    await this.audit.record({
      action: 'account.password-reset-request',
      request,
      recordType: 'account',
      recordId: account.id,
    });
    void this.mail
      .send({
        to: account.email,
        subject: 'Wachtwoord herstellen voor Ketenkaart',
        text:
          `Beste ${account.displayName},\n\nKies binnen ${this.config.PASSWORD_RESET_VALID_MINUTES} minuten een nieuw wachtwoord via:\n\n` +
          `${this.config.PUBLIC_URL}/wachtwoord-herstellen#${token}\n\nDeze link werkt één keer. Vroeg u dit niet aan, negeer dan dit bericht; uw wachtwoord blijft dan gelijk.\n`,
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'password reset e-mail not sent'));
  }

  /** Sets the new password and ends every session of the account (someone else may have been signed in). */
  async completeReset(token: string, password: string, request: Request): Promise<void> {
    const account = await this.useToken(
      token,
      'password-reset',
      password,
      request,
      (manager, id, hash, now) =>
        manager.update(AccountEntity, { id }, { passwordHash: hash, passwordChangedAt: now, updatedAt: now }),
    );
    const ended = await this.sessions.endAll(account.id);
    await this.audit.record({
      action: 'account.password-reset-complete',
      request,
      principal: { actor: `account:${account.id}`, accountId: account.id },
      recordType: 'account',
      recordId: account.id,
      details: { sessionsEnded: ended },
    });
  }

  /** Revokes earlier unused links of the same kind and stores a new one; returns the token (only here in clear). */
  private async issue(
    account: AccountEntity,
    purpose: AccountTokenPurpose,
    validMs: number,
    createdBy: string,
  ) {
    const now = this.clock.now();
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + validMs);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        AccountTokenEntity,
        { accountId: account.id, purpose, usedAt: IsNull() },
        { usedAt: now },
      );
      await manager.insert(AccountTokenEntity, {
        tokenHash: sha256Hex(token),
        accountId: account.id,
        purpose,
        createdAt: now,
        createdBy,
        expiresAt,
        usedAt: null,
      });
    });
    return { token, expiresAt };
  }

  /**
   * Checks the link and the password, then spends the link and applies `apply` in one transaction. The spend
   * is a conditional UPDATE, so two requests with the same link cannot both succeed.
   */
  private async useToken(
    token: string,
    purpose: AccountTokenPurpose,
    password: string,
    request: Request,
    apply: (
      manager: import('typeorm').EntityManager,
      accountId: string,
      hash: string,
      now: Date,
    ) => Promise<unknown>,
  ): Promise<AccountEntity> {
    const now = this.clock.now();
    const tokenHash = /^[A-Za-z0-9_-]{43}$/.test(token) ? sha256Hex(token) : null;
    const row = tokenHash
      ? await this.tokens.findOne({ where: { tokenHash, purpose }, relations: { account: true } })
      : null;
    const valid =
      row?.account &&
      row.usedAt === null &&
      row.expiresAt > now &&
      (purpose === 'invitation'
        ? row.account.status === AccountStatus.invited
        : row.account.status === AccountStatus.active);
    if (!valid || !row?.account) {
      await this.audit.record({
        action: purpose === 'invitation' ? 'account.invitation-accept' : 'account.password-reset-complete',
        outcome: 'failure',
        request,
        recordType: row ? 'account' : undefined,
        recordId: row?.accountId,
        details: {
          reason: !row
            ? 'unknown-link'
            : row.usedAt
              ? 'used'
              : row.expiresAt <= now
                ? 'expired'
                : 'account-state',
        },
      });
      throw new ProblemException(410, ErrorCode.invalidLink, INVALID_LINK);
    }
    const account = row.account;
    this.passwords.assertAcceptable(password, account);
    const hash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const [, spent] = await manager.query(
        `UPDATE account_token SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2`,
        [row.id, now],
      );
      if (spent !== 1) throw new ProblemException(410, ErrorCode.invalidLink, INVALID_LINK);
      await apply(manager, account.id, hash, now);
    });
    return account;
  }
}
