import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPLOITATION_FORMS,
  ExploitationForm,
  GM_CODE_PATTERN,
  ORGANISATION_TYPES,
  OrganisationType,
  TARGET_GROUPS,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DirectoryListQueryDto,
  emptyToNull,
  MunicipalityRefDto,
  RefDto,
  RegionRefDto,
  trim,
  UpkeepDto,
} from './common.dto';

/** In an update a field may be left out, but not set to null when the entry needs it. */
const present = (_object: object, value: unknown) => value !== undefined;

export class ContactPointDto {
  @ApiProperty({ example: 'Meldpunt', maxLength: 80 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  label!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '0900-8844', maxLength: 40 })
  @IsOptional()
  @Transform(emptyToNull)
  @Matches(/^[+0-9][0-9 ()-]{2,39}$/, {
    message: 'phone must be a phone number such as 0900-8844 or +31 20 123 4567',
  })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email', maxLength: 254 })
  @IsOptional()
  @Transform(emptyToNull)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'ma–vr 9:00–17:00', maxLength: 200 })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(200)
  openingHours?: string | null;
}

/** Fields a client may set; shared by create and update (where each becomes optional). */
class OrganisationFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 4000 })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uri', example: 'https://www.comensha.nl' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL' },
  )
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Parent organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;

  @ApiPropertyOptional({
    type: [ContactPointDto],
    maxItems: 20,
    description: 'Public contact points ("front door").',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactPointDto)
  contactPoints?: ContactPointDto[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300, description: 'Visiting address.' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({
    description: 'Shelters: only permitted callers see the address; others see the contact points.',
  })
  @IsOptional()
  @IsBoolean()
  addressConfidential?: boolean;

  @ApiPropertyOptional({ description: 'Serves the whole country.' })
  @IsOptional()
  @IsBoolean()
  national?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['GM0363'],
    maxItems: 400,
    description: 'Municipalities served.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @Matches(GM_CODE_PATTERN, { each: true, message: 'each municipality code must look like GM0363' })
  municipalityCodes?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    description: 'Regions served (all their municipalities).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each region id must be a UUID' })
  regionIds?: string[];

  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(EXPLOITATION_FORMS, {
    each: true,
    message: `each exploitation form must be one of ${EXPLOITATION_FORMS.join(', ')}`,
  })
  exploitationForms?: ExploitationForm[];

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(TARGET_GROUPS, {
    each: true,
    message: `each target group must be one of ${TARGET_GROUPS.join(', ')}`,
  })
  targetGroups?: TargetGroup[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 100,
    description: "Key in CoMensha's spreadsheet (CSV import).",
  })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(100)
  externalKey?: string | null;
}

export class CreateOrganisationDto extends OrganisationFieldsDto {
  @ApiProperty({ example: 'Politie eenheid Amsterdam (AVIM)', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES, { message: `type must be one of ${ORGANISATION_TYPES.join(', ')}` })
  type!: OrganisationType;
}

export class UpdateOrganisationDto extends OrganisationFieldsDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server gives 409.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @ValidateIf(present)
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @ValidateIf(present)
  @IsIn(ORGANISATION_TYPES, { message: `type must be one of ${ORGANISATION_TYPES.join(', ')}` })
  type?: OrganisationType;
}

export class ListOrganisationsQueryDto extends DirectoryListQueryDto {
  @ApiPropertyOptional({
    description: 'Words in the name or description; Dutch full text, accent/case-folded, typo tolerant.',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only organisations serving (part of) this region.' })
  @IsOptional()
  @IsUUID('all', { message: 'region must be a region id (UUID)' })
  region?: string;

  @ApiPropertyOptional({ example: 'GM0363', description: 'Only organisations serving this gemeente.' })
  @IsOptional()
  @Matches(GM_CODE_PATTERN, { message: 'municipality must be a code like GM0363' })
  municipality?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES, { message: `type must be one of ${ORGANISATION_TYPES.join(', ')}` })
  type?: OrganisationType;

  @ApiPropertyOptional({ enum: EXPLOITATION_FORMS })
  @IsOptional()
  @IsIn(EXPLOITATION_FORMS, { message: `form must be one of ${EXPLOITATION_FORMS.join(', ')}` })
  form?: ExploitationForm;

  @ApiPropertyOptional({ enum: TARGET_GROUPS })
  @IsOptional()
  @IsIn(TARGET_GROUPS, { message: `targetGroup must be one of ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: TargetGroup;
}

export class OrganisationSummaryDto extends UpkeepDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type!: OrganisationType;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty() national!: boolean;
  @ApiProperty({ type: [String] }) municipalityCodes!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) regionIds!: string[];
  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true }) exploitationForms!: ExploitationForm[];
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true }) targetGroups!: TargetGroup[];
}

export class OrganisationDetailDto extends OrganisationSummaryDto {
  @ApiProperty({ type: RefDto, nullable: true }) parent!: RefDto | null;
  @ApiProperty({ type: [ContactPointDto] }) contactPoints!: ContactPointDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Null when there is none, or when it is confidential and you may not see it (then use the contact points).',
  })
  address!: string | null;
  @ApiProperty() addressConfidential!: boolean;
  @ApiProperty({ nullable: true, type: String }) externalKey!: string | null;
  @ApiProperty({ type: [RegionRefDto] }) regions!: RegionRefDto[];
  @ApiProperty({ type: [MunicipalityRefDto] }) municipalities!: MunicipalityRefDto[];
  @ApiProperty({ type: [RefDto], description: 'Current (not archived) people of this organisation.' })
  people!: RefDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class OrganisationPageDto {
  @ApiProperty({ type: [OrganisationSummaryDto] }) items!: OrganisationSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
