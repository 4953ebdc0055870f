import { DECLINE_REASON_LABELS, HANDOFF_PATHS, type DeclineReason } from '@ketenkaart/shared-domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Labels of statuses, themes and hand-off codes in the UI language. */
export function useMonitoringLabels() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useMemo(
    () => ({
      kaderStatus: (status: string) => t(`monitoring.status.${status}` as 'monitoring.status.voldoet'),
      theme: (theme: string) => t(`monitoring.theme.${theme}` as 'monitoring.theme.bewustwording'),
      coverage: (status: string) =>
        t(`monitoring.coverage.status.${status}` as 'monitoring.coverage.status.filled'),
      basis: (verdict: string) => t(`monitoring.basis.${verdict}` as 'monitoring.basis.yes'),
      form: (form: string) =>
        t(`directory.exploitationForm.${form}` as 'directory.exploitationForm.arbeidsuitbuiting', {
          defaultValue: form,
        }),
      // Path and decline-reason names live in the shared domain in Dutch; English falls back to the code.
      path: (code: string) => {
        const label = HANDOFF_PATHS.find((path) => path.code === code)?.label;
        return english || !label ? code : label;
      },
      declineReason: (code: string) => {
        const label = DECLINE_REASON_LABELS[code as DeclineReason];
        return english || !label ? code : label;
      },
    }),
    [t, english],
  );
}
