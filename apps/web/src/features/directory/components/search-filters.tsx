import {
  EXPLOITATION_FORMS,
  FUNCTION_TYPES,
  ORGANISATION_TYPES,
  TARGET_GROUPS,
} from '@ketenkaart/shared-domain';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
} from '@ketenkaart/web-ui';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMunicipalityOptions, useRegionOptions, useRegionTypeOptions } from '../api/get-reference-data';
import {
  VIEWS,
  type DirectoryFilters,
  type DirectoryView,
  type ParamName,
} from '../hooks/use-directory-search-params';
import { useLabels } from '../hooks/use-labels';

const collator = new Intl.Collator('nl');

export interface SearchFiltersProps {
  filters: DirectoryFilters;
  counts: Record<DirectoryView, number | undefined>;
  update: (changes: Partial<Record<ParamName, string | null>>) => void;
}

function FilterSelect({
  label,
  value,
  onChange,
  children,
  disabled,
  busy,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
  children: ReactNode;
  disabled?: boolean;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          value={value ?? ''}
          disabled={disabled}
          busy={busy}
          onChange={(event) => onChange(event.target.value || null)}
        >
          <SelectOption value="">{t('directory.search.any')}</SelectOption>
          {children}
        </Select>
      </div>
    </FormField>
  );
}

/**
 * Filters apply at once (the results below update; focus stays put, so no change of context, WCAG 3.2.2).
 * The view choice shows how many results each kind has with the current filters.
 */
export function SearchFilters({ filters, counts, update }: SearchFiltersProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const viewName = useId();
  const regionTypes = useRegionTypeOptions();
  const regions = useRegionOptions(filters.regionType ?? null);
  const municipalities = useMunicipalityOptions();
  const { view } = filters;
  const areaApplies = view === 'organisaties' || view === 'functies';

  const viewLabel: Record<DirectoryView, string> = {
    organisaties: t('directory.search.viewOrganisations'),
    personen: t('directory.search.viewPeople'),
    functies: t('directory.search.viewFunctions'),
    alles: t('directory.search.viewAll'),
  };
  const sortedRegions = [...(regions.data ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  const byLabel = (codes: readonly string[], label: (code: string) => string) =>
    codes.map((code) => ({ code, label: label(code) })).sort((a, b) => collator.compare(a.label, b.label));

  return (
    <section className="ketenkaart-directory__filters" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t('directory.search.filters')}
      </Heading>
      <Fieldset>
        <FieldsetLegend>{t('directory.search.view')}</FieldsetLegend>
        {VIEWS.map((option) => {
          const id = `${viewName}-${option}`;
          const count = counts[option];
          const disabled = option === 'alles' && !filters.q;
          return (
            <div className="utrecht-form-field utrecht-form-field--radio" key={option}>
              <input
                className="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={id}
                name={viewName}
                value={option}
                checked={view === option}
                disabled={disabled}
                onChange={() => update({ view: option === 'organisaties' ? null : option })}
              />{' '}
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                {count === undefined
                  ? viewLabel[option]
                  : t('directory.search.viewWithCount', { label: viewLabel[option], count })}
              </label>
            </div>
          );
        })}
        {!filters.q ? <Paragraph small>{t('directory.search.allNeedsText')}</Paragraph> : null}
      </Fieldset>

      {areaApplies ? (
        <>
          <FilterSelect
            label={t('directory.search.regionType')}
            value={filters.regionType}
            busy={regionTypes.isLoading}
            onChange={(value) => update({ regionType: value, region: null })}
          >
            {(regionTypes.data ?? []).map((type) => (
              <SelectOption key={type.code} value={type.code}>
                {labels.language.startsWith('en') && type.nameEn ? type.nameEn : type.name}
              </SelectOption>
            ))}
          </FilterSelect>
          <FilterSelect
            label={t('directory.search.region')}
            value={filters.region}
            disabled={!filters.regionType}
            busy={regions.isLoading}
            onChange={(value) => update({ region: value })}
          >
            {sortedRegions.map((region) => (
              <SelectOption key={region.id} value={region.id}>
                {region.name}
              </SelectOption>
            ))}
          </FilterSelect>
          <FilterSelect
            label={t('directory.search.municipality')}
            value={filters.municipality}
            busy={municipalities.isLoading}
            onChange={(value) => update({ municipality: value })}
          >
            {(municipalities.data ?? []).map((municipality) => (
              <SelectOption key={municipality.code} value={municipality.code}>
                {municipality.name}
              </SelectOption>
            ))}
          </FilterSelect>
        </>
      ) : null}

      {view === 'organisaties' ? (
        <>
          <FilterSelect
            label={t('directory.search.organisationType')}
            value={filters.type}
            onChange={(value) => update({ type: value })}
          >
            {byLabel(ORGANISATION_TYPES, labels.organisationType).map((option) => (
              <SelectOption key={option.code} value={option.code}>
                {option.label}
              </SelectOption>
            ))}
          </FilterSelect>
          <FilterSelect
            label={t('directory.search.form')}
            value={filters.form}
            onChange={(value) => update({ form: value })}
          >
            {EXPLOITATION_FORMS.map((code) => (
              <SelectOption key={code} value={code}>
                {labels.exploitationForm(code)}
              </SelectOption>
            ))}
          </FilterSelect>
          <FilterSelect
            label={t('directory.search.targetGroup')}
            value={filters.targetGroup}
            onChange={(value) => update({ targetGroup: value })}
          >
            {TARGET_GROUPS.map((code) => (
              <SelectOption key={code} value={code}>
                {labels.targetGroup(code)}
              </SelectOption>
            ))}
          </FilterSelect>
        </>
      ) : null}

      {view === 'functies' ? (
        <FilterSelect
          label={t('directory.search.functionType')}
          value={filters.functionType}
          onChange={(value) => update({ functionType: value })}
        >
          {FUNCTION_TYPES.map((code) => (
            <SelectOption key={code} value={code}>
              {labels.functionType(code)}
            </SelectOption>
          ))}
        </FilterSelect>
      ) : null}

      {view === 'personen' || view === 'alles' ? (
        <Paragraph small>{t('directory.search.notForView')}</Paragraph>
      ) : null}

      <Button
        onClick={() =>
          update({
            regionType: null,
            region: null,
            municipality: null,
            type: null,
            form: null,
            targetGroup: null,
            functionType: null,
          })
        }
      >
        {t('directory.search.reset')}
      </Button>
    </section>
  );
}
