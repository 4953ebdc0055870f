import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { paths } from '../../config/paths';
import { acceptInvitation, NewPasswordForm, tokenFromHash } from '../../features/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export function InvitationRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.invitation.title'));
  const { hash } = useLocation();
  const token = tokenFromHash(hash);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  return (
    <div className="ketenkaart-narrow">
      <Heading level={1}>{t('auth.invitation.title')}</Heading>
      {!token ? (
        <Alert type="error">
          <Paragraph>{t('errors.codes.invalidLink')}</Paragraph>
        </Alert>
      ) : done ? (
        <Alert type="ok" ref={doneRef} tabIndex={-1}>
          <Paragraph>{t('auth.invitation.done')}</Paragraph>
          <Paragraph>
            <Link className="utrecht-link utrecht-link--html-a" to={paths.signIn.getHref()}>
              {t('auth.signIn.title')}
            </Link>
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('auth.invitation.intro')}</Paragraph>
          <NewPasswordForm
            submitLabel={t('auth.invitation.submit')}
            onSubmit={async (password) => {
              await acceptInvitation(token, password);
              setDone(true);
            }}
          />
        </>
      )}
    </div>
  );
}
