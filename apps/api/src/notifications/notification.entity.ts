import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An in-app notice to one account about one hand-off. It holds the kind and the hand-off id only: no notes and
 * no case details (the pseudonymous case reference is read from the hand-off when listed).
 */
@Entity('notification')
@Index('idx_notification_recipient', ['accountId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  /** `handoff-received`, `handoff-accepted`, `handoff-declined`, `handoff-overdue`, `handoff-transferred`. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Index()
  @Column({ name: 'handoff_id', type: 'uuid' })
  handoffId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
