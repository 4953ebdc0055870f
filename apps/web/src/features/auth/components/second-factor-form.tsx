import { Button, ButtonGroup } from '@ketenkaart/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormErrorSummary, TextField } from '../../../components/form-fields';
import { paths } from '../../../config/paths';
import { explainProblem } from '../../../lib/problem-message';
import { useFormErrors } from '../../../lib/use-form-errors';
import { setSession } from '../../../lib/session';
import { submitSecondFactor } from '../api/submit-second-factor';
import { SignOutButton } from './sign-out-button';

const FIELD_IDS = { code: 'second-factor-code' };
const TOTP_PATTERN = /^\d{6}$/;

export interface SecondFactorFormProps {
  returnTo?: string;
}

/** The 6-digit code of the authenticator app or, when the phone is lost, one recovery code. */
export function SecondFactorForm({ returnTo }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errors = useFormErrors(FIELD_IDS);
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = useRecoveryCode ? code.trim().toLowerCase() : code.replace(/\s/g, '');
    if (!useRecoveryCode && !TOTP_PATTERN.test(value)) {
      errors.fail({ code: t('auth.secondFactor.codeFormat') });
      return;
    }
    if (useRecoveryCode && value.length < 6) {
      errors.fail({ code: t('auth.secondFactor.recoveryCodeRequired') });
      return;
    }
    setBusy(true);
    try {
      const session = await submitSecondFactor(value);
      setSession(session);
      navigate(returnTo ?? paths.home.getHref(), { replace: true });
    } catch (error) {
      setCode('');
      errors.fail({}, explainProblem(t, error).message);
      setBusy(false);
    }
  };

  const code$ = errors.fieldProps('code');
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="ketenkaart-form">
      <FormErrorSummary
        summaryRef={errors.summaryRef}
        items={errors.summaryItems}
        formError={errors.formError}
        hasErrors={errors.hasErrors}
      />
      {useRecoveryCode ? (
        <TextField
          key="recovery"
          id={code$.id}
          label={t('auth.secondFactor.recoveryCode')}
          description={t('auth.secondFactor.recoveryCodeDescription')}
          message={code$.message}
          name="recovery-code"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      ) : (
        <TextField
          key="totp"
          id={code$.id}
          label={t('auth.secondFactor.code')}
          description={t('auth.secondFactor.codeDescription')}
          message={code$.message}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          {t('auth.secondFactor.submit')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setUseRecoveryCode((current) => !current);
            setCode('');
            errors.clear();
            document.getElementById(FIELD_IDS.code)?.focus();
          }}
        >
          {useRecoveryCode ? t('auth.secondFactor.useApp') : t('auth.secondFactor.useRecoveryCode')}
        </Button>
        <SignOutButton label={t('auth.secondFactor.cancel')} />
      </ButtonGroup>
    </form>
  );
}
