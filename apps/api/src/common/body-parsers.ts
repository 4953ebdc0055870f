import { API_BASE_PATH, ErrorCode } from '@ketenkaart/shared-domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DIRECTORY_IMPORTS_PATH } from '../directory/import/directory-import.controller';
import { nulCharacterAt, nulCharacterProblem } from './nul-character';
import { ProblemException } from './problem.exception';

/** No request body of this API nests deeper than a few levels; 32 leaves ample room. */
export const MAX_JSON_DEPTH = 32;
/** Request bodies are small JSON documents … */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** … except at the CSV import, which takes spreadsheets of a few thousand rows. */
export const IMPORT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
const IMPORTS_PATH = `${API_BASE_PATH}${DIRECTORY_IMPORTS_PATH}`;

/** True when `value` nests arrays/objects deeper than `max` levels (iterative: any depth is safe to check). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

function invalidJson(reason: string): ProblemException {
  return new ProblemException(400, ErrorCode.invalidJson, reason, [
    { name: 'body', code: ErrorCode.invalidJson, reason },
  ]);
}

function isImport(request: FastifyRequest): boolean {
  return request.url === IMPORTS_PATH || request.url.startsWith(`${IMPORTS_PATH}?`);
}

/** Only UTF-8 (the default of JSON and of our CSV) is read; another declared charset gets 415. */
function checkCharset(request: FastifyRequest): void {
  const charset = /;\s*charset=("?)([^";]+)\1/i
    .exec(request.headers['content-type'] ?? '')?.[2]
    ?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ProblemException(
      415,
      ErrorCode.unsupportedMediaType,
      `Unsupported charset "${charset.toUpperCase()}".`,
    );
  }
}

function checkSize(request: FastifyRequest, body: string): void {
  if (!isImport(request) && Buffer.byteLength(body) > BODY_LIMIT_BYTES) {
    throw new ProblemException(413, ErrorCode.payloadTooLarge, 'The request body is too large.');
  }
}

/**
 * The API's body parsers (replacing Fastify's own): JSON and JSON merge patch as strict JSON (an object or array at
 * the top, as body-parser's `strict`), refused with 400 when it nests deeper than MAX_JSON_DEPTH (validation walks
 * bodies recursively: `{"a":{"a":…}}` twenty thousand levels deep would overflow the stack) or holds a NUL character
 * anywhere (PostgreSQL cannot store it); text/csv as a string for the import. An empty body is no body.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    ['application/json', 'application/merge-patch+json'],
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT_BYTES },
    async (request: FastifyRequest, body: string | Buffer) => {
      const text = body.toString();
      checkCharset(request);
      checkSize(request, text);
      if (text.trim() === '') return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw invalidJson('The request body is not valid JSON.');
      }
      if (value === null || typeof value !== 'object') {
        throw invalidJson('The request body must be a JSON object or array.');
      }
      if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
        throw invalidJson(`The request body nests more than ${MAX_JSON_DEPTH} levels deep.`);
      }
      const nul = nulCharacterAt(value, '');
      if (nul !== null) throw nulCharacterProblem(nul);
      return value;
    },
  );
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT_BYTES },
    async (request: FastifyRequest, body: string | Buffer) => {
      const text = body.toString();
      checkCharset(request);
      checkSize(request, text);
      if (text.includes('\u0000')) throw nulCharacterProblem('body');
      return text;
    },
  );
}
