import { base32Decode, base32Encode, hotp, otpauthUri, totpCode, verifyTotp } from './totp';

// RFC 6238 appendix B test key for SHA1: the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA1 test vectors (last six digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, expected] of vectors) {
      expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(expected.slice(-6));
    }
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    expect([0, 1, 2, 9].map((counter) => hotp(RFC_SECRET, counter))).toEqual([
      '755224',
      '287082',
      '359152',
      '520489',
    ]);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 17, 99]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('accepts one step of drift either way and nothing further', () => {
    const at = new Date(1_800_000_000_000);
    const step = Math.floor(at.getTime() / 30_000);
    const codeAt = (offset: number) => hotp(RFC_SECRET, step + offset);
    expect(verifyTotp(RFC_SECRET, codeAt(-1), at, null)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, codeAt(0), at, null)).toBe(step);
    expect(verifyTotp(RFC_SECRET, codeAt(1), at, null)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, codeAt(2), at, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, codeAt(-2), at, null)).toBeNull();
  });

  it('refuses a replay of an accepted step or an earlier one', () => {
    const at = new Date(1_800_000_000_000);
    const step = Math.floor(at.getTime() / 30_000);
    expect(verifyTotp(RFC_SECRET, hotp(RFC_SECRET, step), at, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, hotp(RFC_SECRET, step - 1), at, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, hotp(RFC_SECRET, step + 1), at, step)).toBe(step + 1);
  });

  it('builds a key URI that authenticator apps read', () => {
    expect(otpauthUri('ABC', 'a@b.nl')).toBe(
      'otpauth://totp/Ketenkaart%3Aa%40b.nl?secret=ABC&issuer=Ketenkaart&algorithm=SHA1&digits=6&period=30',
    );
  });
});
