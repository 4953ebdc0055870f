import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CoverageStatus,
  DirectoryKind,
  FUNCTION_TYPES,
  FunctionType,
  ORGANISATION_TYPES,
} from '@ketenkaart/shared-domain';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { MunicipalityRefDto, RegionRefDto, trim } from './common.dto';
import { FunctionDto } from './function.dto';
import { OrganisationSummaryDto } from './organisation.dto';

export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({
    description: 'Text to find in organisations, people and functions; typo tolerant.',
    minLength: 1,
    maxLength: 100,
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q!: string;
}

export class SearchResultDto {
  @ApiProperty({ enum: Object.values(DirectoryKind) }) kind!: DirectoryKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Politie eenheid Amsterdam (AVIM)' }) title!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Type, organisation or scope, for display.' })
  subtitle!: string | null;
  @ApiProperty({ description: 'Relevance; results come highest first.' }) score!: number;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchResultDto] }) items!: SearchResultDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class StaleEntryDto {
  @ApiProperty({ enum: Object.values(DirectoryKind) }) kind!: DirectoryKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) subtitle!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastVerifiedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastVerifiedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StalePageDto {
  @ApiProperty({ type: [StaleEntryDto], description: 'Least recently verified first.' })
  items!: StaleEntryDto[];
  @ApiProperty() staleMonths!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

/**
 * A chain page summarises long lists instead of embedding them: at most this many current holders per function
 * (and organisations per partner type), each list with its total; the rest is in the directory, filtered by area.
 */
export const CHAIN_HOLDER_LIMIT = 10;
/** At most this many organisations per list on a chain page (regional, national), with the total. */
export const CHAIN_ORGANISATION_LIMIT = 50;

export class ChainScopeDto {
  @ApiProperty({ enum: ['region', 'municipality'] }) kind!: 'region' | 'municipality';
  @ApiPropertyOptional({ type: RegionRefDto }) region?: RegionRefDto;
  @ApiPropertyOptional({ type: MunicipalityRefDto }) municipality?: MunicipalityRefDto;
}

export class ChainRoleDto {
  @ApiProperty({ enum: FUNCTION_TYPES }) functionType!: FunctionType;
  @ApiProperty({ example: 'Ketenregisseur' }) label!: string;
  @ApiProperty({
    enum: Object.values(CoverageStatus),
    description: "'vacant' when nobody holds it today; 'op-afstand' when only CoMensha covers it.",
  })
  status!: CoverageStatus;
  @ApiProperty({
    description: `How many hold it today; \`holders\` lists at most ${CHAIN_HOLDER_LIMIT} of them.`,
    example: 2,
  })
  total!: number;
  @ApiProperty({
    type: [FunctionDto],
    description:
      `Current holders, each with its own stale flag: at most ${CHAIN_HOLDER_LIMIT}, regional holders before CoMensha ` +
      'op afstand (all of them: GET /functions).',
  })
  holders!: FunctionDto[];
}

export class ChainPartnerDto {
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType!: string;
  @ApiProperty({ example: 'Politie' }) label!: string;
  @ApiProperty({
    type: [RegionRefDto],
    description: 'The reference areas (politie-eenheid, RIEC-werkgebied) covering the scope.',
  })
  regions!: RegionRefDto[];
  @ApiProperty({
    enum: [CoverageStatus.filled, CoverageStatus.vacant],
    description: "'vacant' when no organisation of this type serves the scope.",
  })
  status!: CoverageStatus;
  @ApiProperty({ description: 'How many organisations of this type serve the scope.', example: 1 })
  total!: number;
  @ApiProperty({
    type: [OrganisationSummaryDto],
    description: `At most ${CHAIN_HOLDER_LIMIT}, by name (all of them: GET /organisations with type and region or municipality).`,
  })
  organisations!: OrganisationSummaryDto[];
}

export class ChainMunicipalityDto {
  @ApiProperty({ example: 'GM0363' }) code!: string;
  @ApiProperty({ example: 'Amsterdam' }) name!: string;
  @ApiProperty({ type: ChainRoleDto, description: 'The aandachtsfunctionaris of this gemeente.' })
  aandachtsfunctionaris!: ChainRoleDto;
}

export class ChainSummaryDto {
  @ApiProperty() municipalities!: number;
  @ApiProperty({ description: 'Gemeenten without a current aandachtsfunctionaris.' })
  vacantAandachtsfunctionarissen!: number;
  @ApiProperty({ description: 'Region functions without a current holder.' }) vacantRoles!: number;
  @ApiProperty({ description: 'Stale functions and organisations in this chain.' }) stale!: number;
}

export class ChainDto {
  @ApiProperty({ type: ChainScopeDto }) scope!: ChainScopeDto;
  @ApiProperty() staleMonths!: number;
  @ApiProperty({
    type: [ChainRoleDto],
    description: 'Ketenregisseur, zorgcoördinator(s), RIEC, ZVH and CoMensha contacts.',
  })
  roles!: ChainRoleDto[];
  @ApiProperty({
    type: [ChainPartnerDto],
    description: 'Politie-eenheid, RIEC and Zorg- en Veiligheidshuis.',
  })
  partners!: ChainPartnerDto[];
  @ApiProperty({ type: [ChainMunicipalityDto] }) municipalities!: ChainMunicipalityDto[];
  @ApiProperty({
    type: [OrganisationSummaryDto],
    description:
      `The (non-national) organisations serving the scope: the first ${CHAIN_ORGANISATION_LIMIT} by name ` +
      '(all of them: GET /organisations with region or municipality).',
  })
  organisations!: OrganisationSummaryDto[];
  @ApiProperty({ description: 'How many (non-national) organisations serve the scope.' })
  organisationsTotal!: number;
  @ApiProperty({
    type: [OrganisationSummaryDto],
    description: `National organisations (CoMensha, IND, OM, …): the first ${CHAIN_ORGANISATION_LIMIT} by name.`,
  })
  nationalOrganisations!: OrganisationSummaryDto[];
  @ApiProperty({ description: 'How many national organisations there are.' })
  nationalOrganisationsTotal!: number;
  @ApiProperty({ type: ChainSummaryDto }) summary!: ChainSummaryDto;
}
