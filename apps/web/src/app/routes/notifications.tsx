import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { NotificationsList } from '../../features/notifications';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  return (
    <>
      <Heading level={1}>{t('notifications.title')}</Heading>
      <Paragraph lead>{t('notifications.intro')}</Paragraph>
      <NotificationsList />
    </>
  );
}
