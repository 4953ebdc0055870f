import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}

/** Previous/next links (real URLs, so every page can be shared) and where you are. */
export function Pagination({ page, pageSize, total, hrefFor }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="ketenkaart-pagination" aria-label={t('directory.pagination.label')}>
      {page > 1 ? (
        <Link className="utrecht-link utrecht-link--html-a" to={hrefFor(page - 1)} rel="prev">
          {t('directory.pagination.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('directory.pagination.status', { page, pages })}</span>
      {page < pages ? (
        <Link className="utrecht-link utrecht-link--html-a" to={hrefFor(page + 1)} rel="next">
          {t('directory.pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
