import { Alert, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface RecoveryCodesListProps {
  codes: string[];
}

/** Shown once, right after they were made: the API keeps only their hashes. Focus lands here. */
export function RecoveryCodesList({ codes }: RecoveryCodesListProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="warning" ref={ref} tabIndex={-1}>
      <Paragraph>
        <strong>{t('account.recoveryCodes.title')}</strong>
      </Paragraph>
      <Paragraph>{t('account.recoveryCodes.once')}</Paragraph>
      <ol className="ketenkaart-recovery-codes" aria-label={t('account.recoveryCodes.title')}>
        {codes.map((code) => (
          <li key={code}>
            <code className="utrecht-code">{code}</code>
          </li>
        ))}
      </ol>
    </Alert>
  );
}
