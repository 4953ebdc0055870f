import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ketenkaart/shared-domain';
import { Button } from '@ketenkaart/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, TextField } from '../../../components/form-fields';
import { explainProblem } from '../../../lib/problem-message';
import { useFormErrors } from '../../../lib/use-form-errors';

const FIELD_IDS = { password: 'new-password', repeat: 'new-password-repeat' };

export interface NewPasswordFormProps {
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
}

/**
 * Choosing a password (invitation, reset): at least 12 characters, no composition rules (NIST SP 800-63B);
 * the API also refuses common passwords.
 */
export function NewPasswordForm({ submitLabel, onSubmit }: NewPasswordFormProps) {
  const { t } = useTranslation();
  const errors = useFormErrors(FIELD_IDS);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      password:
        password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH
          ? t('auth.newPassword.length', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
          : undefined,
      repeat: repeat !== password ? t('auth.newPassword.mismatch') : undefined,
    };
    if (problems.password || problems.repeat) {
      errors.fail(problems);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(password);
    } catch (error) {
      const { problem, message } = explainProblem(t, error);
      if (problem.code === 'weak_password') errors.fail({ password: message });
      else errors.fail({}, message);
      setBusy(false);
    }
  };

  const password$ = errors.fieldProps('password');
  const repeat$ = errors.fieldProps('repeat');
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="ketenkaart-form">
      <FormErrorSummary
        summaryRef={errors.summaryRef}
        items={errors.summaryItems}
        formError={errors.formError}
        hasErrors={errors.hasErrors}
      />
      <TextField
        id={password$.id}
        label={t('auth.newPassword.password')}
        description={t('auth.newPassword.description', { min: PASSWORD_MIN_LENGTH })}
        message={password$.message}
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <TextField
        id={repeat$.id}
        label={t('auth.newPassword.repeat')}
        message={repeat$.message}
        type="password"
        name="new-password-repeat"
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => setRepeat(event.target.value)}
      />
      <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
