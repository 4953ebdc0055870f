import type { ExploitationForm, OrganisationType, TargetGroup } from '@ketenkaart/shared-domain';
import {
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

/** A public contact point ("front door"): what anyone may use to reach the organisation. */
export interface ContactPoint {
  label: string;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
}

/**
 * A partner organisation in the directory. Served area = the listed municipalities plus the members of the
 * listed regions; `national` organisations serve the whole country. Search uses expression indexes on the
 * folded name, created by hand in the migration (TypeORM cannot express them), hence `synchronize: false`.
 */
@Entity('organisation')
@Index('idx_organisation_name_trgm', { synchronize: false })
@Index('idx_organisation_fts', { synchronize: false })
@Index('idx_organisation_search_name_trgm', { synchronize: false })
@Index('idx_organisation_search_vector', { synchronize: false })
// Partial index on the current national organisations (migration NationalOrganisationsIndex1795882200000).
@Index('idx_organisation_national', { synchronize: false })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  type!: OrganisationType;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Index()
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrganisationEntity | null;

  @Column({ name: 'contact_points', type: 'jsonb', default: () => "'[]'" })
  contactPoints!: ContactPoint[];

  /** Visiting address; when `addressConfidential` only callers with directory.confidential.read see it. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ name: 'address_confidential', type: 'boolean', default: false })
  addressConfidential!: boolean;

  @Column({ type: 'boolean', default: false })
  national!: boolean;

  @Index('idx_organisation_municipality_codes', { synchronize: false })
  @Column({ name: 'municipality_codes', type: 'text', array: true, default: () => "'{}'" })
  municipalityCodes!: string[];

  @Index('idx_organisation_region_ids', { synchronize: false })
  @Column({ name: 'region_ids', type: 'uuid', array: true, default: () => "'{}'" })
  regionIds!: string[];

  @Column({ name: 'exploitation_forms', type: 'text', array: true, default: () => "'{}'" })
  exploitationForms!: ExploitationForm[];

  @Column({ name: 'target_groups', type: 'text', array: true, default: () => "'{}'" })
  targetGroups!: TargetGroup[];

  /** Key of the row in CoMensha's spreadsheets, so that a CSV re-import updates instead of duplicating. */
  @Index('uq_organisation_external_key', { unique: true })
  @Column({ name: 'external_key', type: 'varchar', length: 100, nullable: true })
  externalKey!: string | null;

  @Column({ name: 'last_verified_at', type: 'timestamptz', nullable: true })
  lastVerifiedAt!: Date | null;

  @Column({ name: 'last_verified_by', type: 'varchar', length: 120, nullable: true })
  lastVerifiedBy!: string | null;

  @Index()
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** kk_fold(name), written only by a database trigger (migration SearchIndexes1795875600000); search reads it. */
  @Column({ name: 'search_name', type: 'text', nullable: true, select: false, insert: false, update: false })
  searchName?: string | null;

  /** Dutch tsvector of the folded name and description, kept by the same trigger. */
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
