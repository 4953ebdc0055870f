import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** A gemeente as CBS lists it. Never deleted: a merged gemeente gets `validUntil` and a successor. */
@Entity('municipality')
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code!: string;

  @Column({ name: 'cbs_code', type: 'varchar', length: 4 })
  cbsCode!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** Name to show where CBS disambiguates, e.g. "Bergen (NH.)". */
  @Column({ name: 'display_name', type: 'varchar', length: 120, nullable: true })
  displayName!: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Index()
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'successor_code', type: 'varchar', length: 6, nullable: true })
  successorCode!: string | null;

  @ManyToOne(() => MunicipalityEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'successor_code' })
  successor?: MunicipalityEntity | null;
}
