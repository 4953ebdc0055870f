import type { PersonDetail } from '@ketenkaart/web-api-client';
import { Button, ButtonGroup } from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { createPerson, updatePerson } from '../api/write-entries';
import { fieldId, type FieldErrors } from '../lib/field-errors';
import { isEmail, isPhone } from '../lib/validation';
import { TextField } from '../../../components/form-controls';
import { FormErrors } from './form-error-summary';
import { useEntryForm } from './use-entry-form';

const FORM = 'person';

/** Name and work contact details; the organisation stays as it is (chosen on the organisation's side). */
export function PersonForm({ person }: { person?: PersonDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState({
    name: person?.name ?? '',
    workEmail: person?.workEmail ?? '',
    workPhone: person?.workPhone ?? '',
    externalKey: person?.externalKey ?? '',
  });
  type Values = typeof values;
  const set = (key: keyof Values, value: string) => setValues((current) => ({ ...current, [key]: value }));

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    const name = values.name.trim();
    const label = t('directory.form.name');
    if (!name) errors['name'] = t('directory.form.errors.required', { field: label.toLowerCase() });
    else if (name.length < 2)
      errors['name'] = t('directory.form.errors.minLength', { field: label, count: 2 });
    else if (name.length > 160)
      errors['name'] = t('directory.form.errors.maxLength', { field: label, count: 160 });
    if (values.workEmail.trim() && !isEmail(values.workEmail))
      errors['workEmail'] = t('directory.form.errors.email', {
        field: t('directory.form.workEmail').toLowerCase(),
      });
    if (values.workPhone.trim() && !isPhone(values.workPhone))
      errors['workPhone'] = t('directory.form.errors.phone', {
        field: t('directory.form.workPhone').toLowerCase(),
      });
    if (values.externalKey.length > 100)
      errors['externalKey'] = t('directory.form.errors.maxLength', {
        field: t('directory.form.externalKey'),
        count: 100,
      });
    return errors;
  };

  const body = () => ({
    name: values.name.trim(),
    workEmail: values.workEmail.trim() || null,
    workPhone: values.workPhone.trim() || null,
    externalKey: values.externalKey.trim() || null,
  });
  const form = useEntryForm(
    validate,
    () => (person ? updatePerson(person.id, { ...body(), version: person.version }) : createPerson(body())),
    (saved) => void navigate(paths.person.getHref(saved.id)),
  );
  const id = (path: string) => fieldId(FORM, path);

  return (
    <form noValidate onSubmit={(event) => void form.onSubmit(event)} className="ketenkaart-form">
      <FormErrors formId={FORM} errors={form.errors} problem={form.problem} summaryRef={form.summaryRef} />
      <TextField
        id={id('name')}
        label={t('directory.form.name')}
        required
        value={values.name}
        error={form.errors['name']}
        onChange={(value) => set('name', value)}
        onBlur={form.revalidate}
      />
      <TextField
        id={id('workEmail')}
        label={t('directory.form.workEmail')}
        type="email"
        value={values.workEmail}
        error={form.errors['workEmail']}
        onChange={(value) => set('workEmail', value)}
        onBlur={form.revalidate}
      />
      <TextField
        id={id('workPhone')}
        label={t('directory.form.workPhone')}
        type="tel"
        value={values.workPhone}
        error={form.errors['workPhone']}
        onChange={(value) => set('workPhone', value)}
        onBlur={form.revalidate}
      />
      <TextField
        id={id('externalKey')}
        label={t('directory.form.externalKey')}
        description={t('directory.form.externalKeyHint')}
        value={values.externalKey}
        error={form.errors['externalKey']}
        onChange={(value) => set('externalKey', value)}
        onBlur={form.revalidate}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={form.saving} disabled={form.saving}>
          {form.saving ? t('directory.form.saving') : t('directory.form.save')}
        </Button>
        <Link
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          to={person ? paths.person.getHref(person.id) : paths.directory.getHref()}
        >
          {t('directory.form.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}
