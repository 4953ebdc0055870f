import type { AccountStatus, Role } from '@ketenkaart/shared-domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person who can sign in. `organisationId` and `personId` point into the directory (issue 3) by id only:
 * no foreign key while that schema is still settling, so an account survives a directory entry being reworked.
 */
@Entity('account')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Case-folded (trimmed, lower case): one account per address however it is typed. */
  @Index('uq_account_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 160 })
  displayName!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: Role[];

  /** Regions the account works in (its scope); ignored for nationwide roles. */
  @Column({ name: 'region_ids', type: 'uuid', array: true, default: () => "'{}'" })
  regionIds!: string[];

  @Index()
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Index()
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: AccountStatus;

  /** Argon2id PHC string; null until the invitation is accepted. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** TOTP secret, encrypted (AES-256-GCM); null when two-factor sign-in is not enrolled. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 200, nullable: true })
  totpSecret!: string | null;

  /** Secret of an enrolment that still waits for its first code (encrypted). */
  @Column({ name: 'totp_pending_secret', type: 'varchar', length: 200, nullable: true })
  totpPendingSecret!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** The last 30-second step whose code was accepted: a code of that step or earlier is a replay. */
  @Column({ name: 'totp_last_step', type: 'integer', nullable: true })
  totpLastStep!: number | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
