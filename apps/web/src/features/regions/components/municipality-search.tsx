import type { MunicipalitySummary } from '@ketenkaart/web-api-client';
import { Button, FormField, FormFieldDescription, FormLabel, Textbox } from '@ketenkaart/web-ui';
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

function focusSibling(list: HTMLElement, current: Element | null, step: 1 | -1, input: HTMLElement | null): void {
  const buttons = [...list.querySelectorAll('button')];
  const index = buttons.indexOf(current as HTMLButtonElement);
  const next = buttons[index + step];
  if (next) next.focus();
  else if (step === -1) input?.focus();
}

/**
 * Search as a plain text field followed by a list of buttons: every result is a normal tab stop, the
 * count is announced through a status region, and arrow keys are a shortcut, not a requirement. This
 * avoids the fragile ARIA combobox pattern while staying fully keyboard and screen reader operable.
 */
export function MunicipalitySearch({ onPick }: MunicipalitySearchProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const descriptionId = useId();
  const listId = useId();
  const [text, setText] = useState('');
  const trimmed = text.trim();
  const debounced = useDebouncedValue(trimmed, DEBOUNCE_MS);
  const query = debounced.length >= MIN_QUERY_LENGTH ? debounced : null;
  const { data: results, error, isLoading } = useMunicipalitySearch(query);
  const showResults = query !== null && trimmed.length >= MIN_QUERY_LENGTH;

  let status = '';
  if (showResults && isLoading) status = t('regions.search.searching');
  else if (showResults && results) {
    status = results.length
      ? t('regions.search.resultCount', { count: results.length })
      : t('regions.search.noResults', { query });
  }

  const pick = (municipality: MunicipalitySummary) => {
    setText('');
    onPick(municipality);
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') setText('');
    if (event.key === 'ArrowDown') {
      const first = document.getElementById(listId)?.querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    focusSibling(
      event.currentTarget,
      document.activeElement,
      event.key === 'ArrowDown' ? 1 : -1,
      document.getElementById(inputId),
    );
  };

  return (
    <FormField className="ketenkaart-search" role="search">
      <FormLabel htmlFor={inputId}>{t('regions.search.label')}</FormLabel>
      <FormFieldDescription id={descriptionId}>{t('regions.search.description')}</FormFieldDescription>
      <div className="utrecht-form-field__input">
        <Textbox
          id={inputId}
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={descriptionId}
          aria-controls={listId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onInputKeyDown}
        />
      </div>
      <p className="utrecht-paragraph utrecht-paragraph--small ketenkaart-search__status" role="status">
        {status}
      </p>
      {showResults && error ? <ProblemAlert problem={error} /> : null}
      <ul id={listId} className="ketenkaart-search__results" aria-label={t('regions.search.results')} onKeyDown={onListKeyDown} hidden={!showResults || !results?.length}>
        {showResults &&
          results?.map((municipality) => (
            <li key={municipality.code}>
              <Button appearance="subtle" className="ketenkaart-search__result" onClick={() => pick(municipality)}>
                {municipality.name}
                {municipality.displayName && municipality.displayName !== municipality.name
                  ? ` (${municipality.displayName})`
                  : ''}
              </Button>
            </li>
          ))}
      </ul>
    </FormField>
  );
}
