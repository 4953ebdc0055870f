import { ApiProperty } from '@nestjs/swagger';
import { DirectoryKind } from '@ketenkaart/shared-domain';

/** A field's value: text, number, flag, list or object (contact points). */
const ANY_JSON = [
  { type: 'string' },
  { type: 'number' },
  { type: 'boolean' },
  { type: 'array', items: {} },
  { type: 'object' },
];

export class FieldChangeDto {
  @ApiProperty({ example: 'name' }) field!: string;
  @ApiProperty({ nullable: true, oneOf: ANY_JSON, description: 'Value before the change.' }) old!: unknown;
  @ApiProperty({ nullable: true, oneOf: ANY_JSON, description: 'Value after the change.' }) new!: unknown;
}

export class ChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(DirectoryKind) }) kind!: DirectoryKind;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({ description: 'Version of the entry after this change; pass it as {versionId} to restore.' })
  version!: number;
  @ApiProperty({ enum: ['created', 'updated', 'archived', 'verified', 'restored'] }) action!: string;
  @ApiProperty({ example: 'admin-token' }) changedBy!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
}

export class ChangeListDto {
  @ApiProperty({ type: [ChangeDto], description: 'Newest first.' }) items!: ChangeDto[];
}
