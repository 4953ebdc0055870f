import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../config/paths';
import { AccountForm, createAccount } from '../../features/accounts';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AccountNewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.new.title'));
  const navigate = useNavigate();
  return (
    <>
      <Heading level={1}>{t('accounts.new.title')}</Heading>
      <Paragraph>{t('accounts.new.intro')}</Paragraph>
      <AccountForm
        submitLabel={t('accounts.new.submit')}
        onSubmit={async (values) => {
          const account = await createAccount(values);
          navigate(paths.account.getHref(account.id), { state: { created: true } });
        }}
      />
    </>
  );
}
