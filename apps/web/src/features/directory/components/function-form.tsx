import { FUNCTION_TYPES, type FunctionType } from '@ketenkaart/shared-domain';
import type { FunctionAssignment } from '@ketenkaart/web-api-client';
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useMunicipalityOptions, useRegionOptions, useRegionTypeOptions } from '../api/get-reference-data';
import { usePeople } from '../api/get-people';
import { createFunction, updateFunction } from '../api/write-entries';
import { useLabels } from '../hooks/use-labels';
import { fieldId, type FieldErrors } from '../lib/field-errors';
import { parseHours } from '../lib/validation';
import { CheckboxField, SelectField, TextField } from '../../../components/form-controls';
import { FormErrors } from './form-error-summary';
import { SearchPicker, type PickerOption } from './search-picker';
import { useEntryForm } from './use-entry-form';

const FORM = 'function';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PEOPLE_SHOWN = 20;

type Scope = 'region' | 'municipality';

function initialValues(assignment?: FunctionAssignment, holder?: PickerOption | null) {
  return {
    functionType: assignment?.functionType ?? '',
    personId: assignment?.person?.id ?? holder?.value ?? '',
    scope: (assignment?.municipality ? 'municipality' : 'region') as Scope,
    regionType: assignment?.region?.typeCode ?? '',
    regionId: assignment?.region?.id ?? '',
    municipalityCode: assignment?.municipality?.code ?? '',
    startDate: assignment?.startDate ?? '',
    endDate: assignment?.endDate ?? '',
    hoursPerWeek: assignment?.hoursPerWeek === null || !assignment ? '' : String(assignment.hoursPerWeek),
    deputyPersonId: assignment?.deputy?.id ?? '',
    trainingDate: assignment?.trainingDate ?? '',
    opAfstand: assignment?.opAfstand ?? false,
  };
}
type Values = ReturnType<typeof initialValues>;

/** People matching the typed text, for the holder and deputy pickers. */
function usePersonOptions(query: string): PickerOption[] {
  const q = useDebouncedValue(query.trim(), 250);
  const { data } = usePeople(q.length >= 2 ? { q, page: 1, pageSize: PEOPLE_SHOWN } : null);
  return (data?.items ?? []).map((person) => ({
    value: person.id,
    label: person.organisation ? `${person.name} (${person.organisation.name})` : person.name,
  }));
}

/**
 * Create or edit a function assignment. The rules repeat the API's (functions.service.ts
 * `functionRuleViolations` and the DTO); the API's `invalidParams` are shown at the same fields.
 * `holder`: the person a new function is for (from `?persoon=`).
 */
