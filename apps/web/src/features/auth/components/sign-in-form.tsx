import { Button, Paragraph } from '@ketenkaart/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { FormErrorSummary, TextField } from '../../../components/form-fields';
import { paths } from '../../../config/paths';
import { explainProblem } from '../../../lib/problem-message';
import { useFormErrors } from '../../../lib/use-form-errors';
import { setSession } from '../../../lib/session';
import { signIn } from '../api/sign-in';
import { nextStepAfterSignIn } from '../lib/return-path';

const FIELD_IDS = { email: 'sign-in-email', password: 'sign-in-password' };

export interface SignInFormProps {
  returnTo?: string;
}

/**
 * E-mail address and password. A refusal is one message for the whole form whatever went wrong, so the
 * page never tells whether an address has an account (issue 4, point 3).
 */
export function SignInForm({ returnTo }: SignInFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errors = useFormErrors(FIELD_IDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : t('auth.signIn.emailRequired'),
      password: password ? undefined : t('auth.signIn.passwordRequired'),
    };
    if (missing.email || missing.password) {
      errors.fail(missing);
      return;
    }
    setBusy(true);
    try {
      const session = await signIn(email.trim(), password);
      setSession(session);
      navigate(nextStepAfterSignIn(session, returnTo), { replace: true });
    } catch (error) {
      setPassword('');
      errors.fail({}, explainProblem(t, error).message);
      setBusy(false);
    }
  };

  const email$ = errors.fieldProps('email');
  const password$ = errors.fieldProps('password');
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
      <TextField
        id={password$.id}
        label={t('auth.signIn.password')}
        message={password$.message}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
        {t('auth.signIn.submit')}
      </Button>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to={paths.passwordReset.getHref()}>
          {t('auth.signIn.forgotPassword')}
        </Link>
      </Paragraph>
    </form>
  );
}
