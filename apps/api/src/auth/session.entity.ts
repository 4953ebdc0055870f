import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

export const SESSION_AUTH_METHODS = ['password', 'sso'] as const;
export type SessionAuthMethod = (typeof SESSION_AUTH_METHODS)[number];

/**
 * A server-side browser session. The cookie holds a random token; only its SHA-256 is stored, so a copy of the
 * table cannot be replayed as cookies. `id` is the public handle for listing and ending sessions.
 */
@Entity('session')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_session_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Index()
  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** Absolute end, however active the session is. */
  @Index()
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  @Column({ name: 'two_factor_passed', type: 'boolean', default: false })
  twoFactorPassed!: boolean;

  /** How the session began: `password` (this portal) or `sso` (OpenID Connect identity provider). */
  @Column({ name: 'auth_method', type: 'varchar', length: 20, default: 'password' })
  authMethod!: SessionAuthMethod;
}
