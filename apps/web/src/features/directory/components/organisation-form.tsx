import { EXPLOITATION_FORMS, ORGANISATION_TYPES, TARGET_GROUPS } from '@ketenkaart/shared-domain';
import type { OrganisationDetail } from '@ketenkaart/web-api-client';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { createOrganisation, updateOrganisation } from '../api/write-entries';
import { useLabels } from '../hooks/use-labels';
import { fieldId, type FieldErrors } from '../lib/field-errors';
import { isEmail, isHttpUrl, isPhone, parseGmCodes } from '../lib/validation';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../../components/form-controls';
import { FormErrors } from './form-error-summary';
import { useEntryForm } from './use-entry-form';

const FORM = 'organisation';
const MAX_CONTACT_POINTS = 20;

interface ContactPointValues {
  label: string;
  phone: string;
  email: string;
  openingHours: string;
}

function initialValues(organisation?: OrganisationDetail) {
  return {
    name: organisation?.name ?? '',
    type: organisation?.type ?? '',
    description: organisation?.description ?? '',
    website: organisation?.website ?? '',
    address: organisation?.address ?? '',
    addressConfidential: organisation?.addressConfidential ?? false,
    national: organisation?.national ?? false,
    municipalityCodes: organisation?.municipalityCodes.join(', ') ?? '',
    exploitationForms: [...(organisation?.exploitationForms ?? [])] as string[],
    targetGroups: [...(organisation?.targetGroups ?? [])] as string[],
    externalKey: organisation?.externalKey ?? '',
    contactPoints: (organisation?.contactPoints ?? []).map<ContactPointValues>((point) => ({
      label: point.label,
      phone: point.phone ?? '',
      email: point.email ?? '',
      openingHours: point.openingHours ?? '',
    })),
  };
}
type Values = ReturnType<typeof initialValues>;

