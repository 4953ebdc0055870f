import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { paths } from '../../config/paths';
import {
  completePasswordReset,
  NewPasswordForm,
  PasswordResetRequestForm,
  tokenFromHash,
} from '../../features/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Without a token: ask for a link. With the link's token (after `#`): choose the new password. */
export function PasswordResetRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.passwordReset.title'));
  const { hash } = useLocation();
  const token = tokenFromHash(hash);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  return (
    <div className="ketenkaart-narrow">
      <Heading level={1}>{t('auth.passwordReset.title')}</Heading>
      {!token ? (
        <>
          <Paragraph>{t('auth.passwordReset.requestIntro')}</Paragraph>
          <PasswordResetRequestForm />
        </>
      ) : done ? (
        <Alert type="ok" ref={doneRef} tabIndex={-1}>
          <Paragraph>{t('auth.passwordReset.done')}</Paragraph>
          <Paragraph>
            <Link className="utrecht-link utrecht-link--html-a" to={paths.signIn.getHref()}>
              {t('auth.signIn.title')}
            </Link>
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('auth.passwordReset.completeIntro')}</Paragraph>
          <NewPasswordForm
            submitLabel={t('auth.passwordReset.completeSubmit')}
            onSubmit={async (password) => {
              await completePasswordReset(token, password);
              setDone(true);
            }}
          />
        </>
      )}
    </div>
  );
}
