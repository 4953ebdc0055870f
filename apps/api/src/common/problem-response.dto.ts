import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class InvalidParamDto {
  @ApiProperty({ example: 'municipalityCodes.0' }) name!: string;
  @ApiProperty({ example: 'unknown_municipality' }) code!: string;
  @ApiProperty() reason!: string;
}

/** RFC 9457 problem details (media type application/problem+json). */
export class ProblemResponseDto {
  @ApiProperty({ example: 'https://ketenkaart.nl/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiProperty({ description: 'Stable machine-readable error code.', example: 'validation_failed' })
  code!: string;
  @ApiPropertyOptional({ description: 'Quote this when reporting a problem; it is in the server log too.' })
  correlationId?: string;
  @ApiPropertyOptional({ type: [InvalidParamDto] }) invalidParams?: InvalidParamDto[];
}
