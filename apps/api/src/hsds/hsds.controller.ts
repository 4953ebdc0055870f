import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { Public } from '../common/access.decorator';
import { ProblemResponseDto } from '../common/problem-response.dto';
import { HsdsListQueryDto, HsdsServiceListQueryDto } from './dto/hsds-query.dto';
import { HSDS_VERSION, HsdsPage, HsdsService } from './hsds.service';

const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled';

const pageOf = (item: string) => ({
  type: 'object',
  description: `HSDS ${HSDS_VERSION} page; \`contents\` items follow ${SCHEMA_BASE}/${item}.`,
  properties: {
    total_items: { type: 'integer' },
    total_pages: { type: 'integer' },
    page_number: { type: 'integer' },
    size: { type: 'integer' },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: { type: 'boolean' },
    contents: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  required: [
    'total_items',
    'total_pages',
    'page_number',
    'size',
    'first_page',
    'last_page',
    'empty',
    'contents',
  ],
});
const objectOf = (schema: string) => ({
  type: 'object',
  additionalProperties: true,
  description: `HSDS ${HSDS_VERSION}: ${SCHEMA_BASE}/${schema}.`,
});

/**
 * Open data feed in Open Referral HSDS 3.0 (issue 3 §7), for other social-map systems. Paths and field names
 * are the standard's own (`organizations`, snake_case), not the portal's conventions.
 */
@ApiTags('hsds')
@ApiBadRequestResponse({ type: ProblemResponseDto })
@Controller('hsds')
export class HsdsController {
  constructor(private readonly hsds: HsdsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'HSDS API meta information.' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { version: { type: 'string' }, openapi_url: { type: 'string', format: 'uri' } },
      required: ['version'],
    },
  })
  meta(@Req() request: Request): { version: string; openapi_url: string } {
    return {
      version: HSDS_VERSION,
      openapi_url: `${request.protocol}://${request.host}/api/docs-json`,
    };
  }

  @Get('organizations')
  @Public()
  @ApiOperation({ summary: 'Paginated organizations (one-to-one fields).' })
  @ApiOkResponse({ schema: pageOf('organization_list.json') })
  organizations(@Query() query: HsdsListQueryDto): Promise<HsdsPage> {
    return this.hsds.organizations(query);
  }

  @Get('organizations/:id')
  @Public()
  @ApiOperation({ summary: 'One organization with its phones, contacts and services.' })
  @ApiOkResponse({ schema: objectOf('organization.json') })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  organization(@Param('id') id: string): Promise<Record<string, unknown>> {
    return this.hsds.organization(id);
  }

  @Get('services')
  @Public()
  @ApiOperation({ summary: 'Paginated services (one per organisation and task it leads).' })
  @ApiOkResponse({ schema: pageOf('service_list.json') })
  services(@Query() query: HsdsServiceListQueryDto): Promise<HsdsPage> {
    return this.hsds.services(query);
  }

  @Get('services/:id')
  @Public()
  @ApiOperation({ summary: 'One service with its phones, contacts and service areas.' })
  @ApiOkResponse({ schema: objectOf('service.json') })
  @ApiNotFoundResponse({ type: ProblemResponseDto })
  service(@Param('id') id: string): Promise<Record<string, unknown>> {
    return this.hsds.service(id);
  }
}