export function OrganisationForm({ organisation }: { organisation?: OrganisationDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => initialValues(organisation));
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const field = (key: keyof typeof FIELD_LABELS) => t(`directory.form.${FIELD_LABELS[key]}`);

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    const name = values.name.trim();
    if (!name) errors['name'] = t('directory.form.errors.required', { field: field('name') });
    else if (name.length < 2)
      errors['name'] = t('directory.form.errors.minLength', { field: field('name'), count: 2 });
    else if (name.length > 200)
      errors['name'] = t('directory.form.errors.maxLength', { field: field('name'), count: 200 });
    if (!values.type)
      errors['type'] = t('directory.form.errors.choose', { field: field('type').toLowerCase() });
    if (values.description.length > 4000)
      errors['description'] = t('directory.form.errors.maxLength', {
        field: field('description'),
        count: 4000,
      });
    if (values.website.trim() && (!isHttpUrl(values.website) || values.website.length > 300))
      errors['website'] = t('directory.form.errors.url', { field: field('website').toLowerCase() });
    if (values.address.length > 300)
      errors['address'] = t('directory.form.errors.maxLength', { field: field('address'), count: 300 });
    const { invalid } = parseGmCodes(values.municipalityCodes);
    if (invalid.length)
      errors['municipalityCodes'] = t('directory.form.errors.gmCodes', { codes: invalid.join(', ') });
    if (values.externalKey.length > 100)
      errors['externalKey'] = t('directory.form.errors.maxLength', {
        field: field('externalKey'),
        count: 100,
      });
    values.contactPoints.forEach((point, index) => {
      const at = (name: string) => `contactPoints.${index}.${name}`;
      if (!point.label.trim())
        errors[at('label')] = t('directory.form.errors.required', {
          field: t('directory.form.contactLabel').toLowerCase(),
        });
      else if (point.label.trim().length > 80)
        errors[at('label')] = t('directory.form.errors.maxLength', {
          field: t('directory.form.contactLabel'),
          count: 80,
        });
      if (point.phone.trim() && !isPhone(point.phone))
        errors[at('phone')] = t('directory.form.errors.phone', {
          field: t('directory.form.contactPhone').toLowerCase(),
        });
      if (point.email.trim() && !isEmail(point.email))
        errors[at('email')] = t('directory.form.errors.email', {
          field: t('directory.form.contactEmail').toLowerCase(),
        });
      if (point.openingHours.length > 200)
        errors[at('openingHours')] = t('directory.form.errors.maxLength', {
          field: t('directory.form.contactHours'),
          count: 200,
        });
    });
    return errors;
  };

  const body = () => ({
    name: values.name.trim(),
    type: values.type as (typeof ORGANISATION_TYPES)[number],
    description: values.description.trim() || null,
    website: values.website.trim() || null,
    address: values.address.trim() || null,
    addressConfidential: values.addressConfidential,
    national: values.national,
    municipalityCodes: parseGmCodes(values.municipalityCodes).codes,
    exploitationForms: values.exploitationForms as (typeof EXPLOITATION_FORMS)[number][],
    targetGroups: values.targetGroups as (typeof TARGET_GROUPS)[number][],
    externalKey: values.externalKey.trim() || null,
    contactPoints: values.contactPoints.map((point) => ({
      label: point.label.trim(),
      phone: point.phone.trim() || null,
      email: point.email.trim() || null,
      openingHours: point.openingHours.trim() || null,
    })),
  });

  const form = useEntryForm(
    validate,
    () =>
      organisation
        ? updateOrganisation(organisation.id, { ...body(), version: organisation.version })
        : createOrganisation(body()),
    (saved) => void navigate(paths.organisation.getHref(saved.id)),
  );
  const id = (path: string) => fieldId(FORM, path);
  const error = (path: string) => form.errors[path];
  const setPoint = (index: number, key: keyof ContactPointValues, value: string) =>
    set(
      'contactPoints',
      values.contactPoints.map((point, at) => (at === index ? { ...point, [key]: value } : point)),
    );

  const typeOptions = ORGANISATION_TYPES.map((code) => ({
    value: code,
    label: labels.organisationType(code),
  })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));

  return (
    <form noValidate onSubmit={(event) => void form.onSubmit(event)} className="ketenkaart-form">
      <FormErrors formId={FORM} errors={form.errors} problem={form.problem} summaryRef={form.summaryRef} />
      <TextField
        id={id('name')}
        label={field('name')}
        required
        value={values.name}
        error={error('name')}
        onChange={(value) => set('name', value)}
        onBlur={form.revalidate}
      />
      <SelectField
        id={id('type')}
        label={field('type')}
        required
        value={values.type}
        error={error('type')}
        emptyLabel={t('directory.form.chooseType')}
        options={typeOptions}
        onChange={(value) => set('type', value)}
      />
      <TextField
        id={id('description')}
        label={field('description')}
        multiline
        value={values.description}
        error={error('description')}
        onChange={(value) => set('description', value)}
        onBlur={form.revalidate}
      />
      <TextField
        id={id('website')}
        label={field('website')}
        type="url"
        description={t('directory.form.websiteHint')}
        value={values.website}
        error={error('website')}
        onChange={(value) => set('website', value)}
        onBlur={form.revalidate}
      />
      <TextField
        id={id('address')}
        label={field('address')}
        value={values.address}
        error={error('address')}
        onChange={(value) => set('address', value)}
        onBlur={form.revalidate}
      />
      <CheckboxField
        id={id('addressConfidential')}
        label={t('directory.form.addressConfidential')}
        checked={values.addressConfidential}
        onChange={(checked) => set('addressConfidential', checked)}
      />
      <CheckboxField
        id={id('national')}
        label={t('directory.form.national')}
        checked={values.national}
        onChange={(checked) => set('national', checked)}
      />
      <TextField
        id={id('municipalityCodes')}
        label={field('municipalityCodes')}
        description={t('directory.form.municipalityCodesHint')}
        value={values.municipalityCodes}
        error={error('municipalityCodes')}
        onChange={(value) => set('municipalityCodes', value)}
        onBlur={form.revalidate}
      />
      <CheckboxGroup
        id={id('exploitationForms')}
        legend={t('directory.form.forms')}
        selected={values.exploitationForms}
        error={error('exploitationForms')}
        options={EXPLOITATION_FORMS.map((code) => ({ value: code, label: labels.exploitationForm(code) }))}
        onChange={(selected) => set('exploitationForms', selected)}
      />
      <CheckboxGroup
        id={id('targetGroups')}
        legend={t('directory.form.targetGroups')}
        selected={values.targetGroups}
        error={error('targetGroups')}
        options={TARGET_GROUPS.map((code) => ({ value: code, label: labels.targetGroup(code) }))}
        onChange={(selected) => set('targetGroups', selected)}
      />

      <Heading level={2}>{t('directory.form.contactPoints')}</Heading>
      {values.contactPoints.map((point, index) => (
        <Fieldset key={index} className="ketenkaart-form__group">
          <FieldsetLegend>{t('directory.form.contactPoint', { number: index + 1 })}</FieldsetLegend>
          <TextField
            id={id(`contactPoints.${index}.label`)}
            label={t('directory.form.contactLabel')}
            required
            value={point.label}
            error={error(`contactPoints.${index}.label`)}
            onChange={(value) => setPoint(index, 'label', value)}
            onBlur={form.revalidate}
          />
          <TextField
            id={id(`contactPoints.${index}.phone`)}
            label={t('directory.form.contactPhone')}
            type="tel"
            value={point.phone}
            error={error(`contactPoints.${index}.phone`)}
            onChange={(value) => setPoint(index, 'phone', value)}
            onBlur={form.revalidate}
          />
          <TextField
            id={id(`contactPoints.${index}.email`)}
            label={t('directory.form.contactEmail')}
            type="email"
            value={point.email}
            error={error(`contactPoints.${index}.email`)}
            onChange={(value) => setPoint(index, 'email', value)}
            onBlur={form.revalidate}
          />
          <TextField
            id={id(`contactPoints.${index}.openingHours`)}
            label={t('directory.form.contactHours')}
            value={point.openingHours}
            error={error(`contactPoints.${index}.openingHours`)}
            onChange={(value) => setPoint(index, 'openingHours', value)}
            onBlur={form.revalidate}
          />
          <Button
            onClick={() =>
              set(
                'contactPoints',
                values.contactPoints.filter((_, at) => at !== index),
              )
            }
          >
            {t('directory.form.removeContactPoint', { number: index + 1 })}
          </Button>
        </Fieldset>
      ))}
      {values.contactPoints.length < MAX_CONTACT_POINTS ? (
        <Paragraph>
          <Button
            onClick={() =>
              set('contactPoints', [
                ...values.contactPoints,
                { label: '', phone: '', email: '', openingHours: '' },
              ])
            }
          >
            {t('directory.form.addContactPoint')}
          </Button>
        </Paragraph>
      ) : null}

      <TextField
        id={id('externalKey')}
        label={field('externalKey')}
        description={t('directory.form.externalKeyHint')}
        value={values.externalKey}
        error={error('externalKey')}
        onChange={(value) => set('externalKey', value)}
        onBlur={form.revalidate}
      />

      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={form.saving} disabled={form.saving}>
          {form.saving ? t('directory.form.saving') : t('directory.form.save')}
        </Button>
        <Link
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          to={organisation ? paths.organisation.getHref(organisation.id) : paths.directory.getHref()}
        >
          {t('directory.form.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}

const FIELD_LABELS = {
  name: 'name',
  type: 'type',
  description: 'description',
  website: 'website',
  address: 'address',
  municipalityCodes: 'municipalityCodes',
  externalKey: 'externalKey',
} as const;
