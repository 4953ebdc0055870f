import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS,
  AgeBand,
  CONSENT_GIVERS,
  ConsentGivenBy,
  DECLINE_REASONS,
  EXPLOITATION_FORMS,
  ExploitationForm,
  FUNCTION_TYPES,
  FunctionType,
  GM_CODE_PATTERN,
  HANDOFF_NOTES_MAX_LENGTH,
  HANDOFF_PATH_CODES,
  HANDOFF_REMARK_MAX_LENGTH,
  HANDOFF_STATES,
  HANDOFF_TRANSITIONS,
  HandoffPathCode,
  HandoffState,
  HandoffTransition,
  LEGAL_BASES,
  LegalBasis,
  TARGET_GROUPS,
  TargetGroup,
  WITHDRAW_REASONS,
} from '@ketenkaart/shared-domain';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { emptyToNull, toBooleanQuery } from '../../directory/dto/common.dto';

/** In an update a field may be left out, but not set to null when the hand-off needs it. */
const present = (_object: object, value: unknown) => value !== undefined;

export class ConsentDto {
  @ApiProperty({ description: 'Written consent of the person (under 16: a parent or guardian).' })
  @IsBoolean()
  given!: boolean;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'Required when given.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'consent.date must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'consent.date must be a date (YYYY-MM-DD)' })
  date?: string | null;

  @ApiPropertyOptional({ enum: CONSENT_GIVERS, nullable: true, description: 'Required when given.' })
  @IsOptional()
  @IsIn(CONSENT_GIVERS)
  givenBy?: ConsentGivenBy | null;
}

/** A function inbox: whoever holds `functionType` in `regionId` (e.g. zorgcoördinatie of a region). */
export class HandoffInboxDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId!: string;

  @ApiProperty({ enum: FUNCTION_TYPES, example: 'zorgcoordinator' })
  @IsIn(FUNCTION_TYPES)
  functionType!: FunctionType;
}

/** Exactly one of `organisationId` and `inbox`. */
export class HandoffReceiverDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({ type: HandoffInboxDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HandoffInboxDto)
  inbox?: HandoffInboxDto | null;
}

export class CreateHandoffDto {
  @ApiProperty({ enum: HANDOFF_PATH_CODES, example: 'riec-intake' })
  @IsIn(HANDOFF_PATH_CODES)
  pathCode!: HandoffPathCode;

  @ApiProperty({ type: HandoffReceiverDto })
  @ValidateNested()
  @Type(() => HandoffReceiverDto)
  receiver!: HandoffReceiverDto;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'RIEC-2026-123',
    maxLength: 60,
    description: "The receiver's or sender's own case number; never a BSN or another identity.",
  })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(60)
  externalReference?: string | null;

  @ApiProperty({ example: 'GM0363', description: 'CBS code of the gemeente where the signal arose.' })
  @Matches(GM_CODE_PATTERN, { message: 'municipalityCode must be a CBS code such as GM0363' })
  municipalityCode!: string;

  @ApiProperty({ enum: EXPLOITATION_FORMS })
  @IsIn(EXPLOITATION_FORMS)
  exploitationForm!: ExploitationForm;

  @ApiProperty({ enum: TARGET_GROUPS })
  @IsIn(TARGET_GROUPS)
  targetGroup!: TargetGroup;

  @ApiProperty()
  @IsBoolean()
  minor!: boolean;

  @ApiProperty({ enum: AGE_BANDS, description: 'An age band, never a date of birth.' })
  @IsIn(AGE_BANDS)
  ageBand!: AgeBand;

  @ApiProperty({ type: ConsentDto })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;

  @ApiProperty({ enum: LEGAL_BASES })
  @IsIn(LEGAL_BASES)
  legalBasis!: LegalBasis;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: HANDOFF_NOTES_MAX_LENGTH,
    description:
      'Short notes for the receiver. Refused when they hold identifying data (code identifying_data).',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(HANDOFF_NOTES_MAX_LENGTH)
  notes?: string | null;
}

export class UpdateHandoffDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: HANDOFF_PATH_CODES })
  @ValidateIf(present)
  @IsIn(HANDOFF_PATH_CODES)
  pathCode?: HandoffPathCode;

  @ApiPropertyOptional({ type: HandoffReceiverDto })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => HandoffReceiverDto)
  receiver?: HandoffReceiverDto;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 60 })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(60)
  externalReference?: string | null;

  @ApiPropertyOptional({ example: 'GM0363' })
  @ValidateIf(present)
  @Matches(GM_CODE_PATTERN, { message: 'municipalityCode must be a CBS code such as GM0363' })
  municipalityCode?: string;

  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS })
  @ValidateIf(present)
  @IsIn(EXPLOITATION_FORMS)
  exploitationForm?: ExploitationForm;

  @ApiPropertyOptional({ enum: TARGET_GROUPS })
  @ValidateIf(present)
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsBoolean()
  minor?: boolean;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @ValidateIf(present)
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({ type: ConsentDto })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;

  @ApiPropertyOptional({ enum: LEGAL_BASES })
  @ValidateIf(present)
  @IsIn(LEGAL_BASES)
  legalBasis?: LegalBasis;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: HANDOFF_NOTES_MAX_LENGTH })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(HANDOFF_NOTES_MAX_LENGTH)
  notes?: string | null;
}