export function FunctionForm({
  assignment,
  holder,
}: {
  assignment?: FunctionAssignment;
  holder?: PickerOption | null;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => initialValues(assignment, holder));
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const [personQuery, setPersonQuery] = useState('');
  const [deputyQuery, setDeputyQuery] = useState('');
  const [municipalityQuery, setMunicipalityQuery] = useState('');
  const personOptions = usePersonOptions(personQuery);
  const deputyOptions = usePersonOptions(deputyQuery);
  const regionTypes = useRegionTypeOptions();
  const regions = useRegionOptions(values.regionType || null);
  const municipalities = useMunicipalityOptions();
  const isAandachtsfunctionaris = values.functionType === 'aandachtsfunctionaris';
  const field = (key: string) => t(`directory.form.${key}` as 'directory.form.name');

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!values.functionType)
      errors['functionType'] = t('directory.form.errors.choose', {
        field: field('functionType').toLowerCase(),
      });
    if (values.scope === 'region' && !values.regionId) errors['regionId'] = t('directory.form.errors.scope');
    if (values.scope === 'municipality' && !values.municipalityCode)
      errors['municipalityCode'] = t('directory.form.errors.scope');
    if (!values.personId && !values.opAfstand) errors['personId'] = t('directory.form.errors.holder');
    for (const key of ['startDate', 'endDate', 'trainingDate'] as const) {
      if (values[key] && !DATE.test(values[key]))
        errors[key] = t('directory.form.errors.date', { field: field(key).toLowerCase() });
    }
    if (assignment && !values.startDate)
      errors['startDate'] = t('directory.form.errors.date', { field: field('startDate').toLowerCase() });
    const start = values.startDate || new Date().toISOString().slice(0, 10);
    if (!errors['endDate'] && values.endDate && values.endDate < start)
      errors['endDate'] = t('directory.form.errors.endBeforeStart');
    if (parseHours(values.hoursPerWeek) === 'invalid')
      errors['hoursPerWeek'] = t('directory.form.errors.number', { field: field('hoursPerWeek') });
    if (values.deputyPersonId && values.deputyPersonId === values.personId)
      errors['deputyPersonId'] = t('directory.form.errors.ownDeputy');
    return errors;
  };

  const body = () => {
    const hours = parseHours(values.hoursPerWeek);
    return {
      functionType: values.functionType as FunctionType,
      personId: values.personId || null,
      regionId: values.scope === 'region' ? values.regionId || null : null,
      municipalityCode: values.scope === 'municipality' ? values.municipalityCode || null : null,
      startDate: values.startDate || undefined,
      endDate: values.endDate || null,
      hoursPerWeek: hours === 'invalid' ? null : hours,
      deputyPersonId: values.deputyPersonId || null,
      trainingDate: isAandachtsfunctionaris ? values.trainingDate || null : null,
      opAfstand: values.opAfstand,
    };
  };

  const form = useEntryForm(
    validate,
    () =>
      assignment
        ? updateFunction(assignment.id, { ...body(), version: assignment.version })
        : createFunction(body()),
    (saved) =>
      void navigate(
        saved.person ? paths.person.getHref(saved.person.id) : paths.functionHistory.getHref(saved.id),
      ),
  );
  const id = (path: string) => fieldId(FORM, path);
  // The API names the scope rule at `regionId`; with a gemeente chosen it belongs at the gemeente.
  const errors: FieldErrors = { ...form.errors };
  if (values.scope === 'municipality' && errors['regionId'] && !errors['municipalityCode']) {
    errors['municipalityCode'] = errors['regionId'];
    delete errors['regionId'];
  }
  const error = (path: string) => errors[path];

  const collator = new Intl.Collator(labels.language);
  const typeOptions = FUNCTION_TYPES.map((code) => ({ value: code, label: labels.functionType(code) }));
  const regionTypeOptions = (regionTypes.data ?? []).map((type) => ({
    value: type.code,
    label: labels.language.startsWith('en') && type.nameEn ? type.nameEn : type.name,
  }));
  const regionOptions = (regions.data ?? [])
    .map((region) => ({ value: region.id, label: region.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const needle = municipalityQuery.trim().toLocaleLowerCase('nl');
  const municipalityOptions = (municipalities.data ?? [])
    .filter((municipality) => !needle || municipality.name.toLocaleLowerCase('nl').includes(needle))
    .map((municipality) => ({ value: municipality.code, label: municipality.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const chosenMunicipality = (municipalities.data ?? []).find((m) => m.code === values.municipalityCode);
  const chosenHolder: PickerOption | null =
    assignment?.person && assignment.person.id === values.personId
      ? { value: assignment.person.id, label: assignment.person.name }
      : holder && holder.value === values.personId
        ? holder
        : (personOptions.find((option) => option.value === values.personId) ?? null);
  const chosenDeputy: PickerOption | null =
    assignment?.deputy && assignment.deputy.id === values.deputyPersonId
      ? { value: assignment.deputy.id, label: assignment.deputy.name }
      : (deputyOptions.find((option) => option.value === values.deputyPersonId) ?? null);

  const backHref = assignment?.person
    ? paths.person.getHref(assignment.person.id)
    : holder
      ? paths.person.getHref(holder.value)
      : paths.directory.getHref();

  return (
    <form noValidate onSubmit={(event) => void form.onSubmit(event)} className="ketenkaart-form">
      <FormErrors formId={FORM} errors={errors} problem={form.problem} summaryRef={form.summaryRef} />
      <SelectField
        id={id('functionType')}
        label={field('functionType')}
        required
        value={values.functionType}
        error={error('functionType')}
        emptyLabel={t('directory.form.chooseFunction')}
        options={typeOptions}
        onChange={(value) => set('functionType', value as Values['functionType'])}
      />
      <SearchPicker
        id={id('personId')}
        label={field('person')}
        searchLabel={field('personSearch')}
        error={error('personId')}
        query={personQuery}
        onQuery={setPersonQuery}
        options={personOptions}
        selected={chosenHolder}
        value={values.personId}
        onChange={(value) => set('personId', value)}
        emptyLabel={t('directory.form.noChoice')}
      />
      <CheckboxField
        id={id('opAfstand')}
        label={t('directory.form.opAfstand')}
        checked={values.opAfstand}
        onChange={(checked) => set('opAfstand', checked)}
      />

      <Fieldset className="ketenkaart-form__group">
        <FieldsetLegend>{field('scope')}</FieldsetLegend>
        {(['region', 'municipality'] as const).map((scope) => {
          const radioId = id(`scope.${scope}`);
          return (
            <div className="utrecht-form-field utrecht-form-field--radio" key={scope}>
              <input
                className="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={radioId}
                name={id('scope')}
                value={scope}
                checked={values.scope === scope}
                onChange={() => set('scope', scope)}
              />{' '}
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={radioId}>
                {scope === 'region' ? field('scopeRegion') : field('scopeMunicipality')}
              </label>
            </div>
          );
        })}
        {values.scope === 'region' ? (
          <>
            <SelectField
              id={id('regionType')}
              label={t('directory.search.regionType')}
              value={values.regionType}
              emptyLabel={t('directory.form.chooseRegionType')}
              options={regionTypeOptions}
              onChange={(value) => setValues((current) => ({ ...current, regionType: value, regionId: '' }))}
            />
            <SelectField
              id={id('regionId')}
              label={field('scopeRegion')}
              required
              value={values.regionId}
              error={error('regionId')}
              emptyLabel={
                values.regionType
                  ? t('directory.form.chooseRegion')
                  : t('directory.search.chooseRegionTypeFirst')
              }
              options={regionOptions}
              onChange={(value) => set('regionId', value)}
            />
          </>
        ) : (
          <SearchPicker
            id={id('municipalityCode')}
            label={field('scopeMunicipality')}
            searchLabel={t('directory.form.municipalitySearch')}
            required
            error={error('municipalityCode')}
            query={municipalityQuery}
            onQuery={setMunicipalityQuery}
            options={municipalityOptions}
            selected={
              chosenMunicipality ? { value: chosenMunicipality.code, label: chosenMunicipality.name } : null
            }
            value={values.municipalityCode}
            onChange={(value) => set('municipalityCode', value)}
            emptyLabel={t('directory.form.chooseMunicipality')}
          />
        )}
      </Fieldset>

      <TextField
        id={id('startDate')}
        label={field('startDate')}
        type="date"
        required={Boolean(assignment)}
        description={assignment ? undefined : t('directory.form.startDateHint')}
        value={values.startDate}
        error={error('startDate')}
        onChange={(value) => set('startDate', value)}
        onBlur={form.revalidate}
      />
      <TextField
        id={id('endDate')}
        label={field('endDate')}
        type="date"
        value={values.endDate}
        error={error('endDate')}
        onChange={(value) => set('endDate', value)}
        onBlur={form.revalidate}
      />
      <TextField
        id={id('hoursPerWeek')}
        label={field('hoursPerWeek')}
        inputMode="decimal"
        description={t('directory.form.hoursPerWeekHint')}
        value={values.hoursPerWeek}
        error={error('hoursPerWeek')}
        onChange={(value) => set('hoursPerWeek', value)}
        onBlur={form.revalidate}
      />
      <SearchPicker
        id={id('deputyPersonId')}
        label={field('deputy')}
        searchLabel={field('deputySearch')}
        error={error('deputyPersonId')}
        query={deputyQuery}
        onQuery={setDeputyQuery}
        options={deputyOptions}
        selected={chosenDeputy}
        value={values.deputyPersonId}
        onChange={(value) => set('deputyPersonId', value)}
        emptyLabel={t('directory.form.noChoice')}
      />
      {isAandachtsfunctionaris || error('trainingDate') ? (
        <TextField
          id={id('trainingDate')}
          label={field('trainingDate')}
          type="date"
          value={values.trainingDate}
          error={error('trainingDate')}
          onChange={(value) => set('trainingDate', value)}
          onBlur={form.revalidate}
        />
      ) : null}

      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={form.saving} disabled={form.saving}>
          {form.saving ? t('directory.form.saving') : t('directory.form.save')}
        </Button>
        <Link
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          to={backHref}
        >
          {t('directory.form.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}
