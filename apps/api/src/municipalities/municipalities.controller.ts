import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access.decorator';
import { ProblemResponseDto } from '../common/problem-response.dto';
import {
  ListMunicipalitiesQueryDto,
  MunicipalityDetailDto,
  MunicipalityPageDto,
} from './dto/municipality.dto';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: MunicipalityPageDto })
  @ApiBadRequestResponse({ type: ProblemResponseDto })
  list(@Query() query: ListMunicipalitiesQueryDto): Promise<MunicipalityPageDto> {
    return this.municipalities.list(query);
  }

  @Get(':gmCode')
  @Public()
  @ApiOkResponse({ type: MunicipalityDetailDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  get(@Param('gmCode') gmCode: string): Promise<MunicipalityDetailDto> {
    return this.municipalities.get(gmCode);
  }
}
