import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { ErrorSummary, Paragraph } from '@ketenkaart/web-ui';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoffFieldErrors } from '../lib/form-model';

/** The id of a control from the API's dotted field path (`receiver.organisationId`). */
export const fieldId = (formId: string, path: string) => `${formId}-${path.replace(/\./g, '-')}`;

/** The error summary above a form: every message links to its field; focus moves here after a failed submit. */
export function FormErrors({
  formId,
  errors,
  problem,
  general,
  summaryRef,
}: {
  formId: string;
  errors: HandoffFieldErrors;
  problem: ProblemDetails | null;
  /** A message about the form as a whole (e.g. a version conflict). */
  general?: string | null;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const items = Object.entries(errors)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([path, message]) => ({ fieldId: fieldId(formId, path), message }));
  if (!items.length && !problem && !general) return null;
  const text = general ?? (problem && !items.length ? (problem.detail ?? problem.title) : null);
  return (
    <ErrorSummary ref={summaryRef} title={t('forms.errorSummaryTitle')} items={items} role="alert">
      {text ? <Paragraph>{text}</Paragraph> : null}
      {problem?.correlationId ? (
        <Paragraph small>{t('errors.correlationId', { id: problem.correlationId })}</Paragraph>
      ) : null}
    </ErrorSummary>
  );
}
