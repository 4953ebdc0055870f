import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { toBooleanQuery } from '../../dto/common.dto';
import type { DirectoryImportKind, DirectoryImportStatus } from '../directory-import.entity';

export const IMPORT_KINDS: readonly DirectoryImportKind[] = ['organisations', 'people'];
export const IMPORT_STATUSES: readonly DirectoryImportStatus[] = [
  'validating',
  'validated',
  'running',
  'succeeded',
  'failed',
];

export class DirectoryImportQueryDto {
  @ApiPropertyOptional({
    enum: IMPORT_KINDS,
    description: 'What the rows are; required with a text/csv body (a JSON body carries it as `kind`).',
  })
  @IsOptional()
  @IsIn(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  kind?: DirectoryImportKind;

  @ApiPropertyOptional({
    description: 'Validate every row (and try the import in a rolled-back transaction) without saving.',
  })
  @IsOptional()
  @Transform(toBooleanQuery)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/** The JSON form of the request: the same CSV text in a field, for clients that cannot send text/csv. */
export class DirectoryImportJsonBodyDto {
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: DirectoryImportKind;
  @ApiProperty({
    description: 'The CSV text (UTF-8; `;` or `,` separated; header row with the Dutch column names).',
  })
  csv!: string;
}

export class DirectoryImportErrorDto {
  @ApiProperty({
    description: 'Spreadsheet row: the header is row 1, the first data row is row 2.',
    example: 7,
  })
  row!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'type',
    description: 'Column header; null for the whole row.',
  })
  column!: string | null;
  @ApiProperty({ example: 'isIn' }) code!: string;
  @ApiProperty() reason!: string;
}

export class DirectoryImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: DirectoryImportKind;
  @ApiProperty({
    enum: IMPORT_STATUSES,
    description:
      'validating → failed (row errors) | validated (dry run) | running → succeeded | failed. Nothing is saved unless succeeded.',
  })
  status!: DirectoryImportStatus;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Data rows in the file.' }) totalRows!: number;
  @ApiProperty({ description: 'Rows imported so far (progress of a running import).' })
  processedRows!: number;
  @ApiProperty({ description: 'Entries created (or, in a dry run, that would be).' }) created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'Rows whose entry already held the same data.' }) unchanged!: number;
  @ApiProperty({ type: [DirectoryImportErrorDto] }) errors!: DirectoryImportErrorDto[];
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}
