import { SessionStage } from '@ketenkaart/shared-domain';
import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../config/paths';
import { RETURN_PARAM, safeReturnPath, SecondFactorForm } from '../../features/auth';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AppLoading } from '../layout/app-loading';

export function SecondFactorRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.secondFactor.title'));
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get(RETURN_PARAM));
  const { isLoading, stage, isSignedIn } = useSession();
  if (isLoading) return <AppLoading />;
  if (isSignedIn) return <Navigate to={returnTo ?? paths.home.getHref()} replace />;
  if (stage !== SessionStage.secondFactorRequired) {
    return <Navigate to={paths.signIn.getHref({ returnTo })} replace />;
  }
  return (
    <div className="ketenkaart-narrow">
      <Heading level={1}>{t('auth.secondFactor.title')}</Heading>
      <Paragraph>{t('auth.secondFactor.intro')}</Paragraph>
      <SecondFactorForm returnTo={returnTo} />
    </div>
  );
}
