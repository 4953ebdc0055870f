// A real OpenID Connect provider (oidc-provider, devDependency) for the single sign-on journey, run as its own
// process because oidc-provider is ESM-only. Its quick-start login page (devInteractions) signs in whichever
// user id is typed (the password is ignored); the users below have an e-mail address the provider vouches for.
// Usage: OIDC_PORT=… REDIRECT_URI=… node oidc-test-provider.mjs   → prints "ready <issuer>" when listening.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';

// oidc-provider warns about its development defaults (in-memory adapter, Node 20); fine for a test provider.
console.warn = () => undefined;
const { default: Provider } = await import('oidc-provider');

const USERS = {
  monitor: { email: 'Monitor@Demo.Ketenkaart.nl', email_verified: true },
  stranger: { email: 'stranger@example.org', email_verified: true },
};

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'ketenkaart-e2e',
      client_secret: 'e2e-client-secret-0123456789abcdef',
      redirect_uris: [process.env.REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
  cookies: { keys: ['e2e-oidc-cookie-key-0123456789'] },
  jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
  ttl: { AccessToken: 300, AuthorizationCode: 60, Grant: 600, IdToken: 300, Interaction: 600, Session: 600 },
  findAccount: (_ctx, sub) =>
    USERS[sub] ? { accountId: sub, claims: () => ({ sub, name: sub, ...USERS[sub] }) } : undefined,
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));
createServer(provider.callback()).listen(port, '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
process.on('SIGTERM', () => process.exit(0));
