import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CellOrigin,
  EXPLOITATION_FORMS,
  GM_CODE_PATTERN,
  LOOKUP_NEEDS,
  ORGANISATION_TYPES,
  OVERRIDE_STATUSES,
  RESPONSIBILITY_GAP_KINDS,
  RESPONSIBILITY_LEVELS,
  RESPONSIBILITY_TASKS,
} from '@ketenkaart/shared-domain';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CODE = /^[a-z][a-z0-9-]{0,39}$/;
const CODE_MESSAGE = 'must be a lower-case code such as "opvang"';

export class CellSourceDto {
  @ApiProperty({ example: 'Handreiking/VNG Kader voor de aanpak van mensenhandel door gemeenten (2021)' })
  title!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
}

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CodeLabelDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
}

export class ResponsibilityTaskDto extends CodeLabelDto {
  @ApiProperty({
    enum: LOOKUP_NEEDS,
    isArray: true,
    description: 'Needs of the lookup that this task answers.',
  })
  needs!: string[];
}

export class ResponsibilityTaskListDto {
  @ApiProperty({ type: [ResponsibilityTaskDto] }) items!: ResponsibilityTaskDto[];
  @ApiProperty({ enum: RESPONSIBILITY_LEVELS, isArray: true }) levels!: string[];
  @ApiProperty({ enum: LOOKUP_NEEDS, isArray: true }) needs!: string[];
}

export class MatrixCellDto {
  @ApiProperty({ enum: RESPONSIBILITY_TASKS }) task!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType!: string;
  @ApiProperty({ enum: EXPLOITATION_FORMS, nullable: true, description: 'null: every form.' })
  exploitationForm!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: every target group.' }) targetGroup!:
    string | null;
  @ApiProperty({ enum: RESPONSIBILITY_LEVELS }) level!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: CellSourceDto }) source!: CellSourceDto;
  @ApiProperty({ enum: Object.values(CellOrigin) }) origin!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) overrideId!: string | null;
  @ApiProperty({
    type: OrganisationRefDto,
    nullable: true,
    description: 'The organisation that fills the role in the region.',
  })
  organisation!: OrganisationRefDto | null;
  @ApiProperty({
    enum: RESPONSIBILITY_LEVELS,
    nullable: true,
    description: 'The national default level, when a regional agreement replaces it.',
  })
  defaultLevel!: string | null;
  @ApiProperty({
    description: 'More specific cells exist for some forms or target groups (choose them in the filter).',
  })
  hasVariants!: boolean;
}

export class RegionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() typeCode!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class MatrixDto {
  @ApiProperty({ enum: EXPLOITATION_FORMS, nullable: true }) exploitationForm!: string | null;
  @ApiProperty({ nullable: true, type: String }) targetGroup!: string | null;
  @ApiProperty({ type: RegionRefDto, nullable: true }) region!: RegionRefDto | null;
  @ApiProperty({ format: 'date', description: 'Regional agreements in force on this date are applied.' })
  date!: string;
  @ApiProperty({ type: [CodeLabelDto] }) tasks!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) organisationTypes!: CodeLabelDto[];
  @ApiProperty({ type: [MatrixCellDto] }) cells!: MatrixCellDto[];
}

export class MatrixQueryDto {
  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: `form ${CODE_MESSAGE}` })
  form?: string;

  @ApiPropertyOptional({ example: 'minor' })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: `targetGroup ${CODE_MESSAGE}` })
  targetGroup?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Apply the approved agreements of this region.' })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (UUID)' })
  region?: string;
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['csv'] })
  @IsIn(['csv'], { message: "format must be 'csv'" })
  format!: 'csv';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (UUID)' })
  region?: string;
}

export class LookupQueryDto {
  @ApiPropertyOptional({ example: 'GM0363', description: 'The gemeente; or give `region`.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(GM_CODE_PATTERN, { message: 'gm must be a CBS municipality code such as GM0363' })
  gm?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A region instead of a gemeente.' })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (UUID)' })
  region?: string;

