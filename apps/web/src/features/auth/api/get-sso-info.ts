import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';

const SSO_INFO_KEY = 'auth:sso';

/** Whether the portal offers single sign-on (OpenID Connect), and the name of the identity provider. */
export function getSsoInfo(signal: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/auth/sso', { signal }));
}

export type SsoInfo = Awaited<ReturnType<typeof getSsoInfo>>;

export function useSsoInfo() {
  return useQuery(SSO_INFO_KEY, getSsoInfo);
}
