import { DataList, DataListItem, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm, SessionsList, TwoFactorSection } from '../../features/account';
import { roleLabel } from '../../features/accounts';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';

export function MyAccountRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const { account } = useSession();
  if (!account) return null;
  return (
    <>
      <Heading level={1}>{t('account.title')}</Heading>
      <DataList>
        <DataListItem label={t('accounts.form.name')}>{account.displayName}</DataListItem>
        <DataListItem label={t('accounts.form.email')}>{account.email}</DataListItem>
        <DataListItem label={t('accounts.form.roles')}>
          {account.roles.map((role) => roleLabel(t, role)).join(', ')}
        </DataListItem>
      </DataList>
      <section aria-labelledby="account-password">
        <Heading level={2} id="account-password">
          {t('account.password.title')}
        </Heading>
        <Paragraph>{t('account.password.intro')}</Paragraph>
        <ChangePasswordForm email={account.email} />
      </section>
      <section aria-labelledby="account-two-factor">
        <Heading level={2} id="account-two-factor">
          {t('account.twoFactor.title')}
        </Heading>
        <TwoFactorSection enabled={account.twoFactorEnabled} />
      </section>
      <section aria-labelledby="account-sessions">
        <Heading level={2} id="account-sessions">
          {t('account.sessions.title')}
        </Heading>
        <Paragraph>{t('account.sessions.intro')}</Paragraph>
        <SessionsList />
      </section>
    </>
  );
}
