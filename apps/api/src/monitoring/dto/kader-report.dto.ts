import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COVERAGE_REGION_TYPES,
  EXPLOITATION_FORMS,
  KADER_PERIOD_PATTERN,
  KADER_REPORT_KINDS,
  KADER_REPORT_TABLES,
  KADER_THEMES,
  type BasisVerdict,
  type CoverageRegionType,
  type ExploitationForm,
  type KaderReportKind,
  type KaderReportTable,
  type KaderTheme,
} from '@ketenkaart/shared-domain';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AandachtsfunctionarisCheckDto, KaderThemeStatusDto } from './kader.dto';
import { FunctionCoverageDto, HandoffFiguresDto, KaderThemeTotalsDto } from './monitoring.dto';

const PERIOD_MESSAGE = 'must be a half-year such as 2025-H1 or 2025-H2';

export class KaderTrendQueryDto {
  @ApiPropertyOptional({ example: '2024-H1', description: 'First half-year; default three before `to`.' })
  @IsOptional()
  @Matches(KADER_PERIOD_PATTERN, { message: `from ${PERIOD_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-H2', description: 'Last half-year; default the current one.' })
  @IsOptional()
  @Matches(KADER_PERIOD_PATTERN, { message: `to ${PERIOD_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the (current) gemeenten of this region.' })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (uuid)' })
  region?: string;
}

export class KaderTrendPeriodDto {
  @ApiProperty({ example: '2025-H1' }) period!: string;
  @ApiProperty() criteriaSetVersion!: number;
  @ApiProperty() municipalities!: number;
  @ApiProperty({ description: 'Gemeenten with at least one recorded criterion in the period.' })
  assessedMunicipalities!: number;
  @ApiProperty() meetsBasis!: number;
  @ApiProperty() doesNotMeetBasis!: number;
  @ApiProperty() unknown!: number;
  @ApiProperty({ description: "Gemeenten with adopted policy in force on the period's last day." })
  withPolicyDocument!: number;
  @ApiProperty({ type: [KaderThemeTotalsDto], description: 'Per theme the basis status counts.' })
  themes!: KaderThemeTotalsDto[];
}

export class KaderTrendDto {
  @ApiProperty({ example: '2024-H1' }) from!: string;
  @ApiProperty({ example: '2026-H2' }) to!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) regionId!: string | null;
  @ApiProperty({ type: [KaderTrendPeriodDto], description: 'Oldest first.' }) periods!: KaderTrendPeriodDto[];
}

export class KaderReportQueryDto {
  @ApiPropertyOptional({ enum: KADER_REPORT_KINDS, default: 'tussenrapportage' })
  @IsOptional()
  @IsIn(KADER_REPORT_KINDS, { message: `kind must be one of ${KADER_REPORT_KINDS.join(', ')}` })
  kind?: KaderReportKind;

  @ApiPropertyOptional({
    example: '2025-H1',
    description:
      'tussenrapportage: a half-year (`2025-H1`); jaaroverzicht: a year (`2026`). Default: the current one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  period?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this region; required (one of your own) unless you hold aggregates.read.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (uuid)' })
  region?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'Overrides the Accept header, for plain download links (`Accept: text/csv` is the same).',
  })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    enum: KADER_REPORT_TABLES,
    default: 'gemeenten',
    description: 'Which table the CSV holds: one row per gemeente, or one row per region (coverage).',
  })
  @IsOptional()
  @IsIn(KADER_REPORT_TABLES, { message: `table must be one of ${KADER_REPORT_TABLES.join(', ')}` })
  table?: KaderReportTable;
}

export class KaderReportRegionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'ketenregie' }) type!: string;
}

export class KaderReportPolicyDocumentDto {
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ format: 'date' }) adoptedOn!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil!: string | null;
  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true }) exploitationForms!: ExploitationForm[];
}