  @ApiProperty({ enum: EXPLOITATION_FORMS })
  @IsString()
  @Matches(CODE, { message: `form ${CODE_MESSAGE}` })
  form!: string;

  @ApiProperty({ example: 'minor' })
  @IsString()
  @Matches(CODE, { message: `targetGroup ${CODE_MESSAGE}` })
  targetGroup!: string;

  @ApiProperty({ enum: LOOKUP_NEEDS })
  @IsString()
  @Matches(CODE, { message: `need ${CODE_MESSAGE}` })
  need!: string;
}

export class ContactPointDto {
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) openingHours!: string | null;
}

export class FunctionHolderDto {
  @ApiProperty() functionType!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when CoMensha holds it "op afstand".' })
  name!: string | null;
  @ApiProperty({ nullable: true, type: String }) workEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) workPhone!: string | null;
  @ApiProperty() opAfstand!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Region or gemeente the function is held for.' })
  scopeName!: string | null;
}

export class LookupOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ type: [ContactPointDto] }) contactPoints!: ContactPointDto[];
  @ApiProperty({ type: [FunctionHolderDto] }) functionHolders!: FunctionHolderDto[];
}

export class LookupEntryDto {
  @ApiProperty({ enum: RESPONSIBILITY_TASKS }) task!: string;
  @ApiProperty() taskLabel!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType!: string;
  @ApiProperty() organisationTypeLabel!: string;
  @ApiProperty({ enum: RESPONSIBILITY_LEVELS }) level!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: CellSourceDto }) source!: CellSourceDto;
  @ApiProperty({ enum: Object.values(CellOrigin) }) origin!: string;
  @ApiProperty({ type: RegionRefDto, nullable: true, description: 'The region whose agreement applies.' })
  agreementRegion!: RegionRefDto | null;
  @ApiProperty({
    type: [LookupOrganisationDto],
    description: 'Directory organisations of this type serving the area.',
  })
  organisations!: LookupOrganisationDto[];
}

export class LookupDto {
  @ApiProperty({ type: CodeLabelDto, nullable: true }) municipality!: CodeLabelDto | null;
  @ApiProperty({
    type: [RegionRefDto],
    description: 'The regions of the gemeente (or the region asked for).',
  })
  regions!: RegionRefDto[];
  @ApiProperty() form!: string;
  @ApiProperty() targetGroup!: string;
  @ApiProperty() need!: string;
  @ApiProperty({ enum: RESPONSIBILITY_TASKS, isArray: true }) tasks!: string[];
  @ApiProperty({ type: [LookupEntryDto] }) responsible!: LookupEntryDto[];
  @ApiProperty({ type: [LookupEntryDto] }) contributes!: LookupEntryDto[];
  @ApiProperty({ type: [LookupEntryDto] }) refersOn!: LookupEntryDto[];
  @ApiProperty({
    type: [LookupEntryDto],
    description: 'Explicitly not the right party: do not lose time there.',
  })
  notResponsible!: LookupEntryDto[];
  @ApiProperty({
    type: [FunctionHolderDto],
    description: 'Ketenregisseur, zorgcoördinator and aandachtsfunctionaris of the area.',
  })
  keyContacts!: FunctionHolderDto[];
}

export class ProposeOverrideDto {
  @ApiProperty({ enum: RESPONSIBILITY_TASKS })
  @IsString()
  @Matches(CODE, { message: `task ${CODE_MESSAGE}` })
  task!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsString()
  @Matches(CODE, { message: `organisationType ${CODE_MESSAGE}` })
  organisationType!: string;

  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS, nullable: true, description: 'Omit or null: every form.' })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: `exploitationForm ${CODE_MESSAGE}` })
  exploitationForm?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Omit or null: every target group.' })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: `targetGroup ${CODE_MESSAGE}` })
  targetGroup?: string | null;

  @ApiProperty({ enum: RESPONSIBILITY_LEVELS })
  @IsString()
  @Matches(CODE, { message: `level ${CODE_MESSAGE}` })
  level!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The directory organisation that fills the role.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id (UUID)' })
  organisationId?: string | null;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;

  @ApiProperty({ maxLength: 200, example: 'Convenant ketenregie Twente 2026' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  sourceTitle!: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  sourceReference?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'sourceUrl must be an http(s) URL' },
  )
  @MaxLength(500)
  sourceUrl?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Exclusive end; omit for open-ended.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  validUntil?: string | null;
}

