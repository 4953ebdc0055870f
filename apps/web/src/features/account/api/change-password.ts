import { apiClient, unwrap } from '@ketenkaart/web-api-client';

/** Also ends my other sessions (API). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await unwrap(apiClient.POST('/api/v1/account/password', { body: { currentPassword, newPassword } }));
}
