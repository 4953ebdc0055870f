import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/**
 * Steps already used per secret, kept in a file: Jest gives every test file its own module registry, and all
 * files sign in to the same portal, whose replay rule spans them.
 */
const STEPS_FILE = path.join(os.tmpdir(), `ketenkaart-e2e-totp-steps-${process.ppid}.json`);
const readSteps = (): Record<string, number> => {
  try {
    return JSON.parse(readFileSync(STEPS_FILE, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
};

/**
 * A code the API will accept now. The API refuses a step it accepted before (no replay), and accepts the
 * next step too (clock drift), so a second sign-in within 30 seconds uses the next step's code.
 */
export function nextTotpCode(secret: string, now = Date.now()): string {
  let current = Math.floor(now / 1000 / PERIOD_SECONDS);
  let steps = readSteps();
  let step = Math.max(current, (steps[secret] ?? -1) + 1);
  // Both steps of the window are used (three sign-ins within a minute): wait for the next step, as a person would.
  while (step > current + 1) {
    const untilNextStep = (current + 1) * PERIOD_SECONDS * 1000 - Date.now() + 100;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(untilNextStep, 100));
    current = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
    steps = readSteps();
    step = Math.max(current, (steps[secret] ?? -1) + 1);
  }
  writeFileSync(STEPS_FILE, JSON.stringify({ ...steps, [secret]: step }));
  return hotp(secret, step);
}