export class DecideOverrideDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class LevelChangeDto {
  @ApiProperty({
    enum: RESPONSIBILITY_LEVELS,
    nullable: true,
    description: 'null: no default cell for this key.',
  })
  from!: string | null;
  @ApiProperty({ enum: RESPONSIBILITY_LEVELS }) to!: string;
}

export class OverrideDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ enum: RESPONSIBILITY_TASKS }) task!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType!: string;
  @ApiProperty({ nullable: true, type: String }) exploitationForm!: string | null;
  @ApiProperty({ nullable: true, type: String }) targetGroup!: string | null;
  @ApiProperty({ enum: RESPONSIBILITY_LEVELS }) level!: string;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) organisation!: OrganisationRefDto | null;
  @ApiProperty() note!: string;
  @ApiProperty({ type: CellSourceDto }) source!: CellSourceDto;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validUntil!: string | null;
  @ApiProperty({ enum: OVERRIDE_STATUSES }) status!: string;
  @ApiProperty({ description: 'Approved and in force today.' }) effective!: boolean;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({
    type: MatrixCellDto,
    nullable: true,
    description: 'The national default this agreement replaces.',
  })
  nationalDefault!: MatrixCellDto | null;
  @ApiProperty({ type: LevelChangeDto, description: 'Diff against the national default.' })
  levelChange!: LevelChangeDto;
}

export class OverrideHistoryEventDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['proposed', 'approved', 'rejected'] }) action!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ format: 'uuid' }) overrideId!: string;
  @ApiProperty() summary!: string;
}

export class RegionOverridesDto {
  @ApiProperty({ type: RegionRefDto }) region!: RegionRefDto;
  @ApiProperty({ type: [OverrideDto] }) items!: OverrideDto[];
  @ApiProperty({ type: [OverrideHistoryEventDto], description: 'Newest first.' })
  history!: OverrideHistoryEventDto[];
}

export class GapCombinationDto {
  @ApiProperty({ enum: EXPLOITATION_FORMS }) exploitationForm!: string;
  @ApiProperty() targetGroup!: string;
}

export class ResponsibilityGapDto {
  @ApiProperty({ enum: RESPONSIBILITY_TASKS }) task!: string;
  @ApiProperty({ enum: RESPONSIBILITY_GAP_KINDS }) kind!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES, isArray: true }) organisationTypes!: string[];
  @ApiProperty({ type: [OrganisationRefDto] }) organisations!: OrganisationRefDto[];
  @ApiProperty({ description: 'The gap holds for every form and target group.' }) allCombinations!: boolean;
  @ApiProperty({ type: [GapCombinationDto] }) combinations!: GapCombinationDto[];
  @ApiProperty() detail!: string;
}

export class RegionGapsDto {
  @ApiProperty({ type: RegionRefDto }) region!: RegionRefDto;
  @ApiProperty({ type: [ResponsibilityGapDto] }) gaps!: ResponsibilityGapDto[];
}

export class GapSummaryDto {
  @ApiProperty({ type: RegionRefDto }) region!: RegionRefDto;
  @ApiProperty() gapCount!: number;
  @ApiProperty() noLead!: number;
  @ApiProperty() multipleLeads!: number;
  @ApiProperty() leadWithoutContact!: number;
}

export class NationalGapsQueryDto {
  @ApiPropertyOptional({ enum: ['veiligheidsregio', 'ketenregie'], default: 'veiligheidsregio' })
  @IsOptional()
  @IsIn(['veiligheidsregio', 'ketenregie'], {
    message: "regionType must be 'veiligheidsregio' or 'ketenregie'",
  })
  regionType?: string;
}

export class NationalGapsDto {
  @ApiProperty() regionType!: string;
  @ApiProperty({ type: [GapSummaryDto] }) items!: GapSummaryDto[];
}
