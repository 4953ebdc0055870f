import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';

/** Shown inside the shell when a route fails to load (e.g. a chunk missing after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={1}>{t('routeError.title')}</Heading>
      <Alert type="error">
        <Paragraph>{t('routeError.body')}</Paragraph>
      </Alert>
    </>
  );
}
