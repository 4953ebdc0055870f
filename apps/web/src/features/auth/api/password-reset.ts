import { apiClient, unwrap } from '@ketenkaart/web-api-client';

/** Always accepted: the answer never tells whether the address has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await unwrap(apiClient.POST('/api/v1/password-resets', { body: { email } }));
}

export async function completePasswordReset(token: string, password: string): Promise<void> {
  await unwrap(
    apiClient.POST('/api/v1/password-resets/{token}/complete', {
      params: { path: { token } },
      body: { password },
    }),
  );
}
