import type {
  AgeBand,
  ConsentGivenBy,
  DeclineReason,
  ExploitationForm,
  FunctionType,
  HandoffPathCode,
  HandoffState,
  LegalBasis,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../directory/organisation.entity';

/**
 * One hand-off (issue 6): THAT a case was referred from one organisation to another, and how it goes. Never who
 * the person is: the case reference is random, free text is checked for identifying data before it is stored.
 * `version` is bumped by hand in `UPDATE … WHERE id AND version` (optimistic locking); every bump writes exactly
 * one `handoff_event` with that version, so the timeline is a complete history.
 */
@Entity('handoff')
@Index('idx_handoff_receiver_organisation', ['receiverOrganisationId', 'state'])
@Index('idx_handoff_sender_organisation', ['senderOrganisationId', 'state'])
@Index('idx_handoff_receiver_inbox', ['receiverRegionId', 'receiverFunctionType', 'state'])
export class HandoffEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** KK-2026-XXXX-XXXX: random, the sender links it to the person in their own case system. */
  @Index('uq_handoff_case_reference', { unique: true })
  @Column({ name: 'case_reference', type: 'varchar', length: 20 })
  caseReference!: string;

  /** E.g. a RIEC case number; checked for identifying data. */
  @Column({ name: 'external_reference', type: 'varchar', length: 60, nullable: true })
  externalReference!: string | null;

  @Column({ name: 'path_code', type: 'varchar', length: 40 })
  pathCode!: HandoffPathCode;

  @Column({ type: 'varchar', length: 20 })
  state!: HandoffState;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'sender_organisation_id', type: 'uuid' })
  senderOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sender_organisation_id' })
  senderOrganisation?: OrganisationEntity;

  /** The account that created it (the person who sends; staff, not a victim). */
  @Column({ name: 'sender_account_id', type: 'uuid', nullable: true })
  senderAccountId!: string | null;

  /** Addressed to an organisation … */
  @Column({ name: 'receiver_organisation_id', type: 'uuid', nullable: true })
  receiverOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'receiver_organisation_id' })
  receiverOrganisation?: OrganisationEntity | null;

  /** … or to a function inbox: whoever holds `receiverFunctionType` in `receiverRegionId`. */
  @Column({ name: 'receiver_region_id', type: 'uuid', nullable: true })
  receiverRegionId!: string | null;

  @Column({ name: 'receiver_function_type', type: 'varchar', length: 40, nullable: true })
  receiverFunctionType!: FunctionType | null;

  /** Gemeente (CBS code) where the signal arose. */
  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode!: string;

  /** Regions involved (of the gemeente and of both organisations' areas), fixed when saved: the ketenregisseur scope. */
  @Column({ name: 'region_ids', type: 'uuid', array: true, default: () => "'{}'" })
  regionIds!: string[];

  @Column({ name: 'exploitation_form', type: 'varchar', length: 40 })
  exploitationForm!: ExploitationForm;

  @Column({ name: 'target_group', type: 'varchar', length: 20 })
  targetGroup!: TargetGroup;

  @Column({ type: 'boolean' })
  minor!: boolean;

  @Column({ name: 'age_band', type: 'varchar', length: 10 })
  ageBand!: AgeBand;

  @Column({ name: 'consent_given', type: 'boolean' })
  consentGiven!: boolean;

  @Column({ name: 'consent_date', type: 'date', nullable: true })
  consentDate!: string | null;

  @Column({ name: 'consent_given_by', type: 'varchar', length: 20, nullable: true })
  consentGivenBy!: ConsentGivenBy | null;

  @Column({ name: 'legal_basis', type: 'varchar', length: 40 })
  legalBasis!: LegalBasis;

  /** Short, checked for identifying data; only the two organisations see it. */
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 40, nullable: true })
  declineReason!: DeclineReason | null;

  @Column({ name: 'alternative_organisation_id', type: 'uuid', nullable: true })
  alternativeOrganisationId!: string | null;

  /** The hand-off this one was forwarded from. */
  @Index()
  @Column({ name: 'forwarded_from_id', type: 'uuid', nullable: true })
  forwardedFromId!: string | null;

  @ManyToOne(() => HandoffEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'forwarded_from_id' })
  forwardedFrom?: HandoffEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Last day (Europe/Amsterdam) to accept or decline: sent date + the path's working days. */
  @Column({ name: 'respond_before', type: 'date', nullable: true })
  respondBefore!: string | null;

  /** Accepted, declined or forwarded. */
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  /** Reached a terminal state. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** When the overdue hand-off was escalated to the ketenregisseur(s); set once, so it escalates once. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** When retention removed notes and references (only figures remain). */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt!: Date | null;
}
