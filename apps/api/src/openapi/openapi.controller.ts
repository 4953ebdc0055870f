import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access.decorator';
import { OpenApiDocumentHolder } from './openapi-document.holder';

@ApiExcludeController()
@Controller()
export class OpenApiController {
  constructor(private readonly holder: OpenApiDocumentHolder) {}

  @Get('openapi.json')
  @Public()
  document(): object {
    return this.holder.document;
  }
}
