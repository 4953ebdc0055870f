import type { ErrorSummaryItem } from '@ketenkaart/web-ui';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface FormErrorState<F extends string> {
  /** Message per field, shown next to the field and in the summary. */
  fieldErrors: Partial<Record<F, string | undefined>>;
  /** A message about the form as a whole (e.g. "e-mail address or password not correct"). */
  formError: string | null;
}

/**
 * Errors of one form and the focus rule after a failed submit (WCAG 3.3.1, 2.4.3): focus moves to the
 * error summary, whose links lead to each field. `fieldIds` names the control of every field.
 */
export function useFormErrors<F extends string>(fieldIds: Record<F, string>) {
  const [state, setState] = useState<FormErrorState<F>>({ fieldErrors: {}, formError: null });
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const fail = useCallback(
    (fieldErrors: Partial<Record<F, string | undefined>>, formError: string | null = null) => {
      for (const field of Object.keys(fieldErrors) as F[]) if (!fieldErrors[field]) delete fieldErrors[field];
      setState({ fieldErrors, formError });
      setFailures((count) => count + 1);
    },
    [],
  );
  const clear = useCallback(() => setState({ fieldErrors: {}, formError: null }), []);

  const summaryItems: ErrorSummaryItem[] = (Object.keys(fieldIds) as F[]).flatMap((field) => {
    const message = state.fieldErrors[field];
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });
  const hasErrors = summaryItems.length > 0 || state.formError !== null;

  /** Props for a control: the invalid state and the id of its error message. */
  const fieldProps = (field: F) => {
    const message = state.fieldErrors[field];
    return {
      id: fieldIds[field],
      invalid: Boolean(message),
      errorId: message ? `${fieldIds[field]}-error` : undefined,
      message,
    };
  };

  return { ...state, fail, clear, summaryRef, summaryItems, hasErrors, fieldProps };
}
