import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { KaderCriterionEntity } from './kader-criterion.entity';

/**
 * One version of the VNG Kader criteria. The criteria will be refined, so a change is a new version (never an
 * edit): assessments keep pointing at the version they were made against. The version valid for a period is
 * the latest with `validFrom` on or before the period's last day.
 */
@Entity('kader_criteria_set')
@Unique('uq_kader_criteria_set_version', ['version'])
export class KaderCriteriaSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  /** Why this version exists (e.g. "verfijning na tussenrapportage 2025"). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** `reference` for the seeded first version, else the actor who created it. */
  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => KaderCriterionEntity, (criterion) => criterion.criteriaSet)
  criteria?: KaderCriterionEntity[];
}