export class KaderReportMunicipalityDto {
  @ApiProperty({ example: 'GM0363' }) code!: string;
  @ApiProperty({ example: 'Amsterdam' }) name!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Half-year the status comes from (jaaroverzicht: the latest with a recorded assessment); null when none.',
  })
  basedOnPeriod!: string | null;
  @ApiProperty() criteriaSetVersion!: number;
  @ApiProperty({ enum: ['yes', 'no', 'unknown'] }) meetsBasis!: BasisVerdict;
  @ApiProperty({ type: [KaderThemeStatusDto] }) themes!: KaderThemeStatusDto[];
  @ApiProperty({
    enum: KADER_THEMES,
    isArray: true,
    description: 'Themes whose basis level falls short (deels or voldoet niet).',
  })
  shortfallThemes!: KaderTheme[];
  @ApiProperty({ type: AandachtsfunctionarisCheckDto }) aandachtsfunctionaris!: AandachtsfunctionarisCheckDto;
  @ApiProperty({ type: [KaderReportPolicyDocumentDto], description: 'In force on the reference date.' })
  policyDocuments!: KaderReportPolicyDocumentDto[];
  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true, description: 'Forms the policy covers together.' })
  policyExploitationForms!: ExploitationForm[];
}

export class KaderReportRegionCoverageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: FunctionCoverageDto }) ketenregisseur!: FunctionCoverageDto;
  @ApiProperty({ type: FunctionCoverageDto }) zorgcoordinatie!: FunctionCoverageDto;
  @ApiProperty({ description: "The region's gemeenten that are in the report." }) municipalities!: number;
  @ApiProperty() municipalitiesMeetingBasis!: number;
  @ApiProperty() aandachtsfunctionarisMeets!: number;
  @ApiProperty() withPolicyDocument!: number;
}

export class KaderReportCoverageDto {
  @ApiProperty({ enum: COVERAGE_REGION_TYPES }) type!: CoverageRegionType;
  @ApiProperty({ type: [KaderReportRegionCoverageDto] }) regions!: KaderReportRegionCoverageDto[];
}

export class KaderReportSummaryDto {
  @ApiProperty() municipalities!: number;
  @ApiProperty() meetsBasis!: number;
  @ApiProperty() doesNotMeetBasis!: number;
  @ApiProperty() unknown!: number;
  @ApiProperty() aandachtsfunctionarisMeets!: number;
  @ApiProperty() withPolicyDocument!: number;
  @ApiProperty({ type: [KaderThemeTotalsDto] }) themes!: KaderThemeTotalsDto[];
  @ApiProperty() regions!: number;
  @ApiProperty() ketenregisseurVacant!: number;
  @ApiProperty() zorgcoordinatieVacant!: number;
  @ApiProperty() zorgcoordinatieOpAfstand!: number;
}

export class KaderReportDto {
  @ApiProperty({ enum: KADER_REPORT_KINDS }) kind!: KaderReportKind;
  @ApiProperty({ example: '2025-H1' }) period!: string;
  @ApiProperty({ type: [String], description: 'The half-years the report covers.' }) periods!: string[];
  @ApiProperty({ example: 'Tussenrapportage VNG Kader 2025-H1 — Nederland' }) title!: string;
  @ApiProperty({
    format: 'date',
    description: "Policy and coverage as on this date (the period's end, or today).",
  })
  referenceDate!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: KaderReportRegionDto, nullable: true }) region!: KaderReportRegionDto | null;
  @ApiProperty({ description: 'Criteria version of the last half-year.' }) criteriaSetVersion!: number;
  @ApiProperty({ type: KaderReportSummaryDto }) summary!: KaderReportSummaryDto;
  @ApiProperty({ type: [KaderReportMunicipalityDto] }) municipalities!: KaderReportMunicipalityDto[];
  @ApiProperty({ type: KaderReportCoverageDto }) coverage!: KaderReportCoverageDto;
  @ApiProperty({
    type: HandoffFiguresDto,
    description:
      'Hand-off figures of the period; counts below 5 are "<5" for callers who may not see single hand-offs.',
  })
  handoffFigures!: HandoffFiguresDto;
}
