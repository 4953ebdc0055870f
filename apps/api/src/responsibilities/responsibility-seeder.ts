import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cellKey, NATIONAL_DEFAULT } from './national-default';

/**
 * Keeps the national default matrix equal to `national-default.ts`: reference data, present in every database
 * (not demo). Idempotent and safe with several instances starting at once (upsert on the cell key); cells no
 * longer in the code are removed. Runs after SetupService has migrated (bootstrap follows setup in main and tests).
 */
@Injectable()
export class ResponsibilitySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Responsibilities');

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  async seed(): Promise<void> {
    const rows = NATIONAL_DEFAULT.map((cell) => [
      cellKey(cell),
      cell.task,
      cell.organisationType,
      cell.exploitationForm,
      cell.targetGroup,
      cell.level,
      cell.note,
      cell.source.title,
      cell.source.reference,
      cell.source.url,
    ]);
    const columns = [
      'cell_key',
      'task',
      'organisation_type',
      'exploitation_form',
      'target_group',
      'level',
      'note',
      'source_title',
      'source_reference',
      'source_url',
    ];
    await this.dataSource.transaction(async (manager) => {
      const values = rows.map(
        (row, index) => `(${row.map((_, column) => `$${index * row.length + column + 1}`).join(', ')})`,
      );
      const changed = columns
        .slice(1)
        .map((column) => `responsibility_default.${column} IS DISTINCT FROM EXCLUDED.${column}`);
      const result: unknown[] = await manager.query(
        `INSERT INTO responsibility_default (${columns.join(', ')}) VALUES ${values.join(', ')}
         ON CONFLICT (cell_key) DO UPDATE SET ${columns
           .slice(1)
           .map((column) => `${column} = EXCLUDED.${column}`)
           .join(', ')}, updated_at = now()
         WHERE ${changed.join(' OR ')}
         RETURNING cell_key`,
        rows.flat(),
      );
      const removed: unknown[] = await manager.query(
        `DELETE FROM responsibility_default WHERE cell_key <> ALL($1::text[]) RETURNING cell_key`,
        [rows.map((row) => row[0])],
      );
      if (result.length > 0 || removed.length > 0) {
        this.logger.log(`national matrix: ${result.length} cell(s) written, ${removed.length} removed`);
      }
    });
  }
}
