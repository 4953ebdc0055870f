import type { AccountEntity } from './account.entity';
import type { AccountDto } from './dto/account.dto';
import type { AccountSummaryDto } from './dto/auth.dto';

/** E-mail addresses are compared case-folded: `K.Jansen@Gemeente.NL` and `k.jansen@gemeente.nl` are one account. */
export function foldEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toAccountSummary(account: AccountEntity): AccountSummaryDto {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    regionIds: account.regionIds,
    organisationId: account.organisationId,
    status: account.status,
    twoFactorEnabled: account.totpSecret !== null,
  };
}

export function toAccountDto(account: AccountEntity): AccountDto {
  return {
    ...toAccountSummary(account),
    personId: account.personId,
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}
