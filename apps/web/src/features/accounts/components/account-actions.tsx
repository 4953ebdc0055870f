import { AccountStatus } from '@ketenkaart/shared-domain';
import type { Account } from '@ketenkaart/web-api-client';
import { Alert, Button, ButtonGroup, Paragraph } from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainProblem } from '../../../lib/problem-message';
import { sendInvitation, updateAccount } from '../api/accounts';

export interface AccountActionsProps {
  account: Account;
}

/** Disable or enable, reset two-factor sign-in (lost phone), send a new invitation link. */
export function AccountActions({ account }: AccountActionsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const run = async (confirmText: string | null, action: () => Promise<unknown>, done: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    try {
      await action();
      setMessage({ type: 'ok', text: done });
    } catch (error) {
      setMessage({ type: 'error', text: explainProblem(t, error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {message ? (
        <Alert type={message.type}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      ) : null}
      <ButtonGroup>
        {account.status === AccountStatus.invited ? (
          <Button
            disabled={busy}
            onClick={() => void run(null, () => sendInvitation(account.id), t('accounts.actions.invited'))}
          >
            {t('accounts.actions.invite')}
          </Button>
        ) : null}
        {account.status === AccountStatus.active ? (
          <Button
            disabled={busy}
            onClick={() =>
              void run(
                t('accounts.actions.disableConfirm', { name: account.displayName }),
                () => updateAccount(account.id, { status: AccountStatus.disabled }),
                t('accounts.actions.disabled'),
              )
            }
          >
            {t('accounts.actions.disable')}
          </Button>
        ) : null}
        {account.status === AccountStatus.disabled ? (
          <Button
            disabled={busy}
            onClick={() =>
              void run(
                null,
                () => updateAccount(account.id, { status: AccountStatus.active }),
                t('accounts.actions.enabled'),
              )
            }
          >
            {t('accounts.actions.enable')}
          </Button>
        ) : null}
        {account.twoFactorEnabled ? (
          <Button
            disabled={busy}
            onClick={() =>
              void run(
                t('accounts.actions.resetTwoFactorConfirm', { name: account.displayName }),
                () => updateAccount(account.id, { resetTwoFactor: true }),
                t('accounts.actions.twoFactorReset'),
              )
            }
          >
            {t('accounts.actions.resetTwoFactor')}
          </Button>
        ) : null}
      </ButtonGroup>
    </>
  );
}
