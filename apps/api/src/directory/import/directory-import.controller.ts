import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { API_BASE_PATH, Permission } from '@ketenkaart/shared-domain';
import type { FastifyReply as Response } from 'fastify';
import { RequirePermission } from '../../common/access.decorator';
import { CurrentPrincipal } from '../../common/principal';
import type { Principal } from '../../common/principal';
import { ProblemException } from '../../common/problem.exception';
import { ProblemResponseDto } from '../../common/problem-response.dto';
import { SYNC_IMPORT_MAX_ROWS, DirectoryImportService } from './directory-import.service';
import type { DirectoryImportKind } from './directory-import.entity';
import {
  DirectoryImportDto,
  DirectoryImportJsonBodyDto,
  DirectoryImportQueryDto,
  IMPORT_KINDS,
} from './dto/directory-import.dto';

/** Route of the import; app.setup.ts gives it a text/csv body parser and a larger body limit. */
export const DIRECTORY_IMPORTS_PATH = '/directory/imports';

@ApiTags('directory')
@ApiExtraModels(DirectoryImportJsonBodyDto)
@Controller('directory/imports')
export class DirectoryImportController {
  constructor(private readonly imports: DirectoryImportService) {}

  @Post()
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({
    summary: 'Import organisations or people from a CSV (CoMensha spreadsheets).',
    description:
      'Every row is validated first; any error gives 400 naming each cell as `row 7, column type`, and nothing is ' +
      'imported. Rows are matched on `sleutel` (external key): same data leaves the entry alone, changed data updates ' +
      `it with a history entry. Up to ${SYNC_IMPORT_MAX_ROWS} rows the import finishes in the request (201; 200 for ` +
      'a dry run); larger files return 202 and run in the background: poll the Location. Body: text/csv ' +
      '(`?kind=` required; up to 10 MB) or JSON `{ kind, csv }`.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({
    required: true,
    schema: { oneOf: [{ type: 'string' }, { $ref: getSchemaPath(DirectoryImportJsonBodyDto) }] },
  })
  @ApiOkResponse({
    type: DirectoryImportDto,
    description: 'Dry run: the file is valid (counts are what would happen).',
  })
  @ApiCreatedResponse({ type: DirectoryImportDto, description: 'Imported.' })
  @ApiAcceptedResponse({ type: DirectoryImportDto, description: 'Large file: importing in the background.' })
  @ApiBadRequestResponse({
    type: ProblemResponseDto,
    description: '`invalidParams` names each row and column.',
  })
  @ApiPayloadTooLargeResponse({ type: ProblemResponseDto })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemResponseDto, description: 'Neither text/csv nor JSON.' })
  async create(
    @Body() body: unknown,
    @Query() query: DirectoryImportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DirectoryImportDto> {
    const { kind, csv } = importInput(body, query);
    const { status, job } = await this.imports.start(kind, csv, query.dryRun ?? false, principal);
    response.status(status);
    response.header('Location', `${API_BASE_PATH}${DIRECTORY_IMPORTS_PATH}/${job.id}`);
    return job;
  }

  @Get(':id')
  @RequirePermission(Permission.directoryWrite)
  @ApiOperation({ summary: 'Status and progress of an import, with its row errors.' })
  @ApiOkResponse({ type: DirectoryImportDto })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  get(@Param('id') id: string): Promise<DirectoryImportDto> {
    return this.imports.get(id);
  }
}

/** The CSV and its kind from either body form. */
function importInput(
  body: unknown,
  query: DirectoryImportQueryDto,
): { kind: DirectoryImportKind; csv: string } {
  if (typeof body === 'string') {
    if (!query.kind)
      throw ProblemException.invalid('kind', 'isIn', `kind must be one of ${IMPORT_KINDS.join(', ')}`);
    if (body.trim() === '') throw ProblemException.invalid('body', 'isNotEmpty', 'The CSV is empty.');
    return { kind: query.kind, csv: body };
  }
  if (body === null || typeof body !== 'object' || Object.keys(body).length === 0) {
    throw ProblemException.invalid(
      'body',
      'isNotEmpty',
      'Send the CSV as a text/csv body or as JSON { kind, csv }.',
    );
  }
  const { kind, csv, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw ProblemException.invalid(unknown, 'unknown_field', `'${unknown}' is not a known field.`);
  const chosen = kind ?? query.kind;
  if (typeof chosen !== 'string' || !IMPORT_KINDS.includes(chosen as DirectoryImportKind)) {
    throw ProblemException.invalid('kind', 'isIn', `kind must be one of ${IMPORT_KINDS.join(', ')}`);
  }
  if (typeof csv !== 'string' || csv.trim() === '')
    throw ProblemException.invalid('csv', 'isNotEmpty', 'csv must be the CSV text.');
  return { kind: chosen as DirectoryImportKind, csv };
}
