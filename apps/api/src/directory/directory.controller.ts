import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@ketenkaart/shared-domain';
import { Public, RequirePermission } from '../common/access.decorator';
import { PageQueryDto } from '../common/pagination.dto';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { DirectoryService } from './directory.service';
import { ChainDto, SearchPageDto, SearchQueryDto, StalePageDto } from './dto/directory.dto';

@ApiTags('directory')
@ApiBadRequestResponse({
  type: ProblemResponseDto,
  description: 'Invalid input; `invalidParams` names each field.',
})
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('search')
  @Public()
  @ApiOperation({
    summary: 'Mixed search over organisations, people and functions (each result has a kind).',
  })
  @ApiOkResponse({ type: SearchPageDto })
  search(@Query() query: SearchQueryDto): Promise<SearchPageDto> {
    return this.directory.search(query);
  }

  @Get('directory/stale')
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Entries not verified for DIRECTORY_STALE_MONTHS months, for CoMensha to check.' })
  @ApiOkResponse({ type: StalePageDto })
  stale(@Query() query: PageQueryDto): Promise<StalePageDto> {
    return this.directory.stale(query);
  }

  @Get('regions/:id/chain')
  @Public()
  @ApiOperation({
    summary: 'The whole chain of a region at a glance, with vacancies and stale entries flagged.',
  })
  @ApiOkResponse({ type: ChainDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  regionChain(@Param('id') id: string): Promise<ChainDto> {
    return this.directory.regionChain(id);
  }

  @Get('municipalities/:gmCode/chain')
  @Public()
  @ApiOperation({
    summary: 'The whole chain of a gemeente at a glance, with vacancies and stale entries flagged.',
  })
  @ApiOkResponse({ type: ChainDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  municipalityChain(@Param('gmCode') gmCode: string): Promise<ChainDto> {
    return this.directory.municipalityChain(gmCode);
  }
}
