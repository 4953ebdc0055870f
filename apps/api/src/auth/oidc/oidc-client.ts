import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

/** openid-client is ESM-only; the API is CommonJS, so it is loaded with a dynamic import (like PGlite's contrib). */
const loadOpenIdClient = () => import('openid-client');
export type OpenIdClient = Awaited<ReturnType<typeof loadOpenIdClient>>;
export type OpenIdConfiguration = InstanceType<OpenIdClient['Configuration']>;

/** Upper bound of one request to the identity provider (discovery, token, userinfo, keys), in seconds. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * The identity provider as openid-client sees it: its discovered metadata and this portal's client. Discovered
 * once per process on first use; a failed discovery is retried on the next sign-in.
 */
@Injectable()
export class OidcClient {
  private discovered: Promise<{ client: OpenIdClient; configuration: OpenIdConfiguration }> | null = null;

  constructor(private readonly config: AppConfig) {}

  get(): Promise<{ client: OpenIdClient; configuration: OpenIdConfiguration }> {
    if (!this.discovered) {
      this.discovered = this.discover();
      this.discovered.catch(() => (this.discovered = null));
    }
    return this.discovered;
  }

  private async discover(): Promise<{ client: OpenIdClient; configuration: OpenIdConfiguration }> {
    const client = await loadOpenIdClient();
    const issuer = new URL(this.config.OIDC_ISSUER!);
    const secret = this.config.OIDC_CLIENT_SECRET;
    const configuration = await client.discovery(
      issuer,
      this.config.OIDC_CLIENT_ID!,
      secret ? { client_secret: secret } : undefined,
      secret ? client.ClientSecretBasic(secret) : client.None(),
      {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // Plain http is accepted by the configuration only for a loopback issuer outside production.
        execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      },
    );
    return { client, configuration };
  }
}
