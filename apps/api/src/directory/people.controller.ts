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
  CreatePersonDto,
  ListPeopleQueryDto,
  PersonDetailDto,
  PersonPageDto,
  UpdatePersonDto,
} from './dto/person.dto';
import { PeopleService } from './people.service';

@ApiTags('directory')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Search and list people (work contact details only).' })
  @ApiOkResponse({ type: PersonPageDto })
  list(@Query() query: ListPeopleQueryDto): Promise<PersonPageDto> {
    return this.people.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One person with the functions they hold.' })
  @ApiOkResponse({ type: PersonDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  get(@Param('id') id: string): Promise<PersonDetailDto> {
    return this.people.get(id);
  }

  @Post()
  @RequirePermission(Permission.directoryWrite)
  @ApiCreatedResponse({ type: PersonDetailDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'The externalKey is taken.' })
  async create(
    @Body() dto: CreatePersonDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PersonDetailDto> {
    const person = await this.people.create(dto, caller);
    response.header('Location', `${API_BASE_PATH}/people/${person.id}`);
    return person;
  }

  @Patch(':id')
  @RequirePermission(Permission.directoryWrite)
  @ApiOkResponse({ type: PersonDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({
    type: ProblemResponseDto,
    description: 'Someone else changed it (version), or it is archived.',
  })
  update(
    @Param('id') id: string,
    @Body() dto: UpdatePersonDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PersonDetailDto> {
    return this.people.update(id, dto, caller);
  }

  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Archive (there is no hard delete); hidden from default lists and search.' })
  @ApiOkResponse({ type: PersonDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  archive(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<PersonDetailDto> {
    return this.people.archive(id, caller);
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Record that the entry was checked today (clears the stale flag).' })
  @ApiOkResponse({ type: PersonDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  verify(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<PersonDetailDto> {
    return this.people.verify(id, caller);
  }

  @Get(':id/history')
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Change history: who, when, which fields old → new (newest first).' })
  @ApiOkResponse({ type: ChangeListDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  history(@Param('id') id: string): Promise<ChangeListDto> {
    return this.people.history(id);
  }

  @Post(':id/history/:versionId/restore')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Bring back the state of an earlier version (recorded as a new version).' })
  @ApiOkResponse({ type: PersonDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  @ApiConflictResponse({ type: ProblemResponseDto, description: 'Someone else changed it (version).' })
  restore(
    @Param('id') id: string,
    @Param('versionId', new ParseIntPipe({ exceptionFactory: () => versionIdNotFound() })) versionId: number,
    @Body() dto: VersionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PersonDetailDto> {
    return this.people.restore(id, versionId, dto, caller);
  }
}
