import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ketenkaart/shared-domain';
import { Alert, Button, Paragraph } from '@ketenkaart/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, TextField } from '../../../components/form-fields';
import { explainProblem } from '../../../lib/problem-message';
import { useFormErrors } from '../../../lib/use-form-errors';
import { changePassword } from '../api/change-password';

const FIELD_IDS = {
  current: 'change-password-current',
  next: 'change-password-new',
  repeat: 'change-password-repeat',
};

export interface ChangePasswordFormProps {
  /** Hidden field for password managers: the account the new password belongs to. */
  email: string;
}

export function ChangePasswordForm({ email }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const errors = useFormErrors(FIELD_IDS);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const problems: Record<keyof typeof FIELD_IDS, string | undefined> = {
      current: current ? undefined : t('account.password.currentRequired'),
      next:
        next.length < PASSWORD_MIN_LENGTH || next.length > PASSWORD_MAX_LENGTH
          ? t('auth.newPassword.length', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
          : undefined,
      repeat: repeat !== next ? t('auth.newPassword.mismatch') : undefined,
    };
    if (Object.values(problems).some(Boolean)) {
      errors.fail(problems);
      return;
    }
    setBusy(true);
    try {
      await changePassword(current, next);
      errors.clear();
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (error) {
      const { problem, message } = explainProblem(t, error);
      if (problem.code === 'wrong_password') errors.fail({ current: message });
      else if (problem.code === 'weak_password') errors.fail({ next: message });
      else errors.fail({}, message);
    } finally {
      setBusy(false);
    }
  };

  const current$ = errors.fieldProps('current');
  const next$ = errors.fieldProps('next');
  const repeat$ = errors.fieldProps('repeat');
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="ketenkaart-form">
      {done ? (
        <Alert type="ok" ref={doneRef} tabIndex={-1}>
          <Paragraph>{t('account.password.changed')}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary
        summaryRef={errors.summaryRef}
        items={errors.summaryItems}
        formError={errors.formError}
        hasErrors={errors.hasErrors}
      />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        id={current$.id}
        label={t('account.password.current')}
        message={current$.message}
        type="password"
        name="current-password"
        autoComplete="current-password"
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <TextField
        id={next$.id}
        label={t('auth.newPassword.password')}
        description={t('auth.newPassword.description', { min: PASSWORD_MIN_LENGTH })}
        message={next$.message}
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={next}
        onChange={(event) => setNext(event.target.value)}
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
        {t('account.password.submit')}
      </Button>
    </form>
  );
}
