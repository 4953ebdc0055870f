import { type Permission, SessionStage } from '@ketenkaart/shared-domain';
import { apiClient, onSessionLost, unwrap, type SessionInfo } from '@ketenkaart/web-api-client';
import { invalidateQueries, setQueryData, useQuery } from './use-query';

/**
 * The one place that knows who is signed in (identity, issue 4): `GET /auth/session`, kept in the query
 * cache under this key. Every feature reads it through `useSession()`; the auth feature writes it after
 * sign-in and the second factor.
 */
export const SESSION_QUERY_KEY = 'auth:session';

export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return unwrap(apiClient.GET('/api/v1/auth/session', { signal }));
}

/** Shows a session the API just returned (sign-in, second factor) without asking for it again. */
export function setSession(session: SessionInfo): void {
  setQueryData(SESSION_QUERY_KEY, session);
}

export function refreshSession(): void {
  invalidateQueries(SESSION_QUERY_KEY);
}

// A 401 anywhere means the session expired or was ended elsewhere: look again, so the UI follows.
onSessionLost(refreshSession);

/**
 * Who is signed in and what they may do. The UI hides what the API would forbid; the API still decides.
 * While loading, or when the session cannot be read, nothing is permitted. A session that still needs its
 * second factor (or its enrolment) has no permissions yet.
 */
export function useSession() {
  const { data, isLoading, error } = useQuery(SESSION_QUERY_KEY, getSession);
  const complete = data?.authenticated === true && data.stage === SessionStage.complete;
  const permissions: readonly string[] = complete ? data.permissions : [];
  return {
    session: data,
    /** True until the first answer (or error) arrived. */
    isLoading,
    error,
    /** Signed in with every factor: the account is usable. */
    isSignedIn: complete,
    account: data?.authenticated ? data.account : undefined,
    stage: data?.authenticated ? data.stage : undefined,
    can: (permission: Permission) => permissions.includes(permission),
  };
}
