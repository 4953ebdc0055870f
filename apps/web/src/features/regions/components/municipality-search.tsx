import type { MunicipalitySummary } from '@ketenkaart/web-api-client';
import { FormField, FormFieldDescription, FormLabel, Textbox } from '@ketenkaart/web-ui';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useMunicipalitySearch } from '../api/get-municipalities';

const MIN_QUERY_LENGTH = 2;
const DEBOUNCE_MS = 250;

export interface MunicipalitySearchProps {
  onPick: (municipality: MunicipalitySummary) => void;
}

function optionLabel(municipality: MunicipalitySummary): string {
  return municipality.displayName && municipality.displayName !== municipality.name
    ? `${municipality.name} (${municipality.displayName})`
    : municipality.name;
}

/**
 * WAI-ARIA APG combobox with list autocomplete and manual selection: focus stays in the text field,
 * arrow keys move the active option (aria-activedescendant), Enter or a click picks it, Escape closes
 * the list and a second Escape clears the text. The number of results is announced in a status region.
 */
export function MunicipalitySearch({ onPick }: MunicipalitySearchProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const descriptionId = useId();
  const listId = useId();
  const [text, setText] = useState('');
  const [activeCode, setActiveCode] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);

  const trimmed = text.trim();
  const debounced = useDebouncedValue(trimmed, DEBOUNCE_MS);
  const query = debounced.length >= MIN_QUERY_LENGTH ? debounced : null;
  const { data: results, error, isLoading } = useMunicipalitySearch(query);
  const searching = query !== null && trimmed.length >= MIN_QUERY_LENGTH;
  const options = searching ? (results ?? []) : [];
  const expanded = options.length > 0 && !dismissed;
  const activeIndex = options.findIndex((option) => option.code === activeCode);
  const optionId = (code: string) => `${listId}-${code}`;

  let status = '';
  if (searching && isLoading) status = t('regions.search.searching');
  else if (searching && results) {
    status = results.length
      ? t('regions.search.resultCount', { count: results.length })
      : t('regions.search.noResults', { query });
  }

  const pick = (municipality: MunicipalitySummary) => {
    setText('');
    setActiveCode(null);
    onPick(municipality);
  };

  const move = (step: 1 | -1) => {
    if (!options.length) return;
    const start = activeIndex === -1 ? (step === 1 ? -1 : 0) : activeIndex;
    const next = (start + step + options.length) % options.length;
    setDismissed(false);
    setActiveCode(options[next]?.code ?? null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter': {
        const active = expanded ? options[activeIndex] : undefined;
        if (active) {
          event.preventDefault();
          pick(active);
        }
        break;
      }
      case 'Escape':
        if (expanded) setDismissed(true);
        else setText('');
        setActiveCode(null);
        break;
    }
  };

  return (
    <FormField className="ketenkaart-search" role="search">
      <FormLabel htmlFor={inputId}>{t('regions.search.label')}</FormLabel>
      <FormFieldDescription id={descriptionId}>{t('regions.search.description')}</FormFieldDescription>
      <div className="utrecht-form-field__input ketenkaart-search__field">
        <Textbox
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={
            expanded && activeIndex >= 0 ? optionId(options[activeIndex]!.code) : undefined
          }
          aria-describedby={descriptionId}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActiveCode(null);
            setDismissed(false);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setDismissed(true)}
          onFocus={() => setDismissed(false)}
        />
        <ul
          id={listId}
          role="listbox"
          className="utrecht-listbox ketenkaart-search__results"
          aria-label={t('regions.search.results')}
          hidden={!expanded}
        >
          {expanded &&
            options.map((municipality, index) => (
              <li
                key={municipality.code}
                id={optionId(municipality.code)}
                role="option"
                aria-selected={index === activeIndex}
                className={
                  index === activeIndex
                    ? 'utrecht-listbox__option utrecht-listbox__option--html-li utrecht-listbox__option--active'
                    : 'utrecht-listbox__option utrecht-listbox__option--html-li'
                }
                // Keep focus in the text field (the combobox) while the pointer picks an option.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(municipality)}
              >
                {optionLabel(municipality)}
              </li>
            ))}
        </ul>
      </div>
      <p className="utrecht-paragraph utrecht-paragraph--small ketenkaart-search__status" role="status">
        {status}
      </p>
      {searching && error ? <ProblemAlert problem={error} /> : null}
    </FormField>
  );
}
