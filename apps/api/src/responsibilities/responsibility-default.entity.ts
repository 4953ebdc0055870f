import type {
  ExploitationForm,
  OrganisationType,
  ResponsibilityLevel,
  ResponsibilityTask,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One cell of the national default matrix: reference data, seeded from `national-default.ts` on every start
 * (upsert on `cell_key`), never demo. `exploitation_form`/`target_group` null means "all".
 */
@Entity('responsibility_default')
@Check('ck_responsibility_default_level', "level IN ('lead', 'contributes', 'refers-on', 'not-responsible')")
export class ResponsibilityDefaultEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** task|organisationType|form|targetGroup with `*` for null: unique, since NULLs never collide in a unique index. */
  @Index('uq_responsibility_default_cell_key', { unique: true })
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

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'source_title', type: 'varchar', length: 200 })
  sourceTitle!: string;

  @Column({ name: 'source_reference', type: 'varchar', length: 300, nullable: true })
  sourceReference!: string | null;

  @Column({ name: 'source_url', type: 'varchar', length: 500, nullable: true })
  sourceUrl!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
