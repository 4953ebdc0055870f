import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, ProblemDetails } from '@ketenkaart/shared-domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from './problem.exception';
import { correlationIdOf } from './correlation-id';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.validationFailed,
  401: ErrorCode.unauthorized,
  403: ErrorCode.forbidden,
  404: ErrorCode.routeNotFound,
  405: ErrorCode.methodNotAllowed,
  409: ErrorCode.conflict,
  413: ErrorCode.payloadTooLarge,
  415: ErrorCode.unsupportedMediaType,
};

/** SQLSTATEs of a database that is away, overloaded or timed out: worth retrying, not a bug of the request. */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-3]|57014|55P03|40001|40P01)/;
/** node-postgres errors without an SQLSTATE: the connection failed, broke or timed out. */
const TRANSIENT_DRIVER_ERROR =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/;

/**
 * Whether an unknown error means the database is unavailable for now (outage, restart, statement or lock timeout,
 * serialization failure): the caller gets 503 with Retry-After instead of a 500, and may simply try again — every
 * write is one transaction, so nothing of the failed request was kept.
 */
export function isTransientDatabaseError(exception: unknown): boolean {
  // Duck-typed: errors of node:net come from another realm under some runners, where instanceof Error fails.
  if (typeof exception !== 'object' || exception === null) return false;
  const driverError = (exception as { driverError?: unknown }).driverError ?? exception;
  const { code, message } = driverError as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_DRIVER_ERROR.test(code)))
    return true;
  return typeof message === 'string' && TRANSIENT_DRIVER_ERROR.test(message);
}

/** Fastify's own 4xx errors (body too large, malformed URL, bad Content-Length, …) and their stable codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.payloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.unsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.validationFailed,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.invalidJson,
};

/** A client error that Fastify raised before any route ran, as status, code and detail; null for anything else. */
export function fastifyClientError(
  exception: unknown,
): { status: number; code: ErrorCode; detail: string } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { code, statusCode, message } = exception as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
  };
  if (typeof code !== 'string' || !code.startsWith('FST_')) return null;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return null;
  return {
    status: statusCode,
    code: FASTIFY_CODES[code] ?? CODE_BY_STATUS[statusCode] ?? ErrorCode.validationFailed,
    detail: typeof message === 'string' ? message : (TITLES[statusCode] ?? 'Bad Request'),
  };
}

/**
 * Renders every error as RFC 9457 application/problem+json. Unknown errors become a generic 500 whose body
 * holds no stack trace or SQL, only a correlation id that the log line carries too.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    this.send(exception, context.getRequest<FastifyRequest>(), context.getResponse<FastifyReply>());
  }

  /** Answers `exception` as a problem; also used for errors Fastify's router raises before Nest runs. */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const problem = this.toProblem(exception, request);
    problem.correlationId = correlationIdOf(request.raw);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, correlationId: problem.correlationId }, 'request failed');
    }
    if (reply.sent || reply.raw.headersSent) return;
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
    }
    if (problem.code === ErrorCode.databaseUnavailable) reply.header('Retry-After', '5');
    void reply.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const instance = (request.originalUrl ?? request.url)?.split('?')[0];
    if (exception instanceof ProblemException) {
      return this.problem(
        exception.getStatus(),
        exception.code,
        exception.detail,
        instance,
        exception.invalidParams,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const detail =
        status === 404
          ? `No resource at ${request.method} ${instance}.`
          : typeof exception.getResponse() === 'string'
            ? (exception.getResponse() as string)
            : exception.message;
      return this.problem(status, CODE_BY_STATUS[status] ?? ErrorCode.internal, detail, instance);
    }
    const clientError = fastifyClientError(exception);
    if (clientError) {
      return this.problem(clientError.status, clientError.code, clientError.detail, instance);
    }
    if (isTransientDatabaseError(exception)) {
      return this.problem(
        503,
        ErrorCode.databaseUnavailable,
        'The database is unavailable or busy at the moment. Try again shortly.',
        instance,
      );
    }
    return this.problem(
      500,
      ErrorCode.internal,
      'An unexpected error occurred. Quote the correlation id when reporting it.',
      instance,
    );
  }

  private problem(
    status: number,
    code: ErrorCode,
    detail: string,
    instance: string | undefined,
    invalidParams?: ProblemDetails['invalidParams'],
  ): ProblemDetails {
    return {
      type: `https://ketenkaart.nl/problems/${code.replace(/_/g, '-')}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      instance,
      code,
      ...(invalidParams ? { invalidParams } : {}),
    };
  }
}
