/**
 * Single sign-on (OpenID Connect). When the identity provider sends the browser back without a usable
 * answer, the API redirects it to the sign-in page with `?sso-fout=<code>`, and the page explains it.
 */
export const SsoError = {
  /** Unknown address, address not verified by the provider, or account not active: one code for all, so the page never tells whether an account exists. */
  noAccess: 'no-access',
  /** The person cancelled at the identity provider. */
  cancelled: 'cancelled',
  /** The identity provider answered with an error, or its tokens did not check out. */
  failed: 'failed',
  /** The identity provider could not be reached. */
  unavailable: 'unavailable',
  /**
   * The answer matched no pending sign-in of this browser: its `state` is unknown, expired (10 minutes), used
   * already (back button, reload) or the sign-in was started in another browser.
   */
  expired: 'expired',
} as const;
export type SsoError = (typeof SsoError)[keyof typeof SsoError];
export const SSO_ERRORS = Object.values(SsoError);

/** Query parameter of the sign-in page that carries an SsoError. */
export const SSO_ERROR_PARAM = 'sso-fout';
