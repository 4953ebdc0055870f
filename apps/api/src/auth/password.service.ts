import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ketenkaart/shared-domain';
import * as argon2 from 'argon2';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';

/** OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashing and the password rules of ASVS 2.1 / NIST SP 800-63B: at least 12 characters, at most 128, not a
 * common password and not built from the person's own e-mail address; no composition rules.
 */
@Injectable()
export class PasswordService implements OnModuleInit {
  private common = new Set<string>();
  /** Verified when the account is unknown, so that an unknown address costs the same time as a wrong password. */
  private dummyHash!: string;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const file = path.join(this.config.resolvePath(this.config.REFERENCE_DATA_DIR), 'common-passwords.txt');
    const text = await readFile(file, 'utf8');
    this.common = new Set(text.split('\n').filter((line) => line && !line.startsWith('#')));
    this.dummyHash = await argon2.hash('dummy password that matches no account', ARGON2_OPTIONS);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** Compares in constant time; with `hash` null (unknown account) it still spends one Argon2 verification. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.dummyHash, password);
      return ok && hash !== null;
    } catch {
      return false;
    }
  }

  /** Throws 400 weak_password naming the reason; `field` is the body field that carried the password. */
  assertAcceptable(password: string, context: { email: string }, field = 'password'): void {
    const reason = this.weakness(password, context);
    if (reason) {
      throw new ProblemException(400, ErrorCode.weakPassword, reason, [
        { name: field, code: ErrorCode.weakPassword, reason },
      ]);
    }
  }

  weakness(password: string, context: { email: string }): string | null {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
    const folded = password.toLowerCase();
    if (this.common.has(folded)) return 'This password is too common; choose a longer phrase of your own.';
    if (new Set(folded).size <= 2)
      return 'This password repeats one or two characters; choose a longer phrase of your own.';
    const localPart = context.email.split('@')[0]?.toLowerCase() ?? '';
    if (localPart.length >= 4 && folded.includes(localPart))
      return 'Do not build the password from your e-mail address.';
    return null;
  }
}
