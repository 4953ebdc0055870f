import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class SsoInfoDto {
  @ApiProperty({ description: 'True when single sign-on (OpenID Connect) is configured.' })
  enabled!: boolean;

  @ApiPropertyOptional({
    description: 'Name of the identity provider for the button "Inloggen met <displayName>".',
    example: 'Entra ID',
  })
  displayName?: string;

  @ApiPropertyOptional({
    description: 'Open this path in the browser (top level) to sign in; add `?returnTo=/path`.',
    example: '/api/v1/auth/oidc/login',
  })
  loginPath?: string;
}

/** A path inside the portal: `//host` and `/\host` would leave it (open redirect, ASVS 5.1.5). */
export const RETURN_PATH_PATTERN = /^\/(?![/\\])[^\s\\]*$/;

export class OidcLoginQueryDto {
  @ApiPropertyOptional({
    description: 'Path inside the portal to open after sign-in.',
    example: '/sociale-kaart',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(RETURN_PATH_PATTERN, { message: 'must be a path inside the portal, starting with one /' })
  returnTo?: string;
}
