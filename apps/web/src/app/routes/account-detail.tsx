import { Alert, DataList, DataListItem, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ProblemAlert } from '../../components/problem-alert';
import { paths } from '../../config/paths';
import { AccountActions, AccountForm, updateAccount, useAccount } from '../../features/accounts';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AccountDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const { data: account, error, isLoading } = useAccount(id);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(account?.displayName ?? t('accounts.title'));

  if (error) return <ProblemAlert problem={error} />;
  if (isLoading || !account) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to={paths.accounts.getHref()}>
          {t('accounts.backToList')}
        </Link>
      </Paragraph>
      <Heading level={1}>{account.displayName}</Heading>
      {created ? (
        <Alert type="ok">
          <Paragraph>{t('accounts.new.created')}</Paragraph>
        </Alert>
      ) : null}
      <DataList>
        <DataListItem label={t('accounts.form.email')}>{account.email}</DataListItem>
        <DataListItem label={t('accounts.list.status')}>
          {t(`accounts.status.${account.status as 'active' | 'invited' | 'disabled'}`)}
        </DataListItem>
        <DataListItem label={t('accounts.list.twoFactor')}>
          {account.twoFactorEnabled ? t('accounts.list.yes') : t('accounts.list.no')}
        </DataListItem>
      </DataList>
      <AccountActions key={`${account.status}:${account.twoFactorEnabled}`} account={account} />
      <Heading level={2}>{t('accounts.edit.title')}</Heading>
      {saved ? (
        <Alert type="ok">
          <Paragraph>{t('accounts.edit.saved')}</Paragraph>
        </Alert>
      ) : null}
      <AccountForm
        key={account.updatedAt}
        account={account}
        submitLabel={t('accounts.edit.submit')}
        onSubmit={async ({ displayName, roles, regionIds }) => {
          setSaved(false);
          await updateAccount(account.id, { displayName, roles, regionIds });
          setSaved(true);
        }}
      />
    </>
  );
}
