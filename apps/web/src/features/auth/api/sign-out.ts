import { apiClient, unwrap } from '@ketenkaart/web-api-client';

export async function signOut(): Promise<void> {
  await unwrap(apiClient.POST('/api/v1/auth/sign-out'));
}
