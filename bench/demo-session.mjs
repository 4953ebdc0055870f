// Signs a demo account in through the real endpoints (password, then a TOTP code when asked), as a browser would, for
// the benchmarks (bench/load-mixed.mjs, bench/web-lighthouse.mjs). The demo accounts exist only with DEMO_SEED=true
// and NODE_ENV other than production (apps/api/src/auth/demo-accounts.seeder.ts).
import { createHmac } from 'node:crypto';

/** The demo accounts of apps/api/src/auth/demo-accounts.seeder.ts that the benchmarks sign in as. */
export const DEMO = {
  zorgcoordinator: {
    email: 'zorgcoordinator@demo.ketenkaart.nl',
    password: 'Demo-Zorgcoordinator-2026!',
    totpSecret: 'KKDEMOZORGCOORDINATORAAAAAAAAAAA',
  },
  ontvanger: {
    email: 'ontvanger@demo.ketenkaart.nl',
    password: 'Demo-Ontvanger-2026!',
    totpSecret: 'KKDEMOONTVANGERAAAAAAAAAAAAAAAAA',
  },
  monitor: { email: 'monitor@demo.ketenkaart.nl', password: 'Demo-Monitor-2026!', totpSecret: null },
};

// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s), as apps/api/src/auth/totp.ts and apps/web-e2e/src/support/totp.ts.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function totp(secret, step) {
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of secret.toUpperCase().replace(/[\s=]/g, '')) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', Buffer.from(bytes)).update(message).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  return ((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

/**
 * A complete session: `cookie` (the Cookie header), `csrf` (the X-CSRF-Token value for writes), `get()` / `write()`
 * header sets. The API refuses a TOTP step it accepted before, so the current and the next step are tried.
 */
export async function signIn(baseUrl, account) {
  const cookies = new Map();
  const absorb = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const cookie = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const post = async (path, body) =>
    absorb(
      await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: cookie(),
          'x-csrf-token': cookies.get('kk_csrf') ?? '',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      }),
    );
  const first = await post('/api/v1/auth/sign-in', { email: account.email, password: account.password });
  const firstBody = await first.json().catch(() => ({}));
  if (first.status !== 200)
    throw new Error(`sign-in of ${account.email}: ${first.status} ${JSON.stringify(firstBody)}`);
  if (firstBody.stage === 'second-factor-required') {
    const step = Math.floor(Date.now() / 30_000);
    let accepted = false;
    for (const candidate of [step, step + 1]) {
      const second = await post('/api/v1/auth/sign-in/totp', { code: totp(account.totpSecret, candidate) });
      await second.arrayBuffer();
      if (second.status === 200) {
        accepted = true;
        break;
      }
    }
    if (!accepted) throw new Error(`second factor of ${account.email} refused`);
  }
  return {
    get cookie() {
      return cookie();
    },
    get csrf() {
      return cookies.get('kk_csrf') ?? '';
    },
    get: () => ({ cookie: cookie() }),
    write: () => ({ cookie: cookie(), 'x-csrf-token': cookies.get('kk_csrf') ?? '' }),
  };
}
