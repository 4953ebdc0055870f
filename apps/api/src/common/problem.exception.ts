import { HttpException } from '@nestjs/common';
import { ErrorCode, InvalidParam } from '@ketenkaart/shared-domain';

/**
 * The one way a service reports a client error: an HTTP status, a stable code the web translates, and a
 * human detail. The global filter renders it as RFC 9457 problem+json.
 */
export class ProblemException extends HttpException {
  /** Extra response headers, e.g. `Retry-After` on 429. */
  readonly headers: Record<string, string> = {};

  constructor(
    status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail, status);
  }

  static notFound(what: string, id: string): ProblemException {
    return new ProblemException(404, ErrorCode.notFound, `${what} '${id}' does not exist.`);
  }

  static invalid(name: string, code: string, reason: string): ProblemException {
    return new ProblemException(400, ErrorCode.validationFailed, `${name}: ${reason}`, [
      { name, code, reason },
    ]);
  }

  static conflict(code: ErrorCode, detail: string): ProblemException {
    return new ProblemException(409, code, detail);
  }
}
