import type {
  ExploitationForm,
  OrganisationType,
  OverrideStatus,
  ResponsibilityLevel,
  ResponsibilityTask,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrganisationEntity } from '../directory/organisation.entity';
import { RegionEntity } from '../regions/region.entity';

/**
 * A regional agreement: one cell of the matrix as a region agreed it, for a period. Rows are never deleted
 * or rewritten after the decision, so the table is also the history (who proposed and decided what, when).
 */
@Entity('responsibility_override')
@Index('idx_responsibility_override_region_cell', ['regionId', 'cellKey'])
@Check('ck_responsibility_override_level', "level IN ('lead', 'contributes', 'refers-on', 'not-responsible')")
@Check('ck_responsibility_override_status', "status IN ('proposed', 'approved', 'rejected')")
@Check('ck_responsibility_override_period', 'valid_until IS NULL OR valid_until > valid_from')
export class ResponsibilityOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;

  @Column({ name: 'cell_key', type: 'varchar', length: 160 })
  cellKey!: string;

  @Column({ type: 'varchar', length: 40 })
  task!: ResponsibilityTask;

  @Column({ name: 'organisation_type', type: 'varchar', length: 40 })
  organisationType!: OrganisationType;

  @Column({ name: 'exploitation_form', type: 'varchar', length: 40, nullable: true })
  exploitationForm!: ExploitationForm | null;

  @Column({ name: 'target_group', type: 'varchar', length: 20, nullable: true })
  targetGroup!: TargetGroup | null;

  @Column({ type: 'varchar', length: 20 })
  level!: ResponsibilityLevel;

  /** The directory organisation that fills the role in this region (optional). */
  @Index()
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity | null;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'source_title', type: 'varchar', length: 200 })
  sourceTitle!: string;

  @Column({ name: 'source_reference', type: 'varchar', length: 300, nullable: true })
  sourceReference!: string | null;

  @Column({ name: 'source_url', type: 'varchar', length: 500, nullable: true })
  sourceUrl!: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  /** Exclusive end; null = open-ended. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: OverrideStatus;

  @Column({ name: 'proposed_by', type: 'varchar', length: 120 })
  proposedBy!: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'decided_by', type: 'varchar', length: 120, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
