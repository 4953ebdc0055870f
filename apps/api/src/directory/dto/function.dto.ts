import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUNCTION_TYPES, FunctionType, GM_CODE_PATTERN } from '@ketenkaart/shared-domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  DirectoryListQueryDto,
  MunicipalityRefDto,
  RefDto,
  RegionRefDto,
  toBooleanQuery,
  UpkeepDto,
} from './common.dto';
import { IsNumberWithDecimals } from '../../common/validation';

const present = (_object: object, value: unknown) => value !== undefined;

class FunctionFieldsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Holder; leave out only with opAfstand.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Employing organisation (CoMensha for op afstand).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The region it is held for (or municipalityCode).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'regionId must be a UUID' })
  regionId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'GM0363',
    description: 'The gemeente it is held for (or regionId).',
  })
  @IsOptional()
  @Matches(GM_CODE_PATTERN, { message: 'municipalityCode must be a code like GM0363' })
  municipalityCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'endDate must be a date (YYYY-MM-DD)' })
  endDate?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: 60, example: 16 })
  @IsOptional()
  @IsNumberWithDecimals(1, { message: 'hoursPerWeek must be a number with at most one decimal' })
  @Min(0)
  @Max(60)
  hoursPerWeek?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'deputyPersonId must be a UUID' })
  deputyPersonId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Aandachtsfunctionaris only.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'trainingDate must be a date (YYYY-MM-DD)' })
  trainingDate?: string | null;

  @ApiPropertyOptional({ description: 'Held by CoMensha "op afstand" where no regional holder exists.' })
  @IsOptional()
  @IsBoolean()
  opAfstand?: boolean;
}

export class CreateFunctionDto extends FunctionFieldsDto {
  @ApiProperty({ enum: FUNCTION_TYPES })
  @IsIn(FUNCTION_TYPES, { message: `functionType must be one of ${FUNCTION_TYPES.join(', ')}` })
  functionType!: FunctionType;

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate?: string;
}

export class UpdateFunctionDto extends FunctionFieldsDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: FUNCTION_TYPES })
  @ValidateIf(present)
  @IsIn(FUNCTION_TYPES, { message: `functionType must be one of ${FUNCTION_TYPES.join(', ')}` })
  functionType?: FunctionType;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf(present)
  @IsDateString({ strict: true }, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate?: string;
}

export class ListFunctionsQueryDto extends DirectoryListQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Functions for this region or for one of its gemeenten.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (UUID)' })
  region?: string;

  @ApiPropertyOptional({
    example: 'GM0363',
    description: 'Functions for this gemeente or for a region containing it.',
  })
  @IsOptional()
  @Matches(GM_CODE_PATTERN, { message: 'municipality must be a code like GM0363' })
  municipality?: string;

  @ApiPropertyOptional({ enum: FUNCTION_TYPES })
  @IsOptional()
  @IsIn(FUNCTION_TYPES, { message: `functionType must be one of ${FUNCTION_TYPES.join(', ')}` })
  functionType?: FunctionType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'person must be a person id (UUID)' })
  person?: string;

  @ApiPropertyOptional({
    description: 'Also list functions that ended or have not started yet.',
    default: false,
  })
  @IsOptional()
  @Transform(toBooleanQuery)
  @IsBoolean({ message: 'includeEnded must be true or false' })
  includeEnded?: boolean;
}

export class PersonContactDto extends RefDto {
  @ApiProperty({ nullable: true, type: String }) workEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) workPhone!: string | null;
}

export class FunctionDto extends UpkeepDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FUNCTION_TYPES }) functionType!: FunctionType;
  @ApiProperty({ example: 'Ketenregisseur' }) label!: string;
  @ApiProperty({ type: PersonContactDto, nullable: true }) person!: PersonContactDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) organisation!: RefDto | null;
  @ApiProperty({ type: RegionRefDto, nullable: true }) region!: RegionRefDto | null;
  @ApiProperty({ type: MunicipalityRefDto, nullable: true }) municipality!: MunicipalityRefDto | null;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: Number }) hoursPerWeek!: number | null;
  @ApiProperty({ type: RefDto, nullable: true }) deputy!: RefDto | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) trainingDate!: string | null;
  @ApiProperty() opAfstand!: boolean;
  @ApiProperty({ description: 'Started, not ended, not archived.' }) current!: boolean;
}

export class FunctionPageDto {
  @ApiProperty({ type: [FunctionDto] }) items!: FunctionDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
