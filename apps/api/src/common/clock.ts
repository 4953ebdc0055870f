import { Injectable } from '@nestjs/common';

/**
 * The current time for every rule that depends on it (session expiry, link validity, TOTP steps, throttling).
 * A system edge: tests replace `now` to move time instead of waiting.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
