import { SessionStage } from '@ketenkaart/shared-domain';
import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../config/paths';
import { TotpEnrolment } from '../../features/account';
import { RETURN_PARAM, safeReturnPath } from '../../features/auth';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';

export function TwoFactorEnrolmentRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.enrolment.title'));
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get(RETURN_PARAM));
  const { stage } = useSession();
  return (
    <div className="ketenkaart-narrow">
      <Heading level={1}>{t('account.enrolment.title')}</Heading>
      {stage === SessionStage.enrolmentRequired ? (
        <Alert type="info">
          <Paragraph>{t('account.enrolment.required')}</Paragraph>
        </Alert>
      ) : null}
      <TotpEnrolment onDone={() => navigate(returnTo ?? paths.myAccount.getHref(), { replace: true })} />
    </div>
  );
}
