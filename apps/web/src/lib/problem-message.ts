import { ErrorCode, type ProblemDetails } from '@ketenkaart/shared-domain';
import { ApiProblemError, NETWORK_ERROR_STATUS, toProblemDetails } from '@ketenkaart/web-api-client';
import type { TFunction } from 'i18next';

export interface ExplainedProblem {
  problem: ProblemDetails;
  /** What to tell the user, in their language. */
  message: string;
}

/**
 * The user's message for a failed call: the API's stable `code` translated (the API's own `detail` is
 * English), with the wait of a throttled sign-in from `Retry-After`.
 */
export function explainProblem(t: TFunction, error: unknown): ExplainedProblem {
  const problem = toProblemDetails(error);
  const retryAfter = error instanceof ApiProblemError ? error.retryAfterSeconds : undefined;
  return { problem, message: messageFor(t, problem, retryAfter) };
}

function messageFor(t: TFunction, problem: ProblemDetails, retryAfterSeconds?: number): string {
  if (problem.status === NETWORK_ERROR_STATUS) return t('errors.network');
  switch (problem.code) {
    case ErrorCode.invalidCredentials:
      return t('errors.codes.invalidCredentials');
    case ErrorCode.signInThrottled:
      return retryAfterSeconds
        ? t('errors.codes.signInThrottled', { count: Math.ceil(retryAfterSeconds) })
        : t('errors.codes.signInThrottledNoTime');
    case ErrorCode.invalidSecondFactor:
      return t('errors.codes.invalidSecondFactor');
    case ErrorCode.weakPassword:
      return t('errors.codes.weakPassword');
    case ErrorCode.wrongPassword:
      return t('errors.codes.wrongPassword');
    case ErrorCode.invalidLink:
      return t('errors.codes.invalidLink');
    case ErrorCode.duplicateEmail:
      return t('errors.codes.duplicateEmail');
    case ErrorCode.accountAlreadyActive:
      return t('errors.codes.accountAlreadyActive');
    case ErrorCode.ownAccountLockout:
      return t('errors.codes.ownAccountLockout');
    case ErrorCode.mailUnavailable:
      return t('errors.codes.mailUnavailable');
    case ErrorCode.sessionExpired:
    case ErrorCode.unauthorized:
      return t('errors.codes.sessionExpired');
    case ErrorCode.forbidden:
    case ErrorCode.csrfFailed:
      return t('errors.codes.forbidden');
    case ErrorCode.twoFactorNotEnrolled:
      return t('errors.codes.twoFactorNotEnrolled');
    case ErrorCode.serviceNotConfigured:
      return t('errors.codes.serviceNotConfigured');
    case ErrorCode.validationFailed:
      return t('errors.codes.validationFailed');
    case ErrorCode.notFound:
      return t('errors.not_found');
    default:
      return t('errors.generic');
  }
}
