import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export interface FieldsetProps extends ComponentPropsWithRef<'fieldset'> {
  invalid?: boolean;
}

/** Groups related controls (e.g. checkboxes) under one `legend` (WCAG 1.3.1). */
export function Fieldset({ invalid, className, ...props }: FieldsetProps) {
  return (
    <fieldset
      className={classNames(
        'utrecht-form-fieldset__fieldset',
        'utrecht-form-fieldset--html-fieldset',
        invalid && 'utrecht-form-fieldset--invalid',
        className,
      )}
      {...props}
    />
  );
}

export function FieldsetLegend({ className, ...props }: ComponentPropsWithRef<'legend'>) {
  return <legend className={classNames('utrecht-form-fieldset__legend', className)} {...props} />;
}

export interface CheckboxProps extends Omit<ComponentPropsWithRef<'input'>, 'type'> {
  invalid?: boolean;
}

export function Checkbox({ invalid, className, ...props }: CheckboxProps) {
  return (
    <input
      type="checkbox"
      aria-invalid={invalid || undefined}
      className={classNames(
        'utrecht-checkbox',
        'utrecht-checkbox--html-input',
        invalid && 'utrecht-checkbox--invalid',
        className,
      )}
      {...props}
    />
  );
}

/** The message under a field that failed; link it to the control with `aria-describedby`. */
export function FormFieldErrorMessage({ className, ...props }: ComponentPropsWithRef<'p'>) {
  return <p className={classNames('utrecht-form-field-error-message', className)} {...props} />;
}
