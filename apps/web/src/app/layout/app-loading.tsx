import { useTranslation } from 'react-i18next';

export function AppLoading() {
  const { t } = useTranslation();
  return (
    <p className="utrecht-theme utrecht-paragraph ketenkaart-app-loading" role="status">
      {t('app.loading')}
    </p>
  );
}
