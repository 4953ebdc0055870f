import type { ProblemDetails } from '@ketenkaart/shared-domain';

export type FieldErrors = Record<string, string>;

/** The id of a form control from the API's dotted field path (`contactPoints.0.phone`). */
export const fieldId = (formId: string, path: string) => `${formId}-${path.replace(/\./g, '-')}`;

/**
 * The API's `invalidParams` by field path. Paths the form does not show are kept under their own name, so
 * the error summary still lists them (never swallowed).
 */
export function serverFieldErrors(problem: ProblemDetails): FieldErrors {
  const errors: FieldErrors = {};
  for (const param of problem.invalidParams ?? []) {
    errors[param.name] ??= param.reason;
  }
  return errors;
}
