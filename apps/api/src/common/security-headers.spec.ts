import { helmetHeaders } from './security-headers';

describe('helmetHeaders', () => {
  it("computes helmet's headers for the options once, as helmet would set them", () => {
    const headers = helmetHeaders({
      contentSecurityPolicy: { useDefaults: true, directives: { 'frame-ancestors': ["'none'"] } },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    });
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers).not.toHaveProperty('X-Powered-By');
  });

  it('refuses options helmet refuses', () => {
    expect(() => helmetHeaders({ strictTransportSecurity: { maxAge: -1 } })).toThrow();
  });
});
