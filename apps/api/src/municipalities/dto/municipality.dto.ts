import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';

export class ListMunicipalitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Start of the name or a word in it, accent- and case-insensitive ("sud" finds Súdwest-Fryslân); or a GM code.',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description: 'Also list municipalities that have merged into another.',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeEnded must be true or false' })
  includeEnded?: boolean;
}

export class MunicipalitySummaryDto {
  @ApiProperty({ example: 'GM0363' }) code!: string;
  @ApiProperty({ example: '0363' }) cbsCode!: string;
  @ApiProperty({ example: 'Amsterdam' }) name!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'CBS disambiguation, e.g. "Bergen (NH.)".',
  })
  displayName!: string | null;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validUntil!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The municipality it merged into.' })
  successorCode!: string | null;
}

export class MunicipalityRegionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'veiligheidsregio' }) typeCode!: string;
  @ApiProperty({ example: 'Veiligheidsregio' }) typeName!: string;
  @ApiProperty({ example: 'VR13' }) code!: string;
  @ApiProperty({ example: 'Amsterdam-Amstelland' }) name!: string;
}

export class MunicipalityDetailDto extends MunicipalitySummaryDto {
  @ApiProperty({
    type: [MunicipalityRegionDto],
    description: 'Every current region it belongs to, per type.',
  })
  regions!: MunicipalityRegionDto[];
}

export class MunicipalityPageDto {
  @ApiProperty({ type: [MunicipalitySummaryDto] }) items!: MunicipalitySummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
