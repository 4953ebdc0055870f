import { Button } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';

/**
 * Names the other language in that language ("English" / "Nederlands") and marks it with `lang`, so
 * screen readers pronounce it correctly (WCAG 3.1.2).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t('app.switchLanguageCode');
  return (
    <Button appearance="secondary-action" lang={target} onClick={() => void i18n.changeLanguage(target)}>
      {t('app.switchLanguage')}
    </Button>
  );
}
