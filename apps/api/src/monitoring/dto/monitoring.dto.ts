import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  COVERAGE_REGION_TYPES,
  CoverageStatus,
  KADER_PERIOD_PATTERN,
  KADER_THEMES,
  SUPPRESSED,
  type CoverageRegionType,
  type Figure,
  type KaderTheme,
} from '@ketenkaart/shared-domain';
import { IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { AandachtsfunctionarisCheckDto, KaderMunicipalityStatusDto } from './kader.dto';

const FIGURE_SCHEMA: ApiPropertyOptions = {
  oneOf: [{ type: 'number' }, { type: 'string', enum: [SUPPRESSED] }],
  description: `A count, or "${SUPPRESSED}" when it is below 5 for a caller who may not see single hand-offs.`,
};

export class CoverageQueryDto {
  @ApiPropertyOptional({ enum: COVERAGE_REGION_TYPES, default: 'veiligheidsregio' })
  @IsOptional()
  @IsIn(COVERAGE_REGION_TYPES, { message: `type must be one of ${COVERAGE_REGION_TYPES.join(', ')}` })
  type?: CoverageRegionType;

  @ApiPropertyOptional({
    example: '2025-H1',
    description: 'Period of the Kader status; defaults to the current one.',
  })
  @IsOptional()
  @Matches(KADER_PERIOD_PATTERN, { message: 'period must be a half-year such as 2025-H1 or 2025-H2' })
  period?: string;
}

export class FunctionCoverageDto {
  @ApiProperty({ enum: Object.values(CoverageStatus) }) status!: CoverageStatus;
  @ApiProperty({ description: 'Named holders (CoMensha op afstand not counted).' }) holders!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Sum of the hours per week of the holders.' })
  hoursPerWeek!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'When vacant: end of the last assignment, else the start of the region.',
  })
  vacantSince!: string | null;
}

export class MunicipalityCoverageDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['yes', 'no', 'unknown'] }) meetsBasis!: string;
  @ApiProperty({ type: AandachtsfunctionarisCheckDto }) aandachtsfunctionaris!: AandachtsfunctionarisCheckDto;
}

export class RegionCoverageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: FunctionCoverageDto }) ketenregisseur!: FunctionCoverageDto;
  @ApiProperty({ type: FunctionCoverageDto }) zorgcoordinatie!: FunctionCoverageDto;
  @ApiProperty({ type: [MunicipalityCoverageDto] }) municipalities!: MunicipalityCoverageDto[];
}

export class CoverageTotalsDto {
  @ApiProperty() regions!: number;
  @ApiProperty() ketenregisseurVacant!: number;
  @ApiProperty() zorgcoordinatieVacant!: number;
  @ApiProperty() zorgcoordinatieOpAfstand!: number;
  @ApiProperty() municipalities!: number;
  @ApiProperty() municipalitiesMeetingBasis!: number;
  @ApiProperty() aandachtsfunctionarisMeets!: number;
}

export class CoverageDto {
  @ApiProperty({ enum: COVERAGE_REGION_TYPES }) type!: CoverageRegionType;
  @ApiProperty() period!: string;
  @ApiProperty({ type: [RegionCoverageDto] }) regions!: RegionCoverageDto[];
  @ApiProperty({ type: CoverageTotalsDto }) totals!: CoverageTotalsDto;
}

export class KaderOverviewQueryDto {
  @ApiPropertyOptional({ example: '2025-H1' })
  @IsOptional()
  @Matches(KADER_PERIOD_PATTERN, { message: 'period must be a half-year such as 2025-H1 or 2025-H2' })
  period?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the gemeenten of this region.' })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (uuid)' })
  region?: string;
}

export class KaderStatusCountsDto {
  @ApiProperty() voldoet!: number;
  @ApiProperty() deels!: number;
  @ApiProperty({ name: 'voldoet-niet' }) 'voldoet-niet'!: number;
  @ApiProperty() onbekend!: number;
}

export class KaderThemeTotalsDto extends KaderStatusCountsDto {
  @ApiProperty({ enum: KADER_THEMES }) theme!: KaderTheme;
}

export class KaderTotalsDto {
  @ApiProperty() municipalities!: number;
  @ApiProperty() meetsBasis!: number;
  @ApiProperty() doesNotMeetBasis!: number;
  @ApiProperty() unknown!: number;
  @ApiProperty() aandachtsfunctionarisMeets!: number;
  @ApiProperty({ description: 'Gemeenten with at least one adopted policy document in force.' })
  withPolicyDocument!: number;
  @ApiProperty({ type: [KaderThemeTotalsDto] }) themes!: KaderThemeTotalsDto[];
}

export class KaderOverviewDto {
  @ApiProperty() period!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) regionId!: string | null;
  @ApiProperty() criteriaSetVersion!: number;
  @ApiProperty({ type: [KaderMunicipalityStatusDto] }) municipalities!: KaderMunicipalityStatusDto[];
  @ApiProperty({
    type: KaderTotalsDto,
    description: 'Totals of the listed gemeenten (national without region).',
  })
  totals!: KaderTotalsDto;
}

export class HandoffFiguresQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (sent on or after); default 12 months ago.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (sent on or before); default today.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only hand-offs of this region; required scope for a ketenregisseur.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (uuid)' })
  region?: string;
}

export class FigureRowDto {
  @ApiProperty({ description: 'Path code, exploitation form, region id or decline reason.' }) key!: string;
  @ApiProperty({ description: 'Label (region name) where one exists.', nullable: true, type: String })
  label!: string | null;
  @ApiProperty(FIGURE_SCHEMA) count!: Figure;
}

export class HandoffFiguresDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) regionId!: string | null;
  @ApiProperty({ description: 'True when counts below 5 are shown as "<5".' }) suppressed!: boolean;
  @ApiProperty(FIGURE_SCHEMA) total!: Figure;
  @ApiProperty({ type: [FigureRowDto] }) byPath!: FigureRowDto[];
  @ApiProperty({ type: [FigureRowDto] }) byForm!: FigureRowDto[];
  @ApiProperty({
    type: [FigureRowDto],
    description: 'Per veiligheidsregio of the gemeente where the signal arose.',
  })
  byRegion!: FigureRowDto[];
  @ApiProperty({ type: [FigureRowDto] }) declineReasons!: FigureRowDto[];
  @ApiProperty(FIGURE_SCHEMA) accepted!: Figure;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string', enum: [SUPPRESSED] }],
    nullable: true,
    description: 'Median hours from sending to acceptance; "<5" when based on fewer than 5 hand-offs.',
  })
  medianHoursToAcceptance!: number | typeof SUPPRESSED | null;
  @ApiProperty(FIGURE_SCHEMA) overdue!: Figure;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string', enum: [SUPPRESSED] }],
    nullable: true,
    description:
      'Share (0–1) answered late or still unanswered past the deadline; "<5" when from a suppressed count.',
  })
  overdueShare!: number | typeof SUPPRESSED | null;
}
