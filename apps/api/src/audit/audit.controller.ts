import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@ketenkaart/shared-domain';
import type { FastifyRequest as Request } from 'fastify';
import { RequirePermission } from '../common/access.decorator';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { AuditQueryService } from './audit-query.service';
import { AuditEventPageDto, AuditQueryDto, AuditRecordQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid filter; `invalidParams` names each field.',
})
@Controller('audit-events')
export class AuditController {
  constructor(private readonly query: AuditQueryService) {}

  @Get()
  @RequirePermission(Permission.auditRead)
  @ApiOperation({ summary: 'Search the audit trail (privacy officer), newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  search(@Query() query: AuditQueryDto, @Req() request: Request): Promise<AuditEventPageDto> {
    return this.query.search(query, request);
  }

  @Get('export')
  @RequirePermission(Permission.auditRead)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-trail.csv"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who saw or changed record X, as CSV (for an AVG access request)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row, oldest event first.', schema: { type: 'string' } })
  export(@Query() query: AuditRecordQueryDto, @Req() request: Request): Promise<string> {
    return this.query.exportCsv(query, request);
  }
}
