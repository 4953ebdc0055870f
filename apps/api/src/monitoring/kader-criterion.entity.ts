import type { KaderLevel, KaderTheme } from '@ketenkaart/shared-domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { KaderCriteriaSetEntity } from './kader-criteria-set.entity';

/** One criterion of the VNG Kader in one version of the criteria set. */
@Entity('kader_criterion')
@Unique('uq_kader_criterion_code', ['criteriaSetId', 'code'])
@Check('ck_kader_criterion_level', `level IN ('basis', 'verdieping')`)
export class KaderCriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'criteria_set_id', type: 'uuid' })
  criteriaSetId!: string;

  @ManyToOne(() => KaderCriteriaSetEntity, (set) => set.criteria, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criteria_set_id' })
  criteriaSet?: KaderCriteriaSetEntity;

  /** Stable across versions while the meaning stays, e.g. `BB-1`. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  theme!: KaderTheme;

  @Column({ type: 'varchar', length: 12 })
  level!: KaderLevel;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 300 })
  source!: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;
}
