import { ErrorCode } from '@ketenkaart/shared-domain';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem.exception';

/** Errors body-parser raises before any controller runs; `type` is its stable discriminator. */
interface BodyParserError extends Error {
  type?: string;
}

/** Turns body-parser failures into problems with their own codes before Nest sees them as a generic 400. */
export function bodyParserErrors(
  error: BodyParserError,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  switch (error.type) {
    case 'entity.parse.failed':
      return next(
        new ProblemException(400, ErrorCode.invalidJson, 'The request body is not valid JSON.', [
          { name: 'body', code: ErrorCode.invalidJson, reason: 'The request body is not valid JSON.' },
        ]),
      );
    case 'entity.too.large':
      return next(new ProblemException(413, ErrorCode.payloadTooLarge, 'The request body is too large.'));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(new ProblemException(415, ErrorCode.unsupportedMediaType, error.message));
    default:
      return next(error);
  }
}
