import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../config/paths';
import { LookupWizard, ResponsibilityMatrix } from '../../features/responsibilities';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ResponsibilitiesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('responsibilities.title'));
  return (
    <>
      <Heading level={1}>{t('responsibilities.title')}</Heading>
      <Paragraph lead>{t('responsibilities.intro')}</Paragraph>
      <Paragraph className="ketenkaart-no-print">
        <Link className="utrecht-link utrecht-link--html-a" to={paths.responsibilityLookup.getHref()}>
          {t('responsibilities.lookup.title')}
        </Link>
      </Paragraph>
      <ResponsibilityMatrix />
    </>
  );
}

export function ResponsibilityLookupRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('responsibilities.lookup.title'));
  return (
    <>
      <Heading level={1}>{t('responsibilities.lookup.title')}</Heading>
      <Paragraph lead>{t('responsibilities.lookup.intro')}</Paragraph>
      <LookupWizard />
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to={paths.responsibilities.getHref()}>
          {t('responsibilities.lookup.matrixLink')}
        </Link>
      </Paragraph>
    </>
  );
}
