import { Alert, Button, Paragraph } from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { explainProblem } from '../../../lib/problem-message';
import { regenerateRecoveryCodes } from '../api/two-factor';
import { RecoveryCodesList } from './recovery-codes-list';

export interface TwoFactorSectionProps {
  enabled: boolean;
}

/** Whether an authenticator app is linked; new recovery codes replace the old ones. */
export function TwoFactorSection({ enabled }: TwoFactorSectionProps) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const regenerate = async () => {
    if (!window.confirm(t('account.recoveryCodes.confirm'))) return;
    setBusy(true);
    setError(null);
    try {
      setCodes((await regenerateRecoveryCodes()).codes);
    } catch (failure) {
      setError(explainProblem(t, failure).message);
    } finally {
      setBusy(false);
    }
  };

  if (!enabled) {
    return (
      <>
        <Paragraph>{t('account.twoFactor.off')}</Paragraph>
        <Paragraph>
          <Link className="utrecht-link utrecht-link--html-a" to={paths.twoFactorEnrolment.getHref()}>
            {t('account.twoFactor.enrol')}
          </Link>
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <Paragraph>{t('account.twoFactor.on')}</Paragraph>
      {error ? (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {codes ? <RecoveryCodesList codes={codes} /> : null}
      <Button busy={busy} disabled={busy} onClick={() => void regenerate()}>
        {t('account.recoveryCodes.regenerate')}
      </Button>
    </>
  );
}
