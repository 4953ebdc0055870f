import { FormField, FormFieldDescription, FormLabel, Textbox } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form-controls';

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * Choose one entry from a long list: a search box narrows the choice list below it. The chosen option stays
 * in the list whatever is typed, so a search never loses the current choice. `id` is the choice list's id
 * (the one the error summary links to).
 */
export function SearchPicker({
  id,
  label,
  searchLabel,
  required,
  error,
  query,
  onQuery,
  options,
  selected,
  value,
  onChange,
  emptyLabel,
}: {
  id: string;
  label: string;
  searchLabel: string;
  required?: boolean;
  error?: string;
  query: string;
  onQuery: (query: string) => void;
  options: readonly PickerOption[];
  /** The current choice, kept in the list. */
  selected: PickerOption | null;
  value: string;
  onChange: (value: string) => void;
  emptyLabel: string;
}) {
  const { t } = useTranslation();
  const searchId = `${id}-search`;
  const shown =
    selected && !options.some((option) => option.value === selected.value) ? [selected, ...options] : options;
  return (
    <div className="ketenkaart-form__group">
      <FormField>
        <FormLabel htmlFor={searchId}>{searchLabel}</FormLabel>
        <FormFieldDescription id={`${searchId}-description`}>
          {t('directory.form.pickerHint')}
        </FormFieldDescription>
        <div className="utrecht-form-field__input">
          <Textbox
            id={searchId}
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${searchId}-description`}
            value={query}
            onChange={(event) => onQuery(event.target.value)}
          />
        </div>
      </FormField>
      <SelectField
        id={id}
        label={label}
        required={required}
        value={value}
        error={error}
        emptyLabel={emptyLabel}
        options={shown}
        onChange={onChange}
      />
    </div>
  );
}
