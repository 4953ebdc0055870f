/**
 * Authentication methods (RFC 8176 `amr`) that mean the identity provider asked for more than a password:
 * `mfa` (Entra ID, Keycloak), a one-time code, a hardware key or a smart card.
 */
const MULTI_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk', 'sc']);

/**
 * Whether the ID token shows multi-factor authentication at the identity provider. Then Ketenkaart trusts it and
 * skips the account's own TOTP step; otherwise the account's TOTP step (or its enrolment) still follows.
 * `mfaAcrValues` are the `acr` values the organisation configured as multi-factor (OIDC_MFA_ACR_VALUES).
 */
export function providerDidMultiFactor(
  claims: { amr?: unknown; acr?: unknown },
  mfaAcrValues: readonly string[],
): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  if (amr.some((method) => typeof method === 'string' && MULTI_FACTOR_AMR.has(method))) return true;
  return typeof claims.acr === 'string' && mfaAcrValues.includes(claims.acr);
}
