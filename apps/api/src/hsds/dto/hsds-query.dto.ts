import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../common/pagination.dto';

/** HSDS's own paging parameters (`page`, `per_page`), not the portal's `pageSize`. */
export class HsdsListQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  per_page: number = 50;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Words in the name or description (accent and case folded).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class HsdsServiceListQueryDto extends HsdsListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the services of this organization.' })
  @IsOptional()
  @IsString()
  organization_id?: string;
}
