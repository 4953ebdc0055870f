import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KADER_LEVELS,
  KADER_PERIOD_PATTERN,
  KADER_STATUSES,
  KADER_THEMES,
  type BasisVerdict,
  type KaderLevel,
  type KaderStatus,
  type KaderTheme,
} from '@ketenkaart/shared-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PolicyCoverageDto } from './policy-document.dto';

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };

export class KaderCriterionInputDto {
  @ApiProperty({ example: 'BB-1' })
  @IsString()
  @Matches(/^[A-Z]{2}-V?\d{1,2}$/, { message: 'code must look like BB-1 or BB-V1' })
  code!: string;

  @ApiProperty({ enum: KADER_THEMES })
  @IsIn(KADER_THEMES, { message: `theme must be one of ${KADER_THEMES.join(', ')}` })
  theme!: KaderTheme;

  @ApiProperty({ enum: KADER_LEVELS })
  @IsIn(KADER_LEVELS, { message: `level must be one of ${KADER_LEVELS.join(', ')}` })
  level!: KaderLevel;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  text!: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'Defaults to the VNG Kader (2021).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  source?: string;
}

export class CreateKaderCriteriaSetDto {
  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true }, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ type: [KaderCriterionInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => KaderCriterionInputDto)
  criteria!: KaderCriterionInputDto[];
}

export class KaderCriterionDto {
  @ApiProperty({ example: 'BB-1' }) code!: string;
  @ApiProperty({ enum: KADER_THEMES }) theme!: KaderTheme;
  @ApiProperty({ enum: KADER_LEVELS }) level!: KaderLevel;
  @ApiProperty() text!: string;
  @ApiProperty() source!: string;
}

export class KaderCriteriaSetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: [KaderCriterionDto] }) criteria!: KaderCriterionDto[];
}

export class KaderCriteriaSetListDto {
  @ApiProperty({ type: [KaderCriteriaSetDto] }) items!: KaderCriteriaSetDto[];
}

export class KaderAssessmentInputDto {
  @ApiProperty({ example: 'BB-1' })
  @IsString()
  @MaxLength(20)
  criterionCode!: string;

  @ApiProperty({ enum: KADER_STATUSES })
  @IsIn(KADER_STATUSES, { message: `status must be one of ${KADER_STATUSES.join(', ')}` })
  status!: KaderStatus;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 500,
    example: 'https://lokaleregelgeving.overheid.nl/CVDR123456',
    description: 'Link to the adopted policy (e.g. CVDR).',
  })
  @IsOptional()
  @MaxLength(500)
  @IsUrl(URL_OPTIONS, { message: 'evidenceUrl must be an http(s) URL' })
  evidenceUrl?: string | null;
}

export class PutKaderAssessmentsDto {
  @ApiProperty({
    type: [KaderAssessmentInputDto],
    description: 'The whole assessment: criteria left out are recorded as onbekend.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => KaderAssessmentInputDto)
  items!: KaderAssessmentInputDto[];
}

export class KaderPeriodQueryDto {
  @ApiPropertyOptional({ example: '2025-H1', description: 'Half-year; defaults to the current one.' })
  @IsOptional()
  @Matches(KADER_PERIOD_PATTERN, { message: 'period must be a half-year such as 2025-H1 or 2025-H2' })
  period?: string;
}

export class KaderAssessedCriterionDto extends KaderCriterionDto {
  @ApiProperty({ enum: KADER_STATUSES }) status!: KaderStatus;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who assessed (account:<id>); only for callers who assess or monitor.',
  })
  assessedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) assessedAt!: string | null;
}

export class KaderThemeStatusDto {
  @ApiProperty({ enum: KADER_THEMES }) theme!: KaderTheme;
  @ApiProperty({ enum: KADER_STATUSES, description: 'Worst status of the basis criteria of the theme.' })
  status!: KaderStatus;
  @ApiProperty({ enum: KADER_STATUSES, description: 'Worst status of the verdieping criteria.' })
  verdiepingStatus!: KaderStatus;
}

export class AandachtsfunctionarisCheckDto {
  @ApiProperty({ description: 'A person currently holds the function (not only CoMensha op afstand).' })
  named!: boolean;
  @ApiProperty({ description: 'The holder has a training date.' }) trained!: boolean;
  @ApiProperty({ nullable: true, type: Number }) hoursPerWeek!: number | null;
  @ApiProperty({ description: 'KADER_MIN_AF_HOURS.' }) minHoursPerWeek!: number;
  @ApiProperty({ description: 'Hours per week at least the minimum.' }) enoughHours!: boolean;
  @ApiProperty({ description: 'Named, trained and with enough time.' }) meets!: boolean;
}

export class KaderMunicipalityStatusDto {
  @ApiProperty({ example: 'GM0363' }) code!: string;
  @ApiProperty({ example: 'Amsterdam' }) name!: string;
  @ApiProperty({ enum: ['yes', 'no', 'unknown'], description: 'Every basis criterion voldoet.' })
  meetsBasis!: BasisVerdict;
  @ApiProperty({ type: [KaderThemeStatusDto] }) themes!: KaderThemeStatusDto[];
  @ApiProperty({ type: AandachtsfunctionarisCheckDto }) aandachtsfunctionaris!: AandachtsfunctionarisCheckDto;
  @ApiProperty({
    type: PolicyCoverageDto,
    description: "Adopted policy documents in force on the period's last day (today while it runs).",
  })
  policyDocuments!: PolicyCoverageDto;
  @ApiProperty({ description: 'Criteria with a recorded assessment.' }) assessedCriteria!: number;
}

export class KaderAssessmentSheetDto extends KaderMunicipalityStatusDto {
  @ApiProperty({ example: '2025-H1' }) period!: string;
  @ApiProperty() criteriaSetVersion!: number;
  @ApiProperty({ type: [KaderAssessedCriterionDto] }) criteria!: KaderAssessedCriterionDto[];
}

export class RegionKaderAssessmentsDto {
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ example: '2025-H1' }) period!: string;
  @ApiProperty({ type: [KaderMunicipalityStatusDto] }) municipalities!: KaderMunicipalityStatusDto[];
}
