import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { ErrorSummary, Paragraph } from '@ketenkaart/web-ui';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../lib/field-errors';

export function FormErrors({
  formId,
  errors,
  problem,
  summaryRef,
}: {
  formId: string;
  errors: FieldErrors;
  problem: ProblemDetails | null;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const items = Object.entries(errors).map(([path, message]) => ({
    fieldId: fieldId(formId, path),
    message,
  }));
  if (!items.length && !problem) return null;
  let general: string | null = null;
  if (problem?.status === 409) general = t('directory.form.conflict');
  else if (problem && !items.length) general = problem.detail ?? problem.title;
  return (
    <ErrorSummary ref={summaryRef} title={t('directory.form.errorSummary')} items={items}>
      {general ? <Paragraph>{general}</Paragraph> : null}
      {problem?.correlationId ? (
        <Paragraph small>{t('errors.correlationId', { id: problem.correlationId })}</Paragraph>
      ) : null}
    </ErrorSummary>
  );
}
