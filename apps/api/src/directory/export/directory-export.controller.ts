import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiProduces, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@ketenkaart/shared-domain';
import { Public, RequirePermission } from '../../common/access.decorator';
import { ProblemResponseDto } from '../../common/problem-response.dto';
import { ListOrganisationsQueryDto } from '../dto/organisation.dto';
import { ListPeopleQueryDto } from '../dto/person.dto';
import { DirectoryExportService } from './directory-export.service';

const CSV_RESPONSE = {
  description:
    'UTF-8 with BOM, `;`-separated, Dutch headers equal to the import columns (so the file can be imported again). ' +
    'The page and pageSize parameters are ignored: the export holds every matching row.',
  content: { 'text/csv': { schema: { type: 'string' } } },
} as const;

@ApiTags('directory')
@ApiBadRequestResponse({ type: ProblemResponseDto, description: 'Invalid filter; `invalidParams` names it.' })
@Controller()
export class DirectoryExportController {
  constructor(private readonly exports: DirectoryExportService) {}

  @Get('organisations/export')
  @Public()
  @ApiOperation({
    summary: 'The organisations of the current view as CSV; confidential addresses are never included.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="organisaties.csv"')
  organisations(@Query() query: ListOrganisationsQueryDto): Promise<string> {
    return this.exports.organisationsCsv(query);
  }

  /** Bulk personal (work) data: for directory editors only, and never cached. */
  @Get('people/export')
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'The people of the current view as CSV (directory editors).' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="personen.csv"')
  @Header('Cache-Control', 'no-store')
  people(@Query() query: ListPeopleQueryDto): Promise<string> {
    return this.exports.peopleCsv(query);
  }
}
