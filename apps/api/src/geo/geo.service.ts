import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';

const BOUNDARIES_FILE = 'nl-vr-gm-2023.topo.json';

/** Boundaries are static reference data shipped with the portal; read once, served with a content ETag. */
@Injectable()
export class GeoService {
  private boundaries?: { body: Buffer; etag: string };

  constructor(private readonly config: AppConfig) {}

  municipalityBoundaries(): { body: Buffer; etag: string } {
    if (!this.boundaries) {
      const body = readFileSync(
        path.join(this.config.resolvePath(this.config.REFERENCE_DATA_DIR), BOUNDARIES_FILE),
      );
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      this.boundaries = { body, etag };
    }
    return this.boundaries;
  }
}
