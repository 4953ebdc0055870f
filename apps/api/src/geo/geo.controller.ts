import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Public } from '../common/access.decorator';
import { GeoService } from './geo.service';

@ApiTags('geo')
@Controller('geo')
export class GeoController {
  constructor(private readonly geo: GeoService) {}

  @Get('municipalities')
  @Public()
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of a copy you hold.' })
  @ApiOkResponse({
    description:
      'Simplified municipal boundaries (CBS/PDOK 2023) as TopoJSON, WGS84: objects gm_features (property code = GM####), vr_features (code = VR##) and nl_features.',
    schema: {
      type: 'object',
      properties: {
        type: { type: 'string', example: 'Topology' },
        objects: { type: 'object' },
        arcs: { type: 'array', items: {} },
      },
    },
  })
  @ApiNotModifiedResponse({ description: 'Your copy (If-None-Match) is current.' })
  municipalities(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: Response): void {
    const { body, etag } = this.geo.municipalityBoundaries();
    response.header('ETag', etag);
    response.header('Cache-Control', 'public, max-age=86400');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
      void response.status(HttpStatus.NOT_MODIFIED).send();
      return;
    }
    void response.type('application/json').send(body);
  }
}
