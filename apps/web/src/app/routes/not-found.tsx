import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <Heading level={1}>{t('notFound.title')}</Heading>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to={paths.regions.getHref()}>
          {t('notFound.backToRegions')}
        </Link>
      </Paragraph>
    </>
  );
}
