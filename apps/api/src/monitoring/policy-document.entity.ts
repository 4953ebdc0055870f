import type { ExploitationForm } from '@ketenkaart/shared-domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';

/**
 * An adopted policy document of a gemeente (issue 7 §2): the evidence behind "beleidsmatige basis", with the
 * forms of exploitation it covers. Public information (gemeenten publish adopted policy, e.g. in CVDR). Never
 * deleted: it ends (`validUntil`) or is archived when it was recorded by mistake.
 */
@Entity('policy_document')
@Index('idx_policy_document_municipality', ['municipalityCode', 'adoptedOn'])
@Check(
  'ck_policy_document_forms',
  `exploitation_forms <@ ARRAY['seksuele-uitbuiting', 'arbeidsuitbuiting', 'criminele-uitbuiting', 'gedwongen-orgaanverwijdering']::text[]`,
)
@Check('ck_policy_document_valid_until', `valid_until IS NULL OR valid_until >= adopted_on`)
export class PolicyDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  /** Publication of the adopted text, e.g. a CVDR link on lokaleregelgeving.overheid.nl (http/https only). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  url!: string | null;

  /** Date the council or college adopted it. */
  @Column({ name: 'adopted_on', type: 'date' })
  adoptedOn!: string;

  @Column({ name: 'exploitation_forms', type: 'text', array: true, default: () => "'{}'" })
  exploitationForms!: ExploitationForm[];

  /** Last day it is in force; null while it has no end. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** Optimistic locking: PATCH sends the version it read. */
  @VersionColumn({ type: 'int' })
  version!: number;

  /** `account:<id>` or `service:admin-token`, as in the audit trail. */
  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 120 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
