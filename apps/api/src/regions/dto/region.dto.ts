import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GM_CODE_PATTERN } from '@ketenkaart/shared-domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';

const REGION_TYPE_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
const REGION_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,59}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegionTypeDto {
  @ApiProperty({ example: 'veiligheidsregio' }) code!: string;
  @ApiProperty({ example: 'Veiligheidsregio' }) name!: string;
  @ApiProperty({ example: 'Safety region' }) nameEn!: string;
  @ApiProperty({ description: 'Whether people may create and change regions of this type.' })
  editable!: boolean;
  @ApiProperty({ description: 'Current regions of this type.' }) regionCount!: number;
}

export class RegionTypeListDto {
  @ApiProperty({ type: [RegionTypeDto] }) items!: RegionTypeDto[];
}

export class RegionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'veiligheidsregio' }) typeCode!: string;
  @ApiProperty({ example: 'VR13' }) code!: string;
  @ApiProperty({ example: 'Amsterdam-Amstelland' }) name!: string;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validUntil!: string | null;
  @ApiProperty({ enum: ['reference', 'demo', 'user'], description: "'demo' marks the labelled demo seed." })
  source!: 'reference' | 'demo' | 'user';
  @ApiProperty({ type: [String], example: ['GM0363'], description: 'Current member municipalities.' })
  municipalityCodes!: string[];
}

export class MunicipalityRefDto {
  @ApiProperty({ example: 'GM0363' }) code!: string;
  @ApiProperty({ example: 'Amsterdam' }) name!: string;
}

export class RegionDetailDto extends RegionSummaryDto {
  @ApiProperty({ description: 'Send back on PATCH (optimistic locking).' }) version!: number;
  @ApiProperty({ type: [MunicipalityRefDto] }) municipalities!: MunicipalityRefDto[];
}

export class RegionPageDto {
  @ApiProperty({ type: [RegionSummaryDto] }) items!: RegionSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class ListRegionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Region type code, see /region-types.', example: 'veiligheidsregio' })
  @IsOptional()
  @Matches(REGION_TYPE_PATTERN, { message: 'type must be a region type code such as veiligheidsregio' })
  type?: string;

  @ApiPropertyOptional({
    description: 'Text in the region name (accent- and case-insensitive).',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only regions that contain this municipality.', example: 'GM0363' })
  @IsOptional()
  @Matches(GM_CODE_PATTERN, { message: 'municipality must be a code like GM0363' })
  municipality?: string;
}

export class CreateRegionDto {
  @ApiProperty({
    enum: ['ketenregie', 'zorgcoordinatie', 'centrumgemeente-vo-mo', 'zorg-en-veiligheidshuis'],
  })
  @Matches(REGION_TYPE_PATTERN, { message: 'typeCode must be a region type code such as ketenregie' })
  typeCode!: string;

  @ApiPropertyOptional({ description: 'Unique within the type; derived from the name when left out.' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'code may hold letters, digits and hyphens (max. 60)' })
  code?: string;

  @ApiProperty({ example: 'Ketenregie Twente', minLength: 2, maxLength: 160 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name!: string;

  @ApiProperty({ type: [String], example: ['GM0153', 'GM0158'], maxItems: 400 })
  @IsArray()
  @ArrayMaxSize(400)
  @Matches(GM_CODE_PATTERN, { each: true, message: 'each municipality code must look like GM0363' })
  municipalityCodes!: string[];

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom?: string;
}

export class UpdateRegionDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ minLength: 2, maxLength: 160 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'The complete new set; removed members get an end date.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @Matches(GM_CODE_PATTERN, { each: true, message: 'each municipality code must look like GM0363' })
  municipalityCodes?: string[];

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'End the region on this date.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  validUntil?: string;
}
