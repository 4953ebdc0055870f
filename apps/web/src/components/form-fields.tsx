import {
  ErrorSummary,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Textbox,
  type ErrorSummaryItem,
  type TextboxProps,
} from '@ketenkaart/web-ui';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface TextFieldProps extends Omit<TextboxProps, 'id' | 'invalid'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  /** The error message of this field, if any. */
  message?: string;
}

/** Label, optional description, error message and text box, tied together for assistive technology. */
export function TextField({ id, label, description, message, ...props }: TextFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField className={message ? 'utrecht-form-field--invalid' : undefined}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {message ? <FormFieldErrorMessage id={errorId}>{message}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">
        <Textbox id={id} invalid={Boolean(message)} aria-describedby={describedBy} {...props} />
      </div>
    </FormField>
  );
}

export interface FormErrorSummaryProps {
  summaryRef: Ref<HTMLDivElement>;
  items: ErrorSummaryItem[];
  formError: string | null;
  hasErrors: boolean;
}

/** Rendered always (empty when valid) so that the focus target exists when a submit fails. */
export function FormErrorSummary({ summaryRef, items, formError, hasErrors }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  if (!hasErrors) return null;
  return (
    <ErrorSummary ref={summaryRef} title={t('forms.errorSummaryTitle')} items={items} role="alert">
      {formError ? <Paragraph>{formError}</Paragraph> : null}
    </ErrorSummary>
  );
}
