import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Takes a well-formed incoming correlation id (from a proxy) or makes one; pino-http uses it as request id. */
export function assignCorrelationId(request: IncomingMessage): string {
  const incoming = request.headers[HEADER];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  (request as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function correlationIdOf(request: IncomingMessage): string {
  return (request as IncomingMessage & { id?: string }).id ?? assignCorrelationId(request);
}
