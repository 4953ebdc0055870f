import { DECLINE_REASON_LABELS, HANDOFF_PATHS, type DeclineReason } from '@ketenkaart/shared-domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Labels of statuses, themes and hand-off codes in the UI language. */
export function useMonitoringLabels() {
  const { t } = useTranslation();
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
      // The hand-off pages' vocabularies (nl and en); the shared domain's Dutch label or the code as a fallback.
      path: (code: string) =>
        t(`handoffs.paths.${code}` as never, {
          defaultValue: HANDOFF_PATHS.find((path) => path.code === code)?.label ?? code,
        }) as string,
      declineReason: (code: string) =>
        t(`handoffs.declineReason.${code}` as never, {
          defaultValue: DECLINE_REASON_LABELS[code as DeclineReason] ?? code,
        }) as string,
    }),
    [t],
  );
}
