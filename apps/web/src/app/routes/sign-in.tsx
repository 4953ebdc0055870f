import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { RETURN_PARAM, safeReturnPath, SignInForm, SingleSignOn } from '../../features/auth';
import { paths } from '../../config/paths';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';

export function SignInRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signIn.title'));
  const [searchParams] = useSearchParams();
  const { isSignedIn } = useSession();
  const returnTo = safeReturnPath(searchParams.get(RETURN_PARAM));
  if (isSignedIn) return <Navigate to={returnTo ?? paths.home.getHref()} replace />;
  return (
    <div className="ketenkaart-narrow">
      <Heading level={1}>{t('auth.signIn.title')}</Heading>
      {searchParams.get('afgemeld') ? (
        <Alert type="ok">
          <Paragraph>{t('auth.signIn.signedOut')}</Paragraph>
        </Alert>
      ) : null}
      {returnTo ? <Paragraph>{t('auth.signIn.needed')}</Paragraph> : null}
      <Paragraph>{t('auth.signIn.intro')}</Paragraph>
      <SingleSignOn returnTo={returnTo} />
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
