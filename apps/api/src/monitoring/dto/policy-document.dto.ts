import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPLOITATION_FORMS, type ExploitationForm } from '@ketenkaart/shared-domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import { toBooleanQuery } from '../../directory/dto/common.dto';

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };
const FORMS_MESSAGE = `each exploitation form must be one of ${EXPLOITATION_FORMS.join(', ')}`;

export class CreatePolicyDocumentDto {
  @ApiProperty({ maxLength: 300, example: 'Beleidskader aanpak mensenhandel 2025–2028' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 500,
    example: 'https://lokaleregelgeving.overheid.nl/CVDR700000',
    description: 'Publication of the adopted text (e.g. CVDR); http or https only.',
  })
  @IsOptional()
  @MaxLength(500)
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) URL' })
  url?: string | null;

  @ApiProperty({ format: 'date', description: 'Date of adoption; not in the future.' })
  @IsDateString({ strict: true }, { message: 'adoptedOn must be a date (YYYY-MM-DD)' })
  adoptedOn!: string;

  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true, description: 'Forms of exploitation it covers.' })
  @IsArray()
  @ArrayMaxSize(EXPLOITATION_FORMS.length)
  @IsIn(EXPLOITATION_FORMS, { each: true, message: FORMS_MESSAGE })
  exploitationForms!: ExploitationForm[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Last day in force; on or after adoptedOn.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  validUntil?: string | null;
}

/** Only the fields sent change (merge semantics); `version` is the one you read. */
export class UpdatePolicyDocumentDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 })
  @IsOptional()
  @MaxLength(500)
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) URL' })
  url?: string | null;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'adoptedOn must be a date (YYYY-MM-DD)' })
  adoptedOn?: string;

  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EXPLOITATION_FORMS.length)
  @IsIn(EXPLOITATION_FORMS, { each: true, message: FORMS_MESSAGE })
  exploitationForms?: ExploitationForm[];

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  validUntil?: string | null;
}

export class ArchivePolicyDocumentDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  version!: number;
}

export class ListPolicyDocumentsQueryDto {
  @ApiPropertyOptional({ description: 'Also archived documents (recorded by mistake).', default: false })
  @IsOptional()
  @Transform(toBooleanQuery)
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived?: boolean;
}

export class PolicyDocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GM0363' }) municipalityCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ format: 'date' }) adoptedOn!: string;
  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true }) exploitationForms!: ExploitationForm[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil!: string | null;
  @ApiProperty({ description: 'Adopted on or before today, not ended and not archived.' }) inForce!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) archivedAt!: string | null;
  @ApiProperty({ description: 'Send back on PATCH and archive (optimistic locking).' }) version!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who recorded it (account:<id>); only for callers who assess or monitor.',
  })
  createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PolicyDocumentListDto {
  @ApiProperty({ example: 'GM0363' }) municipalityCode!: string;
  @ApiProperty({ type: [PolicyDocumentDto], description: 'Newest adoption first.' })
  items!: PolicyDocumentDto[];
}

/** Whether a gemeente has adopted policy in force, and which forms of exploitation it covers together. */
export class PolicyCoverageDto {
  @ApiProperty({ description: 'Policy documents in force on the reference date of the period.' })
  documents!: number;
  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true, description: 'Union of the forms they cover.' })
  exploitationForms!: ExploitationForm[];
}
