import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** Whether a request accepts an HTML answer (as Express's `accepts('html')`: no Accept header accepts anything). */
export function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (accept === undefined || accept === '') return true;
  return /(^|,)\s*(text\/html|text\/\*|\*\/\*)\s*(;|,|$)/i.test(accept);
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Serves the built web app on the API's origin. Hashed assets are cached for a year; every other non-API
 * GET that accepts HTML gets index.html so that client-side routes (/regios?gemeente=…) can be shared.
 * The files are routes of their own (found once at start; the build does not change while the portal runs), so
 * API requests never touch the file system; anything else falls through to the API's 404 problem.
 */
export async function webStatic(fastify: FastifyInstance, distDir: string): Promise<boolean> {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  await fastify.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    etag: true,
    lastModified: true,
    setHeaders: (response, file) => {
      response.header(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const spaFallback = (request: FastifyRequest, reply: FastifyReply) => {
    if (isApi(request.url) || !acceptsHtml(request)) return reply.callNotFound();
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  };
  fastify.get('/', spaFallback);
  fastify.get('/*', spaFallback);
  return true;
}
