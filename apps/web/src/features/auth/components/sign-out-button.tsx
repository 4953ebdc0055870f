import { Button } from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { signOut } from '../api/sign-out';

export interface SignOutButtonProps {
  label?: string;
}

/**
 * Ends the session on the server, then loads the sign-in page afresh: a full page load drops every
 * record the app still holds in memory, so nothing of the signed-in user stays behind in the tab.
 */
export function SignOutButton({ label }: SignOutButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const leave = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch {
      // Already ended (expired, or ended from another device): the page load below shows that.
    }
    window.location.assign(paths.signIn.getHref({ signedOut: true }));
  };
  return (
    <Button appearance="secondary-action" busy={busy} disabled={busy} onClick={() => void leave()}>
      {label ?? t('auth.signOut')}
    </Button>
  );
}
