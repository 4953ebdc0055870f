import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { AuditTrail } from '../../features/audit';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AuditTrailRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  return (
    <>
      <Heading level={1}>{t('audit.title')}</Heading>
      <Paragraph lead>{t('audit.intro')}</Paragraph>
      <AuditTrail />
    </>
  );
}
