import { apiClient, unwrap, type SessionInfo } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { directoryKey } from './query-keys';

export function getSession(signal: AbortSignal): Promise<SessionInfo> {
  return unwrap(apiClient.GET('/api/v1/auth/session', { signal }));
}

/** Under the directory prefix, so a 401 on a write (session ended) refreshes it with everything else. */
export function useSessionInfo() {
  return useQuery(directoryKey('session'), getSession);
}
