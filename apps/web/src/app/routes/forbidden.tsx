import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ForbiddenRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <>
      <Heading level={1}>{t('forbidden.title')}</Heading>
      <Paragraph>{t('forbidden.body')}</Paragraph>
    </>
  );
}
