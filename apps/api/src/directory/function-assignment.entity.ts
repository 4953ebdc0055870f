import type { FunctionType } from '@ketenkaart/shared-domain';
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
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { RegionEntity } from '../regions/region.entity';
import { OrganisationEntity } from './organisation.entity';
import { PersonEntity } from './person.entity';

/**
 * A function (ketenregisseur, aandachtsfunctionaris, …) held for one region or one gemeente during a period.
 * Without a person it is held by CoMensha "op afstand". A scope without a current holder is vacant.
 */
@Entity('function_assignment')
@Check('ck_function_assignment_scope', '(region_id IS NULL) <> (municipality_code IS NULL)')
@Check('ck_function_assignment_holder', 'person_id IS NOT NULL OR op_afstand')
@Check('ck_function_assignment_period', 'end_date IS NULL OR end_date >= start_date')
@Index('idx_function_assignment_search_trgm', { synchronize: false })
// Partial index on the gemeente functions that have not ended (migration CurrentMunicipalityFunctionsIndex1795882300000).
@Index('idx_function_assignment_municipality_open', { synchronize: false })
export class FunctionAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'function_type', type: 'varchar', length: 40 })
  functionType!: FunctionType;

  @Index()
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity | null;

  /** The organisation that employs the holder (for "op afstand": CoMensha). */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity | null;

  @Index()
  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity | null;

  @Index()
  @Column({ name: 'municipality_code', type: 'varchar', length: 6, nullable: true })
  municipalityCode!: string | null;

  @ManyToOne(() => MunicipalityEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: MunicipalityEntity | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, nullable: true })
  hoursPerWeek!: string | null;

  @Column({ name: 'deputy_person_id', type: 'uuid', nullable: true })
  deputyPersonId!: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deputy_person_id' })
  deputyPerson?: PersonEntity | null;

  /** Date of the aandachtsfunctionaris training (VNG Kader); only for that function. */
  @Column({ name: 'training_date', type: 'date', nullable: true })
  trainingDate!: string | null;

  @Column({ name: 'op_afstand', type: 'boolean', default: false })
  opAfstand!: boolean;

  @Column({ name: 'last_verified_at', type: 'timestamptz', nullable: true })
  lastVerifiedAt!: Date | null;

  @Column({ name: 'last_verified_by', type: 'varchar', length: 120, nullable: true })
  lastVerifiedBy!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /**
   * Folded "label holder region/gemeente" that search matches on, written only by database triggers (migration
   * SearchIndexes1795875600000), trigram-indexed; never read or written through the entity.
   */
  @Column({ name: 'search_text', type: 'text', nullable: true, select: false, insert: false, update: false })
  searchText?: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
