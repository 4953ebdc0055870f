import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import { useRef, useState, type FormEvent } from 'react';
import { serverFieldErrors, type FieldErrors } from '../lib/field-errors';

/**
 * Submit handling shared by the edit forms: validate in the browser first, then let the API judge and show
 * its `invalidParams` at the same fields. After a failed submit focus moves to the error summary.
 */
export function useEntryForm<T>(
  validate: () => FieldErrors,
  submit: () => Promise<T>,
  onSaved: (result: T) => void,
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  const [saving, setSaving] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const focusSummary = () => window.setTimeout(() => summaryRef.current?.focus(), 0);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setProblem(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      focusSummary();
      return;
    }
    setSaving(true);
    try {
      onSaved(await submit());
    } catch (error) {
      const details = toProblemDetails(error);
      const fromServer = serverFieldErrors(details);
      setErrors(fromServer);
      setProblem(details);
      focusSummary();
    } finally {
      setSaving(false);
    }
  };

  /** Re-checks one field when it loses focus, but only once the user has tried to submit or typed there. */
  const revalidate = () => {
    if (submitted) setErrors(validate());
  };

  return { errors, problem, saving, summaryRef, onSubmit, revalidate, setErrors };
}
