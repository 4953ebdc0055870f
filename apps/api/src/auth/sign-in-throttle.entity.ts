import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-in attempts per key (`account:<folded e-mail>`, `ip:<address>`, `totp:<account id>`), shared by
 * every API instance. The key exists whether or not the account does, so throttling reveals nothing.
 */
@Entity('sign_in_throttle')
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt!: Date;

  /** No attempt with this key is evaluated before this moment. */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
