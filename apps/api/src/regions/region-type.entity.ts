import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('region_type')
export class RegionTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 120 })
  nameEn!: string;

  /** Reference grids (CBS, Politiewet) are read-only; regions set by the people involved are editable. */
  @Column({ type: 'boolean' })
  editable!: boolean;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;
}
