import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A single sign-on that was started and waits for the identity provider's answer. It lives in PostgreSQL, not in
 * process memory, because the answer may reach another API instance. Used once: the callback deletes it.
 * `state` and the browser-binding cookie are stored as SHA-256 only; the nonce and the PKCE verifier must be
 * kept as they are (they are checked against the ID token and sent to the token endpoint).
 */
@Entity('oidc_login')
export class OidcLoginEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_oidc_login_state_hash', { unique: true })
  @Column({ name: 'state_hash', type: 'char', length: 64 })
  stateHash!: string;

  /** SHA-256 of the random value in the browser's `kk_oidc` cookie: the answer only counts in the browser that asked. */
  @Column({ name: 'browser_hash', type: 'char', length: 64 })
  browserHash!: string;

  @Column({ type: 'varchar', length: 64 })
  nonce!: string;

  @Column({ name: 'code_verifier', type: 'varchar', length: 128 })
  codeVerifier!: string;

  /** Path inside the portal to open after sign-in. */
  @Column({ name: 'return_path', type: 'varchar', length: 500, nullable: true })
  returnPath!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index()
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
