import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type DirectoryImportKind = 'organisations' | 'people';
/** validating → (failed | validated [dry run] | running → (succeeded | failed)). */
export type DirectoryImportStatus = 'validating' | 'validated' | 'running' | 'succeeded' | 'failed';

export interface DirectoryImportError {
  /** Spreadsheet row: the header is row 1, the first data row row 2. */
  row: number;
  /** Column header as in the file, or null for an error about the whole row or file. */
  column: string | null;
  code: string;
  reason: string;
}

/**
 * One CSV import (issue 3 §6): its progress and outcome, persisted so that any API instance can report a
 * background import. The CSV itself is not kept: it may hold personal work details and is only needed while
 * the import runs.
 */
@Entity('directory_import')
export class DirectoryImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: DirectoryImportKind;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: DirectoryImportStatus;

  @Column({ name: 'dry_run', type: 'boolean', default: false })
  dryRun!: boolean;

  @Column({ name: 'total_rows', type: 'int', default: 0 })
  totalRows!: number;

  @Column({ name: 'processed_rows', type: 'int', default: 0 })
  processedRows!: number;

  @Column({ name: 'created_count', type: 'int', default: 0 })
  createdCount!: number;

  @Column({ name: 'updated_count', type: 'int', default: 0 })
  updatedCount!: number;

  @Column({ name: 'unchanged_count', type: 'int', default: 0 })
  unchangedCount!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: DirectoryImportError[];

  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
