import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ketenkaart/shared-domain';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem.exception';

export interface ThrottlePolicy {
  /** Attempts that cost nothing before delays start. */
  freeAttempts: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
  maxDelaySeconds: number;
}

/** Per account (by folded e-mail, whether it exists or not): three free tries, then 1, 2, 4 … seconds, up to 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeAttempts: 3,
  windowSeconds: 24 * 3600,
  maxDelaySeconds: 900,
};
/** Per client IP: room for a shared office address, then the same growth. */
export const IP_POLICY: ThrottlePolicy = { freeAttempts: 30, windowSeconds: 3600, maxDelaySeconds: 900 };
/** Second factor per account: a 6-digit code must not be guessable by brute force. */
export const SECOND_FACTOR_POLICY: ThrottlePolicy = {
  freeAttempts: 3,
  windowSeconds: 24 * 3600,
  maxDelaySeconds: 900,
};

/** Seconds to wait after the n-th failure in a row: 0 while free, then doubling from 1 s. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.freeAttempts) return 0;
  return Math.min(2 ** (failures - policy.freeAttempts - 1), policy.maxDelaySeconds);
}

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/**
 * Growing delays between sign-in attempts, stored in PostgreSQL so that every API instance sees the same
 * counters. An attempt is counted *before* the password is checked, in one atomic upsert that also refuses it
 * while the key is blocked: concurrent guesses cannot slip through between check and count. A successful
 * attempt then gives its count back (`succeeded`).
 */
@Injectable()
export class SignInThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts an attempt on every key, or throws 429 with Retry-After when any key is still blocked. */
  async attempt(keys: ThrottleKey[], now: Date): Promise<void> {
    const blocked = await this.dataSource.query(
      `SELECT key, blocked_until FROM sign_in_throttle WHERE key = ANY($1) AND blocked_until > $2`,
      [keys.map((k) => k.key), now],
    );
    if (blocked.length > 0) throw this.throttled(blocked, now);
    for (const { key, policy } of keys) {
      const windowStart = new Date(now.getTime() - policy.windowSeconds * 1000);
      const rows: { failures: number; blocked_until: Date | null }[] = await this.dataSource.query(
        `INSERT INTO sign_in_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, 1, $2, NULL)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN sign_in_throttle.last_failure_at < $3 THEN 1 ELSE sign_in_throttle.failures + 1 END,
           last_failure_at = $2
         WHERE sign_in_throttle.blocked_until IS NULL OR sign_in_throttle.blocked_until <= $2
         RETURNING failures, blocked_until`,
        [key, now, windowStart],
      );
      if (rows.length === 0) {
        // Another instance blocked the key between our check and this update.
        const again = await this.dataSource.query(
          `SELECT key, blocked_until FROM sign_in_throttle WHERE key = $1`,
          [key],
        );
        throw this.throttled(again, now);
      }
      const delay = delayAfter(rows[0].failures, policy);
      await this.dataSource.query(`UPDATE sign_in_throttle SET blocked_until = $2 WHERE key = $1`, [
        key,
        delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
      ]);
    }
  }

  /** After a correct attempt: the account key is cleared, the IP key only gets this attempt back. */
  async succeeded(clearKeys: string[], refundKeys: string[]): Promise<void> {
    if (clearKeys.length > 0)
      await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE key = ANY($1)`, [clearKeys]);
    if (refundKeys.length > 0) {
      await this.dataSource.query(
        `UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ANY($1)`,
        [refundKeys],
      );
    }
  }

  private throttled(rows: { blocked_until: Date | string }[], now: Date): ProblemException {
    const until = Math.max(...rows.map((row) => new Date(row.blocked_until).getTime()));
    const retryAfter = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    return new ThrottledException(retryAfter);
  }
}

/** 429 carrying the seconds to wait; the filter sends them as `Retry-After`. */
export class ThrottledException extends ProblemException {
  constructor(readonly retryAfterSeconds: number) {
    super(429, ErrorCode.signInThrottled, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}
