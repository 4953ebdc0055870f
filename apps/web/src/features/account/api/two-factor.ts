import { apiClient, unwrap, type RecoveryCodes, type TotpEnrolment } from '@ketenkaart/web-api-client';

/** A new secret to scan; it takes effect only when confirmed with a first code. */
export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return unwrap(apiClient.POST('/api/v1/account/totp/enrolment'));
}

/** Resolves with ten recovery codes, shown once. The API renews the session's cookies. */
export function confirmTotpEnrolment(code: string): Promise<RecoveryCodes> {
  return unwrap(apiClient.POST('/api/v1/account/totp/enrolment/confirm', { body: { code } }));
}

export function regenerateRecoveryCodes(): Promise<RecoveryCodes> {
  return unwrap(apiClient.POST('/api/v1/account/recovery-codes'));
}
