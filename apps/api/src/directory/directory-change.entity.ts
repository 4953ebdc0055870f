import type { DirectoryKind } from '@ketenkaart/shared-domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type ChangeAction = 'created' | 'updated' | 'archived' | 'verified' | 'restored';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/**
 * One change of a directory entry: who, when, which fields old → new, and the full state afterwards
 * (`snapshot`), which is what a restore brings back. Append-only.
 */
@Entity('directory_change')
@Unique('uq_directory_change_version', ['entityKind', 'entityId', 'version'])
@Index('idx_directory_change_entity', ['entityKind', 'entityId'])
export class DirectoryChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'entity_kind', type: 'varchar', length: 20 })
  entityKind!: DirectoryKind;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  /** The entry's version after this change. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 20 })
  action!: ChangeAction;

  @Column({ name: 'changed_by', type: 'varchar', length: 120 })
  changedBy!: string;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ type: 'jsonb' })
  changes!: FieldChange[];

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;
}
