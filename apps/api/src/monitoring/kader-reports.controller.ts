import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { preferredMediaType } from '../common/content-negotiation';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { Public, SignedIn } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  KaderReportDto,
  KaderReportQueryDto,
  KaderTrendDto,
  KaderTrendQueryDto,
} from './dto/kader-report.dto';
import { KaderReportsService } from './kader-reports.service';

@ApiTags('monitoring')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@ApiExtraModels(KaderReportDto)
@Controller()
export class KaderReportsController {
  constructor(private readonly reports: KaderReportsService) {}

  @Get('monitoring/kader-trend')
  @Public()
  @ApiOperation({ summary: 'Kader status per half-year (from … to): basis met, per theme, adopted policy.' })
  @ApiOkResponse({ type: KaderTrendDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'Unknown region.' })
  trend(@Query() query: KaderTrendQueryDto): Promise<KaderTrendDto> {
    return this.reports.trend(query);
  }

  @Get('monitoring/reports/kader')
  @SignedIn()
  @ApiOperation({
    summary:
      'The tussenrapportage (half-year) or jaaroverzicht (year) of the VNG Kader, as JSON or as CSV (Accept: text/csv or format=csv).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'JSON: everything the printable report shows. CSV: one table (`table=gemeenten|regios`), UTF-8 with BOM, `;`-separated, as an attachment.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(KaderReportDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse({ type: ProblemResponseDto, description: 'Unknown region.' })
  async report(
    @Query() query: KaderReportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KaderReportDto | string> {
    const report = await this.reports.report(query, principal);
    response.header('Vary', 'Accept');
    response.header('Cache-Control', 'no-store');
    const wantsCsv = query.format
      ? query.format === 'csv'
      : preferredMediaType(request.headers.accept, ['application/json', 'text/csv']) === 'text/csv';
    if (!wantsCsv) return report;
    const { filename, body } = this.reports.csv(report, query.table ?? 'gemeenten');
    response.type('text/csv; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
