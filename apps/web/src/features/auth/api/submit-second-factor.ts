import { apiClient, unwrap, type SessionInfo } from '@ketenkaart/web-api-client';

/** The authenticator code or one recovery code. */
export function submitSecondFactor(code: string): Promise<SessionInfo> {
  return unwrap(apiClient.POST('/api/v1/auth/sign-in/totp', { body: { code } }));
}
