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
import { OrganisationEntity } from './organisation.entity';

/** A professional contact: work details only. Victims and suspects are never stored (DOMAIN.md §5). */
@Entity('person')
@Index('idx_person_name_trgm', { synchronize: false })
@Index('idx_person_work_email_trgm', { synchronize: false })
@Index('idx_person_search_name_trgm', { synchronize: false })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Column({ name: 'work_email', type: 'varchar', length: 254, nullable: true })
  workEmail!: string | null;

  @Column({ name: 'work_phone', type: 'varchar', length: 40, nullable: true })
  workPhone!: string | null;

  @Index()
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity | null;

  @Index('uq_person_external_key', { unique: true })
  @Column({ name: 'external_key', type: 'varchar', length: 100, nullable: true })
  externalKey!: string | null;

  @Column({ name: 'last_verified_at', type: 'timestamptz', nullable: true })
  lastVerifiedAt!: Date | null;

  @Column({ name: 'last_verified_by', type: 'varchar', length: 120, nullable: true })
  lastVerifiedBy!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** kk_fold(name), written only by a database trigger (migration SearchIndexes1795875600000); search reads it. */
  @Column({ name: 'search_name', type: 'text', nullable: true, select: false, insert: false, update: false })
  searchName?: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
