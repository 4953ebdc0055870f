import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/**
 * One line of the audit trail. Append-only in the database: a trigger (migration Identity) rejects UPDATE,
 * DELETE and TRUNCATE. No foreign keys, so the trail outlives the accounts and records it names.
 * `details` never holds secrets (passwords, codes, tokens) nor victim data.
 */
@Entity('audit_event')
@Index('idx_audit_event_record', ['recordType', 'recordId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** `account:<id>`, `service:admin-token` or `anonymous`. */
  @Column({ type: 'varchar', length: 120 })
  actor!: string;

  @Index()
  @Column({ name: 'actor_account_id', type: 'uuid', nullable: true })
  actorAccountId!: string | null;

  /** Dotted verb, e.g. `auth.sign-in`, `account.update`, `handoff.read`. */
  @Index()
  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ name: 'record_type', type: 'varchar', length: 40, nullable: true })
  recordType!: string | null;

  @Column({ name: 'record_id', type: 'varchar', length: 100, nullable: true })
  recordId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 10 })
  outcome!: AuditOutcome;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
