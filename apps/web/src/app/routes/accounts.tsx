import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../config/paths';
import { AccountsOverview } from '../../features/accounts';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AccountsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.title'));
  return (
    <>
      <Heading level={1}>{t('accounts.title')}</Heading>
      <Paragraph>
        <Link
          className="utrecht-button utrecht-button--primary-action ketenkaart-button-link"
          to={paths.accountNew.getHref()}
        >
          {t('accounts.new.title')}
        </Link>
      </Paragraph>
      <AccountsOverview />
    </>
  );
}
