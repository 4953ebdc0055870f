import { KADER_STATUSES, KADER_THEMES, type KaderStatus } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import {
  Button,
  ErrorSummary,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Textbox,
  type ErrorSummaryItem,
} from '@ketenkaart/web-ui';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentInput } from '../api/types';
import { useMonitoringLabels } from '../lib/labels';

export interface CriterionValue {
  status: KaderStatus;
  evidenceUrl: string;
}

export interface FormCriterion {
  code: string;
  theme: string;
  level: string;
  text: string;
  source: string;
}

export interface CriteriaFormProps {
  criteria: readonly FormCriterion[];
  initial: Readonly<Record<string, CriterionValue>>;
  submitLabel: string;
  /** Shown above the submit button (e.g. that a region assessment replaces every gemeente's). */
  warning?: ReactNode;
  onSubmit: (body: AssessmentInput) => Promise<void>;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The criteria of the version in force, grouped by theme and level; each criterion a radio group
 * (fieldset + legend, WCAG 1.3.1) with an optional evidence link. Errors go to a summary that takes focus
 * (WCAG 3.3.1) and next to the field; the API's `invalidParams` (`items.3.evidenceUrl`) map to the same fields.
 */
export function CriteriaForm({ criteria, initial, submitLabel, warning, onSubmit }: CriteriaFormProps) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const id = useId().replace(/:/g, '');
  const [values, setValues] = useState<Record<string, CriterionValue>>(() => ({ ...initial }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const fieldId = (code: string, field: 'status' | 'evidence') => `${id}-${code}-${field}`;
  const valueOf = (code: string): CriterionValue => values[code] ?? { status: 'onbekend', evidenceUrl: '' };
  const set = (code: string, change: Partial<CriterionValue>) =>
    setValues((current) => ({ ...current, [code]: { ...valueOf(code), ...current[code], ...change } }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid: Record<string, string> = {};
    for (const criterion of criteria) {
      const url = valueOf(criterion.code).evidenceUrl.trim();
      if (url && !isHttpUrl(url))
        invalid[criterion.code] = t('monitoring.assessment.errors.url', { code: criterion.code });
    }
    setFormError(null);
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      setFailures((count) => count + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    const items = criteria.map((criterion) => {
      const value = valueOf(criterion.code);
      return {
        criterionCode: criterion.code,
        status: value.status,
        evidenceUrl: value.evidenceUrl.trim() || null,
      };
    });
    try {
      await onSubmit({ items });
    } catch (error) {
      const problem = toProblemDetails(error);
      const fromApi: Record<string, string> = {};
      for (const param of problem.invalidParams ?? []) {
        const index = /^items\.(\d+)\./.exec(param.name)?.[1];
        const criterion = index !== undefined ? items[Number(index)] : undefined;
        if (criterion) fromApi[criterion.criterionCode] = param.reason;
      }
      setErrors(fromApi);
      setFormError(Object.keys(fromApi).length ? null : (problem.detail ?? t('errors.generic')));
      setFailures((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  const summaryItems: ErrorSummaryItem[] = criteria.flatMap((criterion) =>
    errors[criterion.code]
      ? [{ fieldId: fieldId(criterion.code, 'evidence'), message: errors[criterion.code] }]
      : [],
  );

  return (
    <form className="ketenkaart-form ketenkaart-assessment-form" onSubmit={submit} noValidate>
      {summaryItems.length || formError ? (
        <ErrorSummary ref={summaryRef} title={t('forms.errorSummaryTitle')} items={summaryItems} role="alert">
          {formError ? <Paragraph>{formError}</Paragraph> : null}
        </ErrorSummary>
      ) : null}
      {KADER_THEMES.map((theme) => {
        const ofTheme = criteria.filter((criterion) => criterion.theme === theme);
        if (ofTheme.length === 0) return null;
        return (
          <section
            key={theme}
            className="ketenkaart-assessment-form__theme"
            aria-labelledby={`${id}-${theme}`}
          >
            <Heading level={2} id={`${id}-${theme}`}>
              {labels.theme(theme)}
            </Heading>
            {ofTheme.map((criterion) => {
              const value = valueOf(criterion.code);
              const error = errors[criterion.code];
              const evidenceId = fieldId(criterion.code, 'evidence');
              return (
                <Fieldset
                  key={criterion.code}
                  className="ketenkaart-assessment-form__criterion"
                  data-criterion={criterion.code}
                >
                  <FieldsetLegend>
                    <span className="ketenkaart-assessment-form__code">
                      {criterion.code} ·{' '}
                      {t(`monitoring.level.${criterion.level}` as 'monitoring.level.basis')}
                    </span>{' '}
                    {criterion.text}
                  </FieldsetLegend>
                  <div className="ketenkaart-assessment-form__radios">
                    {KADER_STATUSES.map((status) => {
                      const radioId = `${fieldId(criterion.code, 'status')}-${status}`;
                      return (
                        <div key={status} className="utrecht-form-field utrecht-form-field--radio">
                          <input
                            id={radioId}
                            className="utrecht-radio-button utrecht-radio-button--html-input"
                            type="radio"
                            name={`${id}-${criterion.code}`}
                            value={status}
                            checked={value.status === status}
                            onChange={() => set(criterion.code, { status })}
                          />
                          <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={radioId}>
                            {labels.kaderStatus(status)}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                  <FormField className={error ? 'utrecht-form-field--invalid' : undefined}>
                    <FormLabel htmlFor={evidenceId}>
                      {t('monitoring.assessment.evidence', { code: criterion.code })}
                    </FormLabel>
                    <FormFieldDescription id={`${evidenceId}-description`}>
                      {t('monitoring.assessment.evidenceHint')}
                    </FormFieldDescription>
                    {error ? (
                      <FormFieldErrorMessage id={`${evidenceId}-error`}>{error}</FormFieldErrorMessage>
                    ) : null}
                    <Textbox
                      id={evidenceId}
                      type="url"
                      inputMode="url"
                      autoComplete="url"
                      invalid={Boolean(error)}
                      aria-describedby={[`${evidenceId}-description`, error ? `${evidenceId}-error` : null]
                        .filter(Boolean)
                        .join(' ')}
                      value={value.evidenceUrl}
                      onChange={(event) => set(criterion.code, { evidenceUrl: event.target.value })}
                    />
                  </FormField>
                </Fieldset>
              );
            })}
          </section>
        );
      })}
      {warning}
      <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
