import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@ketenkaart/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  required?: boolean;
  description?: ReactNode;
  error?: string;
}

function describedBy(id: string, description: ReactNode, error: string | undefined) {
  return (
    [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined
  );
}

function Label({ id, label, required }: Pick<FieldProps, 'id' | 'label' | 'required'>) {
  const { t } = useTranslation();
  return (
    <FormLabel htmlFor={id}>
      {label}{' '}
      {required ? <span className="ketenkaart-form__required">{t('directory.form.required')}</span> : null}
    </FormLabel>
  );
}

function Messages({ id, description, error }: Pick<FieldProps, 'id' | 'description' | 'error'>) {
  return (
    <>
      {description ? (
        <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
      ) : null}
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
    </>
  );
}

export function TextField({
  id,
  label,
  required,
  description,
  error,
  value,
  onChange,
  onBlur,
  type = 'text',
  multiline,
  autoComplete,
  inputMode,
  maxLength,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date';
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: 'decimal' | 'text';
  maxLength?: number;
}) {
  const common = {
    id,
    name: id,
    value,
    required,
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, description, error),
    onBlur,
    maxLength,
  };
  return (
    <FormField className={error ? 'utrecht-form-field--invalid' : undefined}>
      <Label id={id} label={label} required={required} />
      <Messages id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        {multiline ? (
          <textarea
            {...common}
            rows={4}
            className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <Textbox
            {...common}
            type={type}
            invalid={Boolean(error)}
            autoComplete={autoComplete ?? 'off'}
            inputMode={inputMode}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </div>
    </FormField>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  required,
  description,
  error,
  value,
  onChange,
  options,
  groups,
  emptyLabel,
  busy,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  options?: readonly Option[];
  /** Options under a heading each (`optgroup`); empty groups are left out. */
  groups?: readonly { label: string; options: readonly Option[] }[];
  emptyLabel: string;
  busy?: boolean;
}) {
  return (
    <FormField className={error ? 'utrecht-form-field--invalid' : undefined}>
      <Label id={id} label={label} required={required} />
      <Messages id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={id}
          value={value}
          required={required}
          busy={busy}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          onChange={(event) => onChange(event.target.value)}
        >
          <SelectOption value="">{emptyLabel}</SelectOption>
          {(options ?? []).map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
          {(groups ?? [])
            .filter((group) => group.options.length > 0)
            .map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <SelectOption key={option.value} value={option.value}>
                    {option.label}
                  </SelectOption>
                ))}
              </optgroup>
            ))}
        </Select>
      </div>
    </FormField>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox ketenkaart-checkbox">
      <Checkbox id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />{' '}
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

export function CheckboxGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string;
}) {
  return (
    <Fieldset invalid={Boolean(error)} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
      {options.map((option) => (
        <CheckboxField
          key={option.value}
          id={`${id}-${option.value}`}
          label={option.label}
          checked={selected.includes(option.value)}
          onChange={(checked) =>
            onChange(
              checked ? [...selected, option.value] : selected.filter((value) => value !== option.value),
            )
          }
        />
      ))}
    </Fieldset>
  );
}

/** A radio group in a fieldset with a legend (WCAG 1.3.1); the first radio carries `id` for the error summary. */
export function RadioGroup({
  id,
  legend,
  required,
  description,
  error,
  value,
  onChange,
  options,
}: {
  id: string;
  legend: string;
  required?: boolean;
  description?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
}) {
  const { t } = useTranslation();
  return (
    <Fieldset
      invalid={Boolean(error)}
      aria-describedby={describedBy(id, description, error)}
      className="ketenkaart-form__radios"
    >
      <FieldsetLegend>
        {legend}{' '}
        {required ? <span className="ketenkaart-form__required">{t('directory.form.required')}</span> : null}
      </FieldsetLegend>
      <Messages id={id} description={description} error={error} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(option.value)}
            />{' '}
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={optionId}>
              {option.label}
            </label>
          </div>
        );
      })}
    </Fieldset>
  );
}