export class HandoffTransitionDto {
  @ApiProperty({ enum: HANDOFF_TRANSITIONS })
  @IsIn(HANDOFF_TRANSITIONS)
  transition!: HandoffTransition;

  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    enum: [...new Set([...DECLINE_REASONS, ...WITHDRAW_REASONS])],
    description:
      'Coded reason: required for decline (DECLINE_REASONS), optional for withdraw (WITHDRAW_REASONS).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reason?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: HANDOFF_REMARK_MAX_LENGTH,
    description: 'Short remark; refused when it holds identifying data.',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(HANDOFF_REMARK_MAX_LENGTH)
  remark?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Decline: the organisation the receiver suggests instead.',
  })
  @IsOptional()
  @IsUUID()
  alternativeOrganisationId?: string | null;

  @ApiPropertyOptional({
    type: HandoffReceiverDto,
    nullable: true,
    description: 'Forward: the new receiver.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => HandoffReceiverDto)
  forwardTo?: HandoffReceiverDto | null;
}

export class HandoffListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HANDOFF_STATES })
  @IsOptional()
  @IsIn(HANDOFF_STATES)
  state?: HandoffState;

  @ApiPropertyOptional({ description: 'Only sent hand-offs past their response deadline.' })
  @IsOptional()
  @Transform(toBooleanQuery)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

export class HandoffOrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'riec' }) type!: string;
}

export class HandoffReceiverResponseDto {
  @ApiProperty({ type: HandoffOrganisationRefDto, nullable: true })
  organisation!: HandoffOrganisationRefDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) regionId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Zorgcoördinatie Amsterdam (demo)' })
  regionName!: string | null;
  @ApiProperty({ enum: FUNCTION_TYPES, nullable: true }) functionType!: FunctionType | null;
}

export class HandoffSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'KK-2026-7QX4-M2PB' }) caseReference!: string;
  @ApiProperty({ enum: HANDOFF_PATH_CODES }) pathCode!: HandoffPathCode;
  @ApiProperty({ enum: HANDOFF_STATES }) state!: HandoffState;
  @ApiProperty({ type: HandoffOrganisationRefDto }) sender!: HandoffOrganisationRefDto;
  @ApiProperty({ type: HandoffReceiverResponseDto }) receiver!: HandoffReceiverResponseDto;
  @ApiProperty({ example: 'GM0363' }) municipalityCode!: string;
  @ApiProperty({ enum: EXPLOITATION_FORMS }) exploitationForm!: ExploitationForm;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Last day to accept or decline.',
  })
  respondBefore!: string | null;
  @ApiProperty({ description: 'Sent and not answered by respondBefore.' }) overdue!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) respondedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ description: 'Send back on PATCH and transitions (optimistic locking).' }) version!: number;
}

export class HandoffEventDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'accept', description: 'created, edited or a transition.' }) kind!: string;
  @ApiProperty({ enum: ['sender', 'receiver'] }) party!: string;
  @ApiProperty({ enum: HANDOFF_STATES, nullable: true }) fromState!: HandoffState | null;
  @ApiProperty({ enum: HANDOFF_STATES }) toState!: HandoffState;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Absent in the status view.' })
  actorName?: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Absent in the status view.' })
  remark?: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) alternativeOrganisationId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) forwardedHandoffId!: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Fields an edit changed (names only).' })
  changedFields?: string[];
}

export class HandoffConsentResponseDto {
  @ApiProperty() given!: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) date!: string | null;
  @ApiProperty({ enum: CONSENT_GIVERS, nullable: true }) givenBy!: ConsentGivenBy | null;
}

/**
 * A hand-off as the caller may see it. `view = full` for the sending and receiving organisations; `view = status`
 * for the ketenregisseur of the regions involved: status and timings, without notes, references and consent.
 */
export class HandoffDetailDto extends HandoffSummaryDto {
  @ApiProperty({ enum: ['full', 'status'] }) view!: 'full' | 'status';
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup!: TargetGroup;
  @ApiProperty() minor!: boolean;
  @ApiProperty({ enum: AGE_BANDS }) ageBand!: AgeBand;
  @ApiProperty({ enum: LEGAL_BASES }) legalBasis!: LegalBasis;
  @ApiProperty({ nullable: true, type: String }) declineReason!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) alternativeOrganisationId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) forwardedFromId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Full view only.' })
  externalReference?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Full view only.' })
  notes?: string | null;
  @ApiPropertyOptional({ type: HandoffConsentResponseDto, description: 'Full view only.' })
  consent?: HandoffConsentResponseDto;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Full view only: who sent it.' })
  senderName?: string | null;
  @ApiProperty({ type: [HandoffEventDto] }) timeline!: HandoffEventDto[];
  @ApiProperty({
    type: [String],
    example: ['accept', 'decline', 'forward'],
    description: "What the caller may do now: transitions and 'edit'.",
  })
  actions!: string[];
}

export class HandoffStateCountDto {
  @ApiProperty({ enum: HANDOFF_STATES }) state!: HandoffState;
  @ApiProperty() count!: number;
}

export class HandoffPageDto {
  @ApiProperty({ type: [HandoffSummaryDto] }) items!: HandoffSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
  @ApiProperty({
    type: [HandoffStateCountDto],
    description: 'Counts per state of the whole box (not filtered).',
  })
  counts!: HandoffStateCountDto[];
  @ApiProperty({ description: 'Sent hand-offs of the box past their deadline.' }) overdue!: number;
}

export class HandoffPathDto {
  @ApiProperty({ enum: HANDOFF_PATH_CODES }) code!: HandoffPathCode;
  @ApiProperty() label!: string;
  @ApiProperty() needsConsent!: boolean;
  @ApiProperty({ type: [String], example: ['politie', 'kmar', 'nla'] })
  legalBasisExemptSenderTypes!: string[];
  @ApiProperty({ example: 5 }) responseWorkingDays!: number;
  @ApiProperty({ type: [String] }) receiverTypes!: string[];
}

export class HandoffPathListDto {
  @ApiProperty({ type: [HandoffPathDto] }) items!: HandoffPathDto[];
}
