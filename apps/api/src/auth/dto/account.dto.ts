import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_ROLES, AccountStatus, ACCOUNT_STATUSES, Role } from '@ketenkaart/shared-domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ACCOUNT_ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) regionIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person in the directory.' })
  personId!: string | null;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: string;
  @ApiProperty() twoFactorEnabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountDto] }) items!: AccountDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class ListAccountsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the e-mail address or name.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_ROLES })
  @IsOptional()
  @IsIn(ACCOUNT_ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
}

export class CreateAccountDto {
  @ApiProperty({ example: 'k.jansen@gemeente.nl' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Karin Jansen' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(160)
  displayName!: string;

  @ApiProperty({ enum: ACCOUNT_ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(6)
  @IsIn(ACCOUNT_ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Regions the account works in (its scope).',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  regionIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  personId?: string | null;
}

export class UpdateAccountDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(160)
  displayName?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(6)
  @IsIn(ACCOUNT_ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  regionIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  personId?: string | null;

  @ApiPropertyOptional({
    enum: [AccountStatus.active, AccountStatus.disabled],
    description: 'Disabling ends every session.',
  })
  @IsOptional()
  @IsIn([AccountStatus.active, AccountStatus.disabled])
  status?: AccountStatus;

  @ApiPropertyOptional({
    description: 'Removes the authenticator app and recovery codes (lost phone); the person enrols again.',
  })
  @IsOptional()
  @IsBoolean()
  resetTwoFactor?: boolean;
}

export class CreateInvitationDto {
  @ApiProperty({ format: 'uuid', description: 'An account that has not accepted an invitation yet.' })
  @IsUUID('all')
  accountId!: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class SetPasswordDto {
  @ApiProperty({
    format: 'password',
    minLength: 12,
    maxLength: 128,
    description: 'At least 12 characters; not a common password.',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'k.jansen@gemeente.nl' })
  @IsString()
  @MaxLength(254)
  email!: string;
}
