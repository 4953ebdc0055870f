import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { ACCOUNTS_PAGE_SIZE, useAccounts } from '../api/accounts';
import { roleLabel } from '../lib/role-label';

/** Every account, newest first, a page at a time; the page number lives in the URL. */
export function AccountsOverview() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('pagina')) || 1);
  const { data, error, isLoading } = useAccounts({ page, pageSize: ACCOUNTS_PAGE_SIZE });

  if (error) return <ProblemAlert problem={error} />;
  if (isLoading || !data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const goTo = (next: number) => setSearchParams(next > 1 ? { pagina: String(next) } : {});

  return (
    <>
      <Table>
        <TableCaption>{t('accounts.list.caption', { count: data.total })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('accounts.form.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.form.email')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.form.roles')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.list.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accounts.list.twoFactor')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.items.map((account) => (
            <TableRow key={account.id}>
              <TableCell>
                <Link className="utrecht-link utrecht-link--html-a" to={paths.account.getHref(account.id)}>
                  {account.displayName}
                </Link>
              </TableCell>
              <TableCell className="ketenkaart-break-anywhere">{account.email}</TableCell>
              <TableCell>{account.roles.map((role) => roleLabel(t, role)).join(', ')}</TableCell>
              <TableCell>
                {t(`accounts.status.${account.status as 'active' | 'invited' | 'disabled'}`)}
              </TableCell>
              <TableCell>
                {account.twoFactorEnabled ? t('accounts.list.yes') : t('accounts.list.no')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pages > 1 ? (
        <nav aria-label={t('pagination.label')}>
          <Paragraph>{t('pagination.status', { page, pages })}</Paragraph>
          <ButtonGroup>
            <Button disabled={page <= 1} onClick={() => goTo(page - 1)}>
              {t('pagination.previous')}
            </Button>
            <Button disabled={page >= pages} onClick={() => goTo(page + 1)}>
              {t('pagination.next')}
            </Button>
          </ButtonGroup>
        </nav>
      ) : null}
    </>
  );
}
