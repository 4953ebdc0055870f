import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { API_BASE_PATH, Permission } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response } from 'fastify';
import { Public, RequirePermission } from '../common/access.decorator';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  ArchivePolicyDocumentDto,
  CreatePolicyDocumentDto,
  ListPolicyDocumentsQueryDto,
  PolicyDocumentDto,
  PolicyDocumentListDto,
  UpdatePolicyDocumentDto,
} from './dto/policy-document.dto';
import { PolicyDocumentsService } from './policy-documents.service';

@ApiTags('monitoring')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller()
export class PolicyDocumentsController {
  constructor(private readonly policyDocuments: PolicyDocumentsService) {}

  @Get('municipalities/:gmCode/policy-documents')
  @Public()
  @ApiOperation({ summary: 'The adopted policy documents of a gemeente, newest adoption first.' })
  @ApiOkResponse({ type: PolicyDocumentListDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  list(
    @Param('gmCode') gmCode: string,
    @Query() query: ListPolicyDocumentsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PolicyDocumentListDto> {
    return this.policyDocuments.list(gmCode, query, principal);
  }

  @Post('municipalities/:gmCode/policy-documents')
  @RequirePermission(Permission.kaderAssess)
  @ApiOperation({
    summary:
      'Records an adopted policy document of a gemeente (own regions, else 403 out_of_scope; beheerder everywhere).',
  })
  @ApiCreatedResponse({ type: PolicyDocumentDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  async create(
    @Param('gmCode') gmCode: string,
    @Body() dto: CreatePolicyDocumentDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyDocumentDto> {
    const document = await this.policyDocuments.create(gmCode, dto, principal);
    response.header('Location', `${API_BASE_PATH}/policy-documents/${document.id}`);
    return document;
  }

  @Patch('policy-documents/:id')
  @RequirePermission(Permission.kaderAssess)
  @ApiOperation({ summary: 'Changes the fields sent (e.g. validUntil when it ends).' })
  @ApiOkResponse({ type: PolicyDocumentDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: 'Someone else changed it (`version_conflict`), or it is archived (`entry_archived`).',
  })
  update(
    @Param('id') id: string,
    @Body() dto: UpdatePolicyDocumentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PolicyDocumentDto> {
    return this.policyDocuments.update(id, dto, principal);
  }

  @Post('policy-documents/:id/archive')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.kaderAssess)
  @ApiOperation({ summary: 'Archives a document recorded by mistake (there is no hard delete).' })
  @ApiOkResponse({ type: PolicyDocumentDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'Stale version, or archived already.' })
  archive(
    @Param('id') id: string,
    @Body() dto: ArchivePolicyDocumentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PolicyDocumentDto> {
    return this.policyDocuments.archive(id, dto, principal);
  }
}
