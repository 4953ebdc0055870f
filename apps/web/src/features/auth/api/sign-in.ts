import { apiClient, unwrap, type SessionInfo } from '@ketenkaart/web-api-client';

export function signIn(email: string, password: string): Promise<SessionInfo> {
  return unwrap(apiClient.POST('/api/v1/auth/sign-in', { body: { email, password } }));
}
