import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SESSION_AUTH_METHODS, type SessionAuthMethod } from '../session.entity';

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({
    enum: SESSION_AUTH_METHODS,
    enumName: 'SessionAuthMethod',
    description: 'How the session began: password sign-in here, or single sign-on at the identity provider.',
  })
  authMethod!: SessionAuthMethod;
  @ApiProperty({
    description:
      'A second factor was passed: the TOTP step (or 2FA enrolment) here, or multi-factor authentication at ' +
      'the identity provider (single sign-on).',
  })
  twoFactorPassed!: boolean;
  @ApiProperty({ description: 'The session of this request.' }) current!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items!: SessionDto[];
}

export class EndedSessionsDto {
  @ApiProperty() ended!: number;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    minLength: 12,
    maxLength: 128,
    description: 'At least 12 characters; not a common password.',
  })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into the app when the QR code cannot be scanned.' })
  secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Ketenkaart:naam%40organisatie.nl?secret=…' }) otpauthUri!: string;
  @ApiProperty({ description: 'QR code of the otpauth URI as an SVG data URL (use as <img src>).' })
  qrCodeDataUrl!: string;
}

export class ConfirmTotpDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @MinLength(6)
  @MaxLength(6)
  code!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    description: 'Shown once: ten one-time codes for when the phone is lost. Stored only as hashes.',
  })
  codes!: string[];
}
