import { ACCOUNT_ROLES, type Role } from '@ketenkaart/shared-domain';
import type { Account, RegionSummary } from '@ketenkaart/web-api-client';
import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  Paragraph,
} from '@ketenkaart/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, TextField } from '../../../components/form-fields';
import { explainProblem } from '../../../lib/problem-message';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SCOPE_REGION_TYPES, useScopeRegions } from '../api/accounts';
import { roleLabel } from '../lib/role-label';

const FIELD_IDS = { email: 'account-email', displayName: 'account-name', roles: 'account-roles' };
const ROLE_ID = (role: string) => `account-role-${role}`;

type AccountRole = Exclude<Role, 'public'>;

export interface AccountFormValues {
  email: string;
  displayName: string;
  roles: AccountRole[];
  regionIds: string[];
}

export interface AccountFormProps {
  /** Editing: the address cannot change (it is the sign-in name). */
  account?: Account;
  submitLabel: string;
  onSubmit: (values: AccountFormValues) => Promise<void>;
}

/** Name, e-mail address, roles and region scope of an account. */
export function AccountForm({ account, submitLabel, onSubmit }: AccountFormProps) {
  const { t } = useTranslation();
  const errors = useFormErrors({ ...FIELD_IDS, roles: ROLE_ID(ACCOUNT_ROLES[0] ?? 'beheerder') });
  const regions = useScopeRegions();
  const [email, setEmail] = useState(account?.email ?? '');
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [roles, setRoles] = useState<AccountRole[]>((account?.roles as AccountRole[] | undefined) ?? []);
  const [regionIds, setRegionIds] = useState<string[]>(account?.regionIds ?? []);
  const [busy, setBusy] = useState(false);

  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((item) => item !== value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      email: !account && !/^\S+@\S+\.\S+$/.test(email.trim()) ? t('accounts.form.emailInvalid') : undefined,
      displayName: displayName.trim() ? undefined : t('accounts.form.nameRequired'),
      roles: roles.length ? undefined : t('accounts.form.rolesRequired'),
    };
    if (problems.email || problems.displayName || problems.roles) {
      errors.fail(problems);
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ email: email.trim(), displayName: displayName.trim(), roles, regionIds });
    } catch (error) {
      const { problem, message } = explainProblem(t, error);
      if (problem.code === 'duplicate_email') errors.fail({ email: message });
      else errors.fail({}, message);
      setBusy(false);
    }
  };

  const email$ = errors.fieldProps('email');
  const name$ = errors.fieldProps('displayName');
  const roles$ = errors.fieldProps('roles');
  const byType = (type: string): RegionSummary[] =>
    (regions.data ?? []).filter((region) => region.typeCode === type);

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="ketenkaart-form">
      <FormErrorSummary
        summaryRef={errors.summaryRef}
        items={errors.summaryItems}
        formError={errors.formError}
        hasErrors={errors.hasErrors}
      />
      {account ? null : (
        <TextField
          id={email$.id}
          label={t('accounts.form.email')}
          message={email$.message}
          type="email"
          name="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      )}
      <TextField
        id={name$.id}
        label={t('accounts.form.name')}
        message={name$.message}
        name="name"
        autoComplete="off"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <Fieldset invalid={roles$.invalid} aria-describedby={roles$.errorId}>
        <FieldsetLegend>{t('accounts.form.roles')}</FieldsetLegend>
        {roles$.message ? (
          <FormFieldErrorMessage id={roles$.errorId}>{roles$.message}</FormFieldErrorMessage>
        ) : null}
        {(ACCOUNT_ROLES as AccountRole[]).map((role) => (
          <FormField key={role} className="utrecht-form-field--checkbox ketenkaart-checkbox-field">
            <Checkbox
              id={ROLE_ID(role)}
              checked={roles.includes(role)}
              invalid={roles$.invalid}
              onChange={(event) => setRoles(toggle(roles, role, event.target.checked))}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={ROLE_ID(role)}>
              {roleLabel(t, role)}
            </label>
          </FormField>
        ))}
      </Fieldset>
      {SCOPE_REGION_TYPES.map((type) => (
        <Fieldset key={type}>
          <FieldsetLegend>{t(`accounts.form.scope.${type}`)}</FieldsetLegend>
          <FormFieldDescription>{t('accounts.form.scopeDescription')}</FormFieldDescription>
          {regions.isLoading ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
          {byType(type).map((region) => (
            <FormField key={region.id} className="utrecht-form-field--checkbox ketenkaart-checkbox-field">
              <Checkbox
                id={`account-region-${region.id}`}
                checked={regionIds.includes(region.id)}
                onChange={(event) => setRegionIds(toggle(regionIds, region.id, event.target.checked))}
              />
              <label
                className="utrecht-form-label utrecht-form-label--checkbox"
                htmlFor={`account-region-${region.id}`}
              >
                {region.name}
              </label>
            </FormField>
          ))}
        </Fieldset>
      ))}
      <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
