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
  CreateFunctionDto,
  ListFunctionsQueryDto,
  FunctionDto,
  FunctionPageDto,
  UpdateFunctionDto,
} from './dto/function.dto';
import { FunctionsService } from './functions.service';

@ApiTags('directory')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller('functions')
export class FunctionsController {
  constructor(private readonly functions: FunctionsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Functions (ketenregisseur, aandachtsfunctionaris, …) for a region or gemeente; current ones unless includeEnded.',
  })
  @ApiOkResponse({ type: FunctionPageDto })
  list(@Query() query: ListFunctionsQueryDto): Promise<FunctionPageDto> {
    return this.functions.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One function with its holder, deputy and scope.' })
  @ApiOkResponse({ type: FunctionDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  get(@Param('id') id: string): Promise<FunctionDto> {
    return this.functions.get(id);
  }

  @Post()
  @RequirePermission(Permission.directoryWrite)
  @ApiCreatedResponse({ type: FunctionDto })
  async create(
    @Body() dto: CreateFunctionDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FunctionDto> {
    const assignment = await this.functions.create(dto, caller);
    response.header('Location', `${API_BASE_PATH}/functions/${assignment.id}`);
    return assignment;
  }

  @Patch(':id')
  @RequirePermission(Permission.directoryWrite)
  @ApiOkResponse({ type: FunctionDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: 'Someone else changed it (version), or it is archived.',
  })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateFunctionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FunctionDto> {
    return this.functions.update(id, dto, caller);
  }

  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Archive (there is no hard delete); hidden from default lists and search.' })
  @ApiOkResponse({ type: FunctionDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  archive(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<FunctionDto> {
    return this.functions.archive(id, caller);
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Record that the entry was checked today (clears the stale flag).' })
  @ApiOkResponse({ type: FunctionDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  verify(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<FunctionDto> {
    return this.functions.verify(id, caller);
  }

  @Get(':id/history')
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Change history: who, when, which fields old → new (newest first).' })
  @ApiOkResponse({ type: ChangeListDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  history(@Param('id') id: string): Promise<ChangeListDto> {
    return this.functions.history(id);
  }

  @Post(':id/history/:versionId/restore')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Bring back the state of an earlier version (recorded as a new version).' })
  @ApiOkResponse({ type: FunctionDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'Someone else changed it (version).' })
  restore(
    @Param('id') id: string,
    @Param('versionId', new ParseIntPipe({ exceptionFactory: () => versionIdNotFound() })) versionId: number,
    @Body() dto: VersionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FunctionDto> {
    return this.functions.restore(id, versionId, dto, caller);
  }
}
