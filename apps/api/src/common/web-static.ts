import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Serves the built web app on the API's origin. Hashed assets are cached for a year; every other non-API
 * GET that accepts HTML gets index.html so that client-side routes (/regios?gemeente=…) can be shared.
 */
export function webStatic(distDir: string): express.RequestHandler[] | null {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return null;
  const assets = express.static(distDir, {
    index: false,
    setHeaders: (response, file) => {
      response.setHeader(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const isApi = (request: Request) => request.path === '/api' || request.path.startsWith('/api/');
  // API requests never touch the file system: serve-static would otherwise stat a file for every one of them.
  const webAssets = (request: Request, response: Response, next: NextFunction) =>
    isApi(request) ? next() : assets(request, response, next);
  const spaFallback = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (isApi(request)) return next();
    if (!request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  };
  return [webAssets, spaFallback];
}
