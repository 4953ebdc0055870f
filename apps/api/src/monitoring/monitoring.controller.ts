import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@ketenkaart/shared-domain';
import { Public, RequirePermission, SignedIn } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  CreateKaderCriteriaSetDto,
  KaderAssessmentSheetDto,
  KaderCriteriaSetDto,
  KaderCriteriaSetListDto,
  KaderPeriodQueryDto,
  PutKaderAssessmentsDto,
  RegionKaderAssessmentsDto,
} from './dto/kader.dto';
import {
  CoverageDto,
  CoverageQueryDto,
  HandoffFiguresDto,
  HandoffFiguresQueryDto,
  KaderOverviewDto,
  KaderOverviewQueryDto,
} from './dto/monitoring.dto';
import { KaderService } from './kader.service';
import { MonitoringService } from './monitoring.service';

@ApiTags('monitoring')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller()
export class MonitoringController {
  constructor(
    private readonly kader: KaderService,
    private readonly monitoring: MonitoringService,
  ) {}

  @Get('kader-criteria')
  @Public()
  @ApiOperation({ summary: 'Every version of the VNG Kader criteria, newest first.' })
  @ApiOkResponse({ type: KaderCriteriaSetListDto })
  async listCriteria(): Promise<KaderCriteriaSetListDto> {
    return { items: await this.kader.listCriteriaSets() };
  }

  @Post('kader-criteria')
  @RequirePermission(Permission.kaderAssess)
  @ApiOperation({ summary: 'A new version of the Kader criteria (beheerder).' })
  @ApiCreatedResponse({ type: KaderCriteriaSetDto })
  createCriteria(
    @Body() dto: CreateKaderCriteriaSetDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KaderCriteriaSetDto> {
    return this.kader.createCriteriaSet(dto, principal);
  }

  @Get('municipalities/:gmCode/kader-assessments')
  @Public()
  @ApiOperation({ summary: 'The Kader assessment of a gemeente for a period, with the derived status.' })
  @ApiOkResponse({ type: KaderAssessmentSheetDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  getAssessments(
    @Param('gmCode') gmCode: string,
    @Query() query: KaderPeriodQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KaderAssessmentSheetDto> {
    return this.kader.getSheet(gmCode, query.period, principal);
  }

  @Put('municipalities/:gmCode/kader-assessments/:period')
  @RequirePermission(Permission.kaderAssess)
  @ApiOperation({
    summary: 'Records the whole Kader assessment of a gemeente for a period (one transaction).',
  })
  @ApiOkResponse({ type: KaderAssessmentSheetDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiForbiddenResponse({ type: ProblemResponseDto, description: 'The gemeente lies outside your regions.' })
  putMunicipality(
    @Param('gmCode') gmCode: string,
    @Param('period') period: string,
    @Body() dto: PutKaderAssessmentsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KaderAssessmentSheetDto> {
    return this.kader.putMunicipality(gmCode, period, dto, principal);
  }

  @Put('regions/:id/kader-assessments/:period')
  @RequirePermission(Permission.kaderAssess)
  @ApiOperation({
    summary: 'Records the same Kader assessment for every gemeente of a region (one transaction).',
  })
  @ApiOkResponse({ type: RegionKaderAssessmentsDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiForbiddenResponse({ type: ProblemResponseDto, description: 'A gemeente lies outside your regions.' })
  putRegion(
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() dto: PutKaderAssessmentsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegionKaderAssessmentsDto> {
    return this.kader.putRegion(id, period, dto, principal);
  }

  @Get('monitoring/kader')
  @Public()
  @ApiOperation({ summary: 'Kader status per gemeente and per theme (choropleth), with totals.' })
  @ApiOkResponse({ type: KaderOverviewDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'No region with the id given as `region`.' })
  kaderOverview(@Query() query: KaderOverviewQueryDto): Promise<KaderOverviewDto> {
    return this.monitoring.kaderOverview(query);
  }

  @Get('monitoring/coverage')
  @Public()
  @ApiOperation({
    summary: 'Coverage of the network per region: ketenregisseur, zorgcoördinatie, gemeenten.',
  })
  @ApiOkResponse({ type: CoverageDto })
  coverage(@Query() query: CoverageQueryDto): Promise<CoverageDto> {
    return this.monitoring.coverage(query);
  }

  @Get('monitoring/handoff-figures')
  @SignedIn()
  @ApiOperation({
    summary:
      'Hand-off figures (aggregates.read nationwide, handoff.figures.read own regions); counts below 5 as "<5".',
  })
  @ApiOkResponse({ type: HandoffFiguresDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'No region with the id given as `region`.' })
  handoffFigures(
    @Query() query: HandoffFiguresQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoffFiguresDto> {
    return this.monitoring.handoffFigures(query, principal);
  }
}
