import { RegionTypeCode } from '@ketenkaart/shared-domain';
import {
  apiClient,
  unwrap,
  type Account,
  type AccountListQuery,
  type AccountPage,
  type CreateAccountInput,
  type RegionSummary,
  type UpdateAccountInput,
} from '@ketenkaart/web-api-client';
import { invalidateQueries, useQuery } from '../../../lib/use-query';

const ACCOUNTS_KEY = 'accounts:';
export const ACCOUNTS_PAGE_SIZE = 25;

export function useAccounts(query: AccountListQuery) {
  return useQuery<AccountPage>(`${ACCOUNTS_KEY}list:${JSON.stringify(query)}`, (signal) =>
    unwrap(apiClient.GET('/api/v1/accounts', { params: { query }, signal })),
  );
}

export function useAccount(id: string) {
  return useQuery<Account>(`${ACCOUNTS_KEY}one:${id}`, (signal) =>
    unwrap(apiClient.GET('/api/v1/accounts/{id}', { params: { path: { id } }, signal })),
  );
}

/** Creates the account and e-mails its invitation link. */
export async function createAccount(input: CreateAccountInput): Promise<Account> {
  const account = await unwrap(apiClient.POST('/api/v1/accounts', { body: input }));
  invalidateQueries(ACCOUNTS_KEY);
  return account;
}

export async function updateAccount(id: string, input: UpdateAccountInput): Promise<Account> {
  const account = await unwrap(
    apiClient.PATCH('/api/v1/accounts/{id}', { params: { path: { id } }, body: input }),
  );
  invalidateQueries(ACCOUNTS_KEY);
  return account;
}

/** A new invitation link for an account that has not accepted one yet; earlier links stop working. */
export async function sendInvitation(accountId: string): Promise<void> {
  await unwrap(apiClient.POST('/api/v1/invitations', { body: { accountId } }));
}

/** The region types an account's scope is made of (DOMAIN: ketenregie and zorgcoördinatie regions). */
export const SCOPE_REGION_TYPES = [RegionTypeCode.ketenregie, RegionTypeCode.zorgcoordinatie] as const;

export function useScopeRegions() {
  return useQuery<RegionSummary[]>('accounts:scope-regions', async (signal) => {
    const pages = await Promise.all(
      SCOPE_REGION_TYPES.map((type) =>
        unwrap(apiClient.GET('/api/v1/regions', { params: { query: { type, pageSize: 500 } }, signal })),
      ),
    );
    return pages.flatMap((page) => page.items);
  });
}
