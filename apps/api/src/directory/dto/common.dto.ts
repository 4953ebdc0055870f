import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const toBooleanQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
/** An empty string from a form clears an optional text field. */
export const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value;

export class RefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RegionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'veiligheidsregio' }) typeCode!: string;
  @ApiProperty({ example: 'VR13' }) code!: string;
  @ApiProperty({ example: 'Amsterdam-Amstelland' }) name!: string;
}

export class MunicipalityRefDto {
  @ApiProperty({ example: 'GM0363' }) code!: string;
  @ApiProperty({ example: 'Amsterdam' }) name!: string;
}

/** Upkeep fields every directory entry carries. */
export class UpkeepDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastVerifiedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin-token' }) lastVerifiedBy!: string | null;
  @ApiProperty({
    description: 'Not verified for DIRECTORY_STALE_MONTHS months (or since creation when never verified).',
  })
  stale!: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Archived entries are hidden by default.',
  })
  archivedAt!: string | null;
  @ApiProperty({ description: 'Send back on PATCH and restore (optimistic locking).' }) version!: number;
}

export class DirectoryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Also list archived entries.', default: false })
  @IsOptional()
  @Transform(toBooleanQuery)
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived?: boolean;
}

export class VersionDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  @Min(1)
  version!: number;
}
