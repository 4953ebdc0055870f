import { apiClient, unwrap, type UserSession } from '@ketenkaart/web-api-client';
import { invalidateQueries, useQuery } from '../../../lib/use-query';

const SESSIONS_KEY = 'account:sessions';

export async function getMySessions(signal: AbortSignal): Promise<UserSession[]> {
  return (await unwrap(apiClient.GET('/api/v1/account/sessions', { signal }))).items;
}

export function useMySessions() {
  return useQuery(SESSIONS_KEY, getMySessions);
}

export async function endSession(id: string): Promise<void> {
  await unwrap(apiClient.DELETE('/api/v1/account/sessions/{id}', { params: { path: { id } } }));
  invalidateQueries(SESSIONS_KEY);
}

/** Ends every session of mine but this one; resolves with how many ended. */
export async function endOtherSessions(): Promise<number> {
  const { ended } = await unwrap(apiClient.DELETE('/api/v1/account/sessions'));
  invalidateQueries(SESSIONS_KEY);
  return ended;
}
