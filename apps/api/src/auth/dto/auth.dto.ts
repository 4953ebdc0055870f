import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_STATUSES, PERMISSIONS, ROLES, SessionStage } from '@ketenkaart/shared-domain';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'beheerder@demo.ketenkaart.nl', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 1024, format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class SecondFactorDto {
  @ApiProperty({
    description: 'The 6-digit code of the authenticator app, or one unused recovery code.',
    example: '123456',
  })
  @IsString()
  @MinLength(6)
  @MaxLength(40)
  code!: string;
}

export class AccountSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) regionIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: string;
  @ApiProperty() twoFactorEnabled!: boolean;
}

export class SessionInfoDto {
  @ApiProperty({ description: 'False for the public: then only `permissions` (empty) is set.' })
  authenticated!: boolean;

  @ApiPropertyOptional({
    enum: Object.values(SessionStage),
    description: '`complete`, or the step still open: the second factor or its enrolment.',
  })
  stage?: SessionStage;

  @ApiPropertyOptional({ type: AccountSummaryDto }) account?: AccountSummaryDto;

  @ApiProperty({
    enum: PERMISSIONS,
    isArray: true,
    description: 'What this session may do; the UI hides the rest.',
  })
  permissions!: string[];

  @ApiPropertyOptional({
    description: 'Send as X-CSRF-Token on every POST/PATCH/PUT/DELETE (also in the kk_csrf cookie).',
  })
  csrfToken?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Absolute end of the session.' })
  expiresAt?: string;
  @ApiPropertyOptional({ description: 'The session ends after this many seconds without a request.' })
  idleTimeoutSeconds?: number;
}
