import type { TotpEnrolment as Enrolment } from '@ketenkaart/web-api-client';
import { Button, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, TextField } from '../../../components/form-fields';
import { explainProblem } from '../../../lib/problem-message';
import { refreshSession } from '../../../lib/session';
import { useFormErrors } from '../../../lib/use-form-errors';
import { confirmTotpEnrolment, startTotpEnrolment } from '../api/two-factor';
import { RecoveryCodesList } from './recovery-codes-list';

const FIELD_IDS = { code: 'totp-enrolment-code' };

export interface TotpEnrolmentProps {
  /** Called when the person has seen the recovery codes and continues. */
  onDone: () => void;
}

/**
 * Linking an authenticator app: start (a new secret), scan the QR code or type the secret, confirm with a
 * first code, then the ten recovery codes, shown once.
 */
export function TotpEnrolment({ onDone }: TotpEnrolmentProps) {
  const { t } = useTranslation();
  const errors = useFormErrors(FIELD_IDS);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (enrolment) stepHeadingRef.current?.focus();
  }, [enrolment]);

  const start = async () => {
    setBusy(true);
    try {
      setEnrolment(await startTotpEnrolment());
      errors.clear();
    } catch (error) {
      errors.fail({}, explainProblem(t, error).message);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const value = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(value)) {
      errors.fail({ code: t('auth.secondFactor.codeFormat') });
      return;
    }
    setBusy(true);
    try {
      const result = await confirmTotpEnrolment(value);
      // The session may have changed stage (and cookies): ask again in the background.
      refreshSession();
      setCodes(result.codes);
    } catch (error) {
      setCode('');
      const { problem, message } = explainProblem(t, error);
      if (problem.code === 'invalid_second_factor') errors.fail({ code: message });
      else errors.fail({}, message);
    } finally {
      setBusy(false);
    }
  };

  const summary = (
    <FormErrorSummary
      summaryRef={errors.summaryRef}
      items={errors.summaryItems}
      formError={errors.formError}
      hasErrors={errors.hasErrors}
    />
  );

  if (codes) {
    return (
      <>
        <RecoveryCodesList codes={codes} />
        <Button appearance="primary-action" onClick={onDone}>
          {t('account.enrolment.continue')}
        </Button>
      </>
    );
  }

  if (!enrolment) {
    return (
      <>
        {summary}
        <Paragraph>{t('account.enrolment.intro')}</Paragraph>
        <Button appearance="primary-action" busy={busy} disabled={busy} onClick={() => void start()}>
          {t('account.enrolment.start')}
        </Button>
      </>
    );
  }

  const code$ = errors.fieldProps('code');
  return (
    <>
      <Heading level={2} ref={stepHeadingRef} tabIndex={-1}>
        {t('account.enrolment.scanTitle')}
      </Heading>
      <Paragraph>{t('account.enrolment.scan')}</Paragraph>
      <img
        className="ketenkaart-qr-code"
        src={enrolment.qrCodeDataUrl}
        alt={t('account.enrolment.qrAlt')}
        width={200}
        height={200}
      />
      <Paragraph>{t('account.enrolment.manual')}</Paragraph>
      <Paragraph>
        <code className="utrecht-code ketenkaart-secret">
          {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </Paragraph>
      <form noValidate onSubmit={(event) => void confirm(event)} className="ketenkaart-form">
        {summary}
        <TextField
          id={code$.id}
          label={t('account.enrolment.code')}
          description={t('auth.secondFactor.codeDescription')}
          message={code$.message}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          {t('account.enrolment.confirm')}
        </Button>
      </form>
    </>
  );
}
