import type { HandoffEventKind, HandoffParty, HandoffState } from '@ketenkaart/shared-domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { HandoffEntity } from './handoff.entity';

/**
 * One step of a hand-off's timeline: who, when, from → to, why. `version` is the hand-off's version after the
 * step; the unique key makes "one event per successful change" a database guarantee. Append-only.
 */
@Entity('handoff_event')
@Unique('uq_handoff_event_version', ['handoffId', 'version'])
export class HandoffEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'handoff_id', type: 'uuid' })
  handoffId!: string;

  @ManyToOne(() => HandoffEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handoff_id' })
  handoff?: HandoffEntity;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: HandoffEventKind;

  @Column({ type: 'varchar', length: 10 })
  party!: HandoffParty;

  @Column({ name: 'from_state', type: 'varchar', length: 20, nullable: true })
  fromState!: HandoffState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 20 })
  toState!: HandoffState;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** `account:<id>` as in the audit trail. */
  @Column({ type: 'varchar', length: 120 })
  actor!: string;

  @Column({ name: 'actor_account_id', type: 'uuid', nullable: true })
  actorAccountId!: string | null;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId!: string | null;

  /** Coded reason (decline, withdraw). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  reason!: string | null;

  /** Short free text, checked for identifying data. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  remark!: string | null;

  @Column({ name: 'alternative_organisation_id', type: 'uuid', nullable: true })
  alternativeOrganisationId!: string | null;

  /** The new hand-off a `forward` created. */
  @Column({ name: 'forwarded_handoff_id', type: 'uuid', nullable: true })
  forwardedHandoffId!: string | null;

  /** Names of the fields an `edited` step changed (never their values). */
  @Column({ name: 'changed_fields', type: 'text', array: true, default: () => "'{}'" })
  changedFields!: string[];
}
