import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
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
import { CurrentCaller } from '../common/caller';
import type { Caller } from '../common/caller';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { versionIdNotFound } from './directory-history';
import { VersionDto } from './dto/common.dto';
import { ChangeListDto } from './dto/history.dto';
import {
  CreateOrganisationDto,
  ListOrganisationsQueryDto,
  OrganisationDetailDto,
  OrganisationPageDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('directory')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Search and filter organisations (relevance order with q, else by name).' })
  @ApiOkResponse({ type: OrganisationPageDto })
  list(@Query() query: ListOrganisationsQueryDto): Promise<OrganisationPageDto> {
    return this.organisations.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One organisation; a confidential address only for callers allowed to see it.' })
  @ApiOkResponse({ type: OrganisationDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<OrganisationDetailDto> {
    return this.organisations.get(id, caller);
  }

  @Post()
  @RequirePermission(Permission.directoryWrite)
  @ApiCreatedResponse({ type: OrganisationDetailDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'The externalKey is taken.' })
  async create(
    @Body() dto: CreateOrganisationDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganisationDetailDto> {
    const organisation = await this.organisations.create(dto, caller);
    response.header('Location', `${API_BASE_PATH}/organisations/${organisation.id}`);
    return organisation;
  }

  @Patch(':id')
  @RequirePermission(Permission.directoryWrite)
  @ApiOkResponse({ type: OrganisationDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: 'Someone else changed it (version), or it is archived.',
  })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateOrganisationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationDetailDto> {
    return this.organisations.update(id, dto, caller);
  }

  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Archive (there is no hard delete); hidden from default lists and search.' })
  @ApiOkResponse({ type: OrganisationDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  archive(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<OrganisationDetailDto> {
    return this.organisations.archive(id, caller);
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Record that the entry was checked today (clears the stale flag).' })
  @ApiOkResponse({ type: OrganisationDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  verify(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<OrganisationDetailDto> {
    return this.organisations.verify(id, caller);
  }

  @Get(':id/history')
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Change history: who, when, which fields old → new (newest first).' })
  @ApiOkResponse({ type: ChangeListDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  history(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ChangeListDto> {
    return this.organisations.history(id, caller);
  }

  @Post(':id/history/:versionId/restore')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Bring back the state of an earlier version (recorded as a new version).' })
  @ApiOkResponse({ type: OrganisationDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'Someone else changed it (version).' })
  restore(
    @Param('id') id: string,
    @Param('versionId', new ParseIntPipe({ exceptionFactory: () => versionIdNotFound() })) versionId: number,
    @Body() dto: VersionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationDetailDto> {
    return this.organisations.restore(id, versionId, dto, caller);
  }
}
