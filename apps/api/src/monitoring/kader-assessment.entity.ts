import type { KaderStatus } from '@ketenkaart/shared-domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { KaderCriterionEntity } from './kader-criterion.entity';

/** The status of one Kader criterion for one gemeente in one half-year period, with its evidence. */
@Entity('kader_assessment')
@Unique('uq_kader_assessment', ['municipalityCode', 'period', 'criterionId'])
@Index('idx_kader_assessment_period', ['period', 'municipalityCode'])
@Check('ck_kader_assessment_status', `status IN ('voldoet', 'deels', 'voldoet-niet', 'onbekend')`)
export class KaderAssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: MunicipalityEntity;

  /** `2025-H1`, `2025-H2`. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Index()
  @Column({ name: 'criterion_id', type: 'uuid' })
  criterionId!: string;

  @ManyToOne(() => KaderCriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: KaderCriterionEntity;

  @Column({ type: 'varchar', length: 14 })
  status!: KaderStatus;

  /** Link to the adopted policy, e.g. a CVDR publication on lokaleregelgeving.overheid.nl. */
  @Column({ name: 'evidence_url', type: 'varchar', length: 500, nullable: true })
  evidenceUrl!: string | null;

  /** `account:<id>` or `service:admin-token`, as in the audit trail. */
  @Column({ name: 'assessed_by', type: 'varchar', length: 120 })
  assessedBy!: string;

  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt!: Date;
}
