import { apiClient, unwrap } from '@ketenkaart/web-api-client';

export async function acceptInvitation(token: string, password: string): Promise<void> {
  await unwrap(
    apiClient.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: { password } }),
  );
}
