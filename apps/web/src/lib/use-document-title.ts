import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** WCAG 2.4.2: every route names itself in the window title. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page });
  }, [page, t]);
}
