import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { RegionEntity } from './region.entity';

/** A municipality belongs to a region for a period; ending a membership keeps its history. */
@Entity('region_membership')
export class RegionMembershipEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @ManyToOne(() => RegionEntity, (region) => region.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;

  @Index()
  @PrimaryColumn({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: MunicipalityEntity;

  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;
}
