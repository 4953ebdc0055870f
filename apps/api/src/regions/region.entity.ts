import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { RegionTypeEntity } from './region-type.entity';
import { RegionMembershipEntity } from './region-membership.entity';

export type RegionSource = 'reference' | 'demo' | 'user';

/** A typed, time-valid set of municipalities (DOMAIN.md §3). */
@Entity('region')
@Unique('uq_region_type_code', ['typeCode', 'code'])
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'type_code', type: 'varchar', length: 40 })
  typeCode!: string;

  @ManyToOne(() => RegionTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_code' })
  type?: RegionTypeEntity;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  /** Where the region came from: reference data, the labelled demo seed, or a person using the portal. */
  @Column({ type: 'varchar', length: 12 })
  source!: RegionSource;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => RegionMembershipEntity, (membership) => membership.region)
  memberships?: RegionMembershipEntity[];
}
