import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export function FormField({ className, ...props }: ComponentPropsWithRef<'div'>) {
  return <div className={classNames('utrecht-form-field', className)} {...props} />;
}

export interface FormLabelProps extends ComponentPropsWithRef<'label'> {
  /** Required: every label names one control (WCAG 1.3.1, 4.1.2). */
  htmlFor: string;
}

export function FormLabel({ htmlFor, className, children, ...props }: FormLabelProps) {
  return (
    <div className="utrecht-form-field__label">
      <label htmlFor={htmlFor} className={classNames('utrecht-form-label', className)} {...props}>
        {children}
      </label>
    </div>
  );
}

export function FormFieldDescription({ className, ...props }: ComponentPropsWithRef<'div'>) {
  return <div className={classNames('utrecht-form-field-description', className)} {...props} />;
}

export interface TextboxProps extends ComponentPropsWithRef<'input'> {
  invalid?: boolean;
}

export function Textbox({ invalid, className, type = 'text', ...props }: TextboxProps) {
  return (
    <input
      type={type}
      aria-invalid={invalid || undefined}
      className={classNames(
        'utrecht-textbox',
        'utrecht-textbox--html-input',
        invalid && 'utrecht-textbox--invalid',
        className,
      )}
      {...props}
    />
  );
}

export interface SelectProps extends ComponentPropsWithRef<'select'> {
  busy?: boolean;
}

export function Select({ busy, className, ...props }: SelectProps) {
  return (
    <select
      aria-busy={busy || undefined}
      className={classNames(
        'utrecht-select',
        'utrecht-select--html-select',
        busy && 'utrecht-select--busy',
        className,
      )}
      {...props}
    />
  );
}

export function SelectOption(props: ComponentPropsWithRef<'option'>) {
  return <option className="utrecht-select__option" {...props} />;
}
