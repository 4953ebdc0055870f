import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Set once at bootstrap from the controllers' metadata; the same document every instance builds. */
@Injectable()
export class OpenApiDocumentHolder {
  document!: OpenAPIObject;
}
