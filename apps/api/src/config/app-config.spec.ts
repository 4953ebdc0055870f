import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults for a fresh machine (embedded database on port 3000)', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.PGLITE_DATA_DIR).toBe('.data/pglite');
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', PORT: '8080' });
    expect(config.usesEmbeddedDatabase).toBe(false);
    expect(config.PORT).toBe(8080);
  });

  it('names each wrong variable and what it expects', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT="abc": .*integer/);
      expect(message).toMatch(/LOG_LEVEL="loud": .*one of/);
      expect(message).toMatch(/DATABASE_URL=\(hidden\): must be a postgres/);
    }
  });

  it('refuses a short admin token', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN.*24 characters/);
  });

  it('flags directory entries stale after 12 months unless configured otherwise', () => {
    expect(loadConfig({}).DIRECTORY_STALE_MONTHS).toBe(12);
    expect(loadConfig({ DIRECTORY_STALE_MONTHS: '6' }).DIRECTORY_STALE_MONTHS).toBe(6);
    expect(() => loadConfig({ DIRECTORY_STALE_MONTHS: '0' })).toThrow(/DIRECTORY_STALE_MONTHS/);
  });

  it('keeps single sign-on off unless OIDC_ISSUER is set, and then needs a client id', () => {
    expect(loadConfig({}).oidcEnabled).toBe(false);
    const config = loadConfig({
      OIDC_ISSUER: 'https://login.example.nl/realms/ketenkaart',
      OIDC_CLIENT_ID: 'ketenkaart',
      PUBLIC_URL: 'https://ketenkaart.example.nl',
    });
    expect(config.oidcEnabled).toBe(true);
    expect(config.oidcRedirectUri).toBe('https://ketenkaart.example.nl/api/v1/auth/oidc/callback');
    expect(config.OIDC_SCOPES).toBe('openid email profile');
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.nl' })).toThrow(/OIDC_CLIENT_ID.*required/);
  });

  it('accepts plain http for the identity provider only on loopback outside production', () => {
    const base = { OIDC_CLIENT_ID: 'ketenkaart' };
    expect(loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidcEnabled).toBe(true);
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'http://sso.example.nl' })).toThrow(/OIDC_ISSUER.*https/);
    expect(() =>
      loadConfig({ ...base, OIDC_ISSUER: 'http://localhost:8080', NODE_ENV: 'production' }),
    ).toThrow(/OIDC_ISSUER.*production/);
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://x.nl', OIDC_SCOPES: 'openid profile' })).toThrow(
      /OIDC_SCOPES.*openid and email/,
    );
  });
});
