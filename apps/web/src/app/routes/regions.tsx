import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { RegionsExplorer } from '../../features/regions';
import { useDocumentTitle } from '../../lib/use-document-title';

export function RegionsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('regions.title'));
  return (
    <>
      <Heading level={1}>{t('regions.title')}</Heading>
      <Paragraph lead>{t('regions.intro')}</Paragraph>
      <RegionsExplorer />
    </>
  );
}
