import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { API_BASE_PATH, Permission } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response } from 'fastify';
import { Public, RequirePermission } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  DecideOverrideDto,
  ExportQueryDto,
  LookupDto,
  LookupQueryDto,
  MatrixDto,
  MatrixQueryDto,
  NationalGapsDto,
  NationalGapsQueryDto,
  OverrideDto,
  ProposeOverrideDto,
  RegionGapsDto,
  RegionOverridesDto,
  ResponsibilityTaskListDto,
} from './dto/responsibility.dto';
import { ResponsibilitiesService } from './responsibilities.service';

@ApiTags('responsibilities')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `code` and `invalidParams` name the problem.',
})
@Controller()
export class ResponsibilitiesController {
  constructor(private readonly responsibilities: ResponsibilitiesService) {}

  @Get('responsibility-tasks')
  @Public()
  @ApiOkResponse({ type: ResponsibilityTaskListDto })
  listTasks(): ResponsibilityTaskListDto {
    return this.responsibilities.listTasks();
  }

  @Get('responsibilities')
  @Public()
  @ApiOkResponse({
    type: MatrixDto,
    description: 'The matrix for a form and target group; with `region` its approved agreements apply.',
  })
  matrix(@Query() query: MatrixQueryDto): Promise<MatrixDto> {
    return this.responsibilities.matrix(query);
  }

  @Get('responsibilities/export')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Every effective cell as CSV (UTF-8, comma-separated, header row).',
    schema: { type: 'string' },
  })
  async export(
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const csv = await this.responsibilities.exportCsv(query.region);
    response.type('text/csv; charset=utf-8');
    response.header(
      'Content-Disposition',
      `attachment; filename="wie-doet-wat${query.region ? '-regio' : ''}.csv"`,
    );
    return csv;
  }

  @Get('responsibilities/lookup')
  @Public()
  @ApiOkResponse({ type: LookupDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'The gemeente does not exist.' })
  lookup(@Query() query: LookupQueryDto): Promise<LookupDto> {
    return this.responsibilities.lookup(query);
  }

  @Get('responsibility-gaps')
  @Public()
  @ApiOkResponse({ type: NationalGapsDto })
  nationalGaps(@Query() query: NationalGapsQueryDto): Promise<NationalGapsDto> {
    return this.responsibilities.nationalGaps(query.regionType);
  }

  @Get('regions/:id/responsibility-gaps')
  @Public()
  @ApiOkResponse({ type: RegionGapsDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  regionGaps(@Param('id') id: string): Promise<RegionGapsDto> {
    return this.responsibilities.regionGaps(id);
  }

  @Get('regions/:id/responsibility-overrides')
  @RequirePermission(Permission.matrixPropose)
  @ApiOkResponse({ type: RegionOverridesDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  listOverrides(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<RegionOverridesDto> {
    return this.responsibilities.listOverrides(principal, id);
  }

  @Post('regions/:id/responsibility-overrides')
  @RequirePermission(Permission.matrixPropose)
  @ApiCreatedResponse({ type: OverrideDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: '`overlapping_override` or `second_lead`.' })
  async propose(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: ProposeOverrideDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OverrideDto> {
    const override = await this.responsibilities.propose(principal, id, dto);
    response.header('Location', `${API_BASE_PATH}/regions/${id}/responsibility-overrides/${override.id}`);
    return override;
  }

  @Post('regions/:id/responsibility-overrides/:overrideId/approve')
  @HttpCode(200)
  @RequirePermission(Permission.matrixApprove)
  @ApiOkResponse({ type: OverrideDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: '`override_not_proposed`, `overlapping_override` or `second_lead`.',
  })
  approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('overrideId') overrideId: string,
    @Body() dto: DecideOverrideDto,
  ): Promise<OverrideDto> {
    return this.responsibilities.decide(principal, id, overrideId, 'approved', dto.note);
  }

  @Post('regions/:id/responsibility-overrides/:overrideId/reject')
  @HttpCode(200)
  @RequirePermission(Permission.matrixApprove)
  @ApiOkResponse({ type: OverrideDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: '`override_not_proposed`.' })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('overrideId') overrideId: string,
    @Body() dto: DecideOverrideDto,
  ): Promise<OverrideDto> {
    return this.responsibilities.decide(principal, id, overrideId, 'rejected', dto.note);
  }
}
