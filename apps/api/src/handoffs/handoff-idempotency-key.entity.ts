import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An `Idempotency-Key` of `POST /handoffs`, per caller: the same key with the same body returns the hand-off it
 * created; with another body it is refused. Kept in PostgreSQL so that retries across instances agree.
 */
@Entity('handoff_idempotency_key')
export class HandoffIdempotencyKeyEntity {
  /** `account:<id>`: keys are scoped per caller, so two accounts never collide. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  actor!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200 })
  key!: string;

  /** SHA-256 of the canonical JSON of the validated request body. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'handoff_id', type: 'uuid' })
  handoffId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
