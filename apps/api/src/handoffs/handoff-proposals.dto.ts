import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPLOITATION_FORMS,
  ExploitationForm,
  FUNCTION_TYPES,
  FunctionType,
  GM_CODE_PATTERN,
  HANDOFF_PATH_CODES,
  HandoffPathCode,
  ORGANISATION_TYPES,
  RESPONSIBILITY_LEVELS,
  RESPONSIBILITY_TASKS,
  TARGET_GROUPS,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { emptyToNull } from '../directory/dto/common.dto';

export class ReceiverProposalQueryDto {
  @ApiProperty({ enum: HANDOFF_PATH_CODES, example: 'riec-intake', description: 'The hand-off path.' })
  @IsIn(HANDOFF_PATH_CODES, { message: `path must be one of: ${HANDOFF_PATH_CODES.join(', ')}` })
  path!: HandoffPathCode;

  @ApiProperty({ example: 'GM0153', description: 'CBS code of the gemeente where the signal arose.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(GM_CODE_PATTERN, { message: 'municipality must be a CBS code such as GM0363' })
  municipality!: string;

  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS, description: 'Narrows the matrix to this form.' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsIn(EXPLOITATION_FORMS, { message: `exploitationForm must be one of: ${EXPLOITATION_FORMS.join(', ')}` })
  exploitationForm?: ExploitationForm | null;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, description: 'Narrows the matrix to this target group.' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsIn(TARGET_GROUPS, { message: `targetGroup must be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: TargetGroup | null;
}

export class ProposalSourceDto {
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
}

export class ProposalRegionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ketenregie' }) typeCode!: string;
  @ApiProperty() name!: string;
}

export class ProposedOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type!: string;
  @ApiProperty({ description: 'A national organisation (serves every gemeente).' }) national!: boolean;
}

/** One proposed receiver and the matrix row (task × organisation type) it comes from. */
export class ReceiverProposalDto {
  @ApiProperty({ type: ProposedOrganisationDto }) organisation!: ProposedOrganisationDto;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType!: string;
  @ApiProperty({ example: 'RIEC' }) organisationTypeLabel!: string;
  @ApiProperty({
    enum: RESPONSIBILITY_LEVELS,
    nullable: true,
    type: String,
    description: 'The level of the matrix cell; null when the matrix has no cell for this type and task.',
  })
  level!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: ProposalSourceDto, nullable: true }) source!: ProposalSourceDto | null;
  @ApiProperty({ enum: ['national-default', 'regional-agreement'], nullable: true, type: String })
  origin!: string | null;
  @ApiProperty({
    type: ProposalRegionDto,
    nullable: true,
    description: 'The region whose approved agreement applies (origin regional-agreement).',
  })
  agreementRegion!: ProposalRegionDto | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The regional agreement (override) that names this organisation or sets the level.',
  })
  agreementId!: string | null;
  @ApiProperty({ description: 'The organisation type usually receives this path (path catalogue).' })
  usualReceiver!: boolean;
}

export class NotResponsibleTypeDto {
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType!: string;
  @ApiProperty() organisationTypeLabel!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: ProposalSourceDto }) source!: ProposalSourceDto;
}

export class FunctionInboxRegionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'veiligheidsregio' }) typeCode!: string;
  @ApiProperty({ example: 'Veiligheidsregio' }) typeName!: string;
  @ApiProperty({ example: 'Safety region' }) typeNameEn!: string;
  @ApiProperty({ example: 'Twente' }) name!: string;
}

export class FunctionInboxHolderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Zorgcoördinatie Mensenhandel Twente' }) name!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type!: string;
  @ApiProperty({
    description: 'Holds the function "op afstand" (e.g. CoMensha where no regional holder is).',
  })
  opAfstand!: boolean;
}

/**
 * A function inbox: whoever holds `functionType` in `region` receives what is addressed to it. Only inboxes that
 * an organisation holds today are listed (an inbox nobody holds cannot receive; the API refuses it).
 */
export class FunctionInboxDto {
  @ApiProperty({ type: FunctionInboxRegionDto }) region!: FunctionInboxRegionDto;
  @ApiProperty({ enum: FUNCTION_TYPES, example: 'zorgcoordinator' }) functionType!: FunctionType;
  @ApiProperty({ example: 'Zorgcoördinator' }) functionTypeLabel!: string;
  @ApiProperty({
    type: [FunctionInboxHolderDto],
    description: 'The organisations whose inbox shows what is sent here (at least one).',
  })
  holders!: FunctionInboxHolderDto[];
  @ApiProperty({ description: "Only the caller's own organisation holds it: not a receiver for the caller." })
  ownOnly!: boolean;
}

export class FunctionInboxListDto {
  @ApiProperty({ type: [FunctionInboxDto], description: 'By region type, region name and function.' })
  items!: FunctionInboxDto[];
}

export class ReceiverProposalListDto {
  @ApiProperty({ enum: HANDOFF_PATH_CODES }) pathCode!: HandoffPathCode;
  @ApiProperty({ enum: RESPONSIBILITY_TASKS, description: 'The matrix task this path corresponds to.' })
  task!: string;
  @ApiProperty({ example: 'Bestuurlijke aanpak' }) taskLabel!: string;
  @ApiProperty({ example: 'GM0153' }) municipalityCode!: string;
  @ApiProperty({ example: 'Enschede' }) municipalityName!: string;
  @ApiProperty({ enum: EXPLOITATION_FORMS, nullable: true, type: String }) exploitationForm!: string | null;
  @ApiProperty({ enum: TARGET_GROUPS, nullable: true, type: String }) targetGroup!: string | null;
  @ApiProperty({
    type: ReceiverProposalDto,
    nullable: true,
    description: 'The first proposal: the one the form fills in (null when the matrix names nobody).',
  })
  proposal!: ReceiverProposalDto | null;
  @ApiProperty({ type: [ReceiverProposalDto], description: 'Every candidate, best first.' })
  proposals!: ReceiverProposalDto[];
  @ApiProperty({
    type: [NotResponsibleTypeDto],
    description: 'Organisation types the matrix says are explicitly not responsible here.',
  })
  notResponsible!: NotResponsibleTypeDto[];
  @ApiProperty({
    type: [FunctionInboxDto],
    description:
      "Function inboxes for the path in the gemeente's regions (e.g. the zorgcoördinator of the veiligheidsregio), " +
      "held by an organisation other than the caller's own: for when the sender does not know the organisation.",
  })
  inboxes!: FunctionInboxDto[];
}
