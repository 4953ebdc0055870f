import { createHmac } from 'node:crypto';

/**
 * RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s), the same algorithm as apps/api/src/auth/totp.ts, so the
 * journeys can answer the second-factor challenge of the demo accounts like an authenticator app.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD_SECONDS = 30;

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

function hotp(secret: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  return ((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

const lastStep = new Map<string, number>();

/**
 * A code the API will accept now. The API refuses a step it accepted before (no replay), and accepts the
 * next step too (clock drift), so a second sign-in within 30 seconds uses the next step's code.
 */
export function nextTotpCode(secret: string, now = Date.now()): string {
  const current = Math.floor(now / 1000 / PERIOD_SECONDS);
  const step = Math.max(current, (lastStep.get(secret) ?? -1) + 1);
  if (step > current + 1) throw new Error('no unused TOTP step left in the window; wait 30 seconds');
  lastStep.set(secret, step);
  return hotp(secret, step);
}
