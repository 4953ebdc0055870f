import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { API_BASE_PATH, Permission } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response } from 'fastify';
import { Public, RequirePermission } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  CreateRegionDto,
  ListRegionsQueryDto,
  RegionDetailDto,
  RegionPageDto,
  RegionTypeListDto,
  UpdateRegionDto,
} from './dto/region.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('region-types')
  @Public()
  @ApiOkResponse({ type: RegionTypeListDto })
  async listTypes(): Promise<RegionTypeListDto> {
    return { items: await this.regions.listTypes() };
  }

  @Get('regions')
  @Public()
  @ApiOkResponse({ type: RegionPageDto })
  list(@Query() query: ListRegionsQueryDto): Promise<RegionPageDto> {
    return this.regions.list(query);
  }

  @Get('regions/:id')
  @Public()
  @ApiOkResponse({ type: RegionDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  get(@Param('id') id: string): Promise<RegionDetailDto> {
    return this.regions.get(id);
  }

  @Post('regions')
  @RequirePermission(Permission.regionWrite)
  @ApiCreatedResponse({ type: RegionDetailDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'The code is taken within the type.' })
  async create(
    @Body() dto: CreateRegionDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegionDetailDto> {
    const region = await this.regions.create(dto, principal);
    response.header('Location', `${API_BASE_PATH}/regions/${region.id}`);
    return region;
  }

  @Patch('regions/:id')
  @RequirePermission(Permission.regionWrite)
  @ApiOkResponse({ type: RegionDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: 'Someone else changed the region (version).',
  })
  @ApiForbiddenResponse({
    type: ProblemResponseDto,
    description: 'The region lies outside your regions (out_of_scope).',
  })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateRegionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegionDetailDto> {
    return this.regions.update(id, dto, principal);
  }
}
