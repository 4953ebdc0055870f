import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, ErrorCode, Role } from '@ketenkaart/shared-domain';
import type { FastifyRequest as Request } from 'fastify';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { Principal } from '../common/principal';
import { ProblemException } from '../common/problem.exception';
import { foldEmail, toAccountDto } from './account-mapper';
import { AccountLinksService } from './account-links.service';
import { AccountEntity } from './account.entity';
import {
  AccountDto,
  AccountPageDto,
  CreateAccountDto,
  ListAccountsQueryDto,
  UpdateAccountDto,
} from './dto/account.dto';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { SessionService } from './session.service';

/** Account management by a beheerder (nationwide). Every change lands in the audit trail with the fields it touched. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly dataSource: DataSource,
    private readonly links: AccountLinksService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: ListAccountsQueryDto): Promise<AccountPageDto> {
    const builder = this.accounts.createQueryBuilder('a');
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere('(a.email LIKE :like OR lower(a.display_name) LIKE :like)', { like });
    }
    if (query.role) builder.andWhere(':role = ANY(a.roles)', { role: query.role });
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    const [rows, total] = await builder
      .orderBy('a.email', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toAccountDto), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string): Promise<AccountDto> {
    return toAccountDto(await this.find(id));
  }

  /** Creates the account as `invited` and e-mails the invitation link. */
  async create(dto: CreateAccountDto, principal: Principal, request: Request): Promise<AccountDto> {
    const email = foldEmail(dto.email);
    await this.assertReferences(dto);
    const now = this.clock.now();
    const saved = await this.dataSource.transaction(async (manager) => {
      const taken = await manager.count(AccountEntity, { where: { email } });
      if (taken > 0)
        throw ProblemException.conflict(ErrorCode.duplicateEmail, `An account for ${email} exists already.`);
      const account = await manager.save(
        manager.create(AccountEntity, {
          email,
          displayName: dto.displayName,
          roles: dto.roles,
          regionIds: dto.regionIds ?? [],
          organisationId: dto.organisationId ?? null,
          personId: dto.personId ?? null,
          status: AccountStatus.invited,
          passwordHash: null,
          passwordChangedAt: null,
          totpSecret: null,
          totpPendingSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
          lastSignInAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(
        {
          action: 'account.create',
          request,
          recordType: 'account',
          recordId: account.id,
          details: { roles: dto.roles, regionIds: account.regionIds, organisationId: account.organisationId },
        },
        manager,
      );
      return account;
    });
    await this.links.invite(saved.id, principal, request);
    return toAccountDto(saved);
  }

  async update(
    id: string,
    dto: UpdateAccountDto,
    principal: Principal,
    request: Request,
  ): Promise<AccountDto> {
    const account = await this.find(id);
    await this.assertReferences(dto);
    if (principal.accountId === id) {
      if (dto.status === AccountStatus.disabled || (dto.roles && !dto.roles.includes(Role.beheerder))) {
        throw new ProblemException(
          409,
          ErrorCode.ownAccountLockout,
          'You cannot disable your own account or remove your own beheerder role.',
        );
      }
    }
    const changed: string[] = [];
    const set = <K extends keyof AccountEntity>(key: K, value: AccountEntity[K] | undefined) => {
      if (value === undefined || JSON.stringify(account[key]) === JSON.stringify(value)) return;
      account[key] = value;
      changed.push(key);
    };
    set('displayName', dto.displayName);
    set('roles', dto.roles);
    set('regionIds', dto.regionIds);
    set('organisationId', dto.organisationId);
    set('personId', dto.personId);
    if (dto.status && account.status === AccountStatus.invited && dto.status === AccountStatus.active) {
      throw new ProblemException(
        409,
        ErrorCode.conflict,
        'An invited account becomes active when the invitation is accepted.',
      );
    }
    set('status', dto.status);
    if (dto.resetTwoFactor && (account.totpSecret || account.totpPendingSecret)) {
      account.totpSecret = null;
      account.totpPendingSecret = null;
      account.totpEnabledAt = null;
      account.totpLastStep = null;
      changed.push('twoFactor');
    }
    if (changed.length === 0) return toAccountDto(account);
    account.updatedAt = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.save(account);
      if (changed.includes('twoFactor')) await manager.delete(RecoveryCodeEntity, { accountId: id });
      await this.audit.record(
        {
          action: 'account.update',
          request,
          recordType: 'account',
          recordId: id,
          details: { changed, roles: account.roles, status: account.status },
        },
        manager,
      );
    });
    // Security-relevant changes take effect at once: the person signs in again under the new rules.
    if (account.status === AccountStatus.disabled || changed.includes('twoFactor'))
      await this.sessions.endAll(id);
    return toAccountDto(account);
  }

  private async find(id: string): Promise<AccountEntity> {
    const account = /^[0-9a-f-]{36}$/i.test(id) ? await this.accounts.findOne({ where: { id } }) : null;
    if (!account) throw ProblemException.notFound('Account', id);
    return account;
  }

  /** Regions, organisation and person must exist (arrays and the directory link have no foreign keys). */
  private async assertReferences(dto: {
    regionIds?: string[];
    organisationId?: string | null;
    personId?: string | null;
  }): Promise<void> {
    const invalid: { name: string; code: string; reason: string }[] = [];
    if (dto.regionIds?.length) {
      const found: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM region WHERE id = ANY($1::uuid[])`,
        [dto.regionIds],
      );
      const known = new Set(found.map((row) => row.id));
      dto.regionIds.forEach((regionId, index) => {
        if (!known.has(regionId))
          invalid.push({
            name: `regionIds.${index}`,
            code: ErrorCode.unknownRegion,
            reason: `Region '${regionId}' does not exist.`,
          });
      });
    }
    for (const [field, table, code] of [
      ['organisationId', 'organisation', ErrorCode.unknownOrganisation],
      ['personId', 'person', ErrorCode.unknownPerson],
    ] as const) {
      const id = dto[field];
      if (!id) continue;
      const rows = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
      if (rows.length === 0) invalid.push({ name: field, code, reason: `${table} '${id}' does not exist.` });
    }
    if (invalid.length > 0)
      throw new ProblemException(
        400,
        ErrorCode.validationFailed,
        invalid.map((i) => i.reason).join(' '),
        invalid,
      );
  }
}
