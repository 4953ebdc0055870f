import { Alert, Button, Paragraph } from '@ketenkaart/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, TextField } from '../../../components/form-fields';
import { explainProblem } from '../../../lib/problem-message';
import { useFormErrors } from '../../../lib/use-form-errors';
import { requestPasswordReset } from '../api/password-reset';

const FIELD_IDS = { email: 'password-reset-email' };

/** Asks for a reset link. The confirmation is the same whether or not the address has an account. */
export function PasswordResetRequestForm() {
  const { t } = useTranslation();
  const errors = useFormErrors(FIELD_IDS);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      errors.fail({ email: t('auth.signIn.emailRequired') });
      return;
    }
    setBusy(true);
    try {
      await requestPasswordReset(email.trim());
      setSent(true);
      requestAnimationFrame(() => sentRef.current?.focus());
    } catch (error) {
      errors.fail({}, explainProblem(t, error).message);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <Alert type="ok" ref={sentRef} tabIndex={-1}>
        <Paragraph>{t('auth.passwordReset.sent')}</Paragraph>
      </Alert>
    );
  }
  const email$ = errors.fieldProps('email');
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="ketenkaart-form">
      <FormErrorSummary
        summaryRef={errors.summaryRef}
        items={errors.summaryItems}
        formError={errors.formError}
        hasErrors={errors.hasErrors}
      />
      <TextField
        id={email$.id}
        label={t('auth.signIn.email')}
        message={email$.message}
        type="email"
        name="email"
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="none"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
        {t('auth.passwordReset.requestSubmit')}
      </Button>
    </form>
  );
}
