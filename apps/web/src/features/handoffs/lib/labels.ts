import { useTranslation } from 'react-i18next';

/** Labels of the hand-off vocabularies in the current language; an unknown code falls back to the code. */
export function useHandoffLabels() {
  const { t } = useTranslation();
  const label = (key: string, code: string | null | undefined) =>
    code ? (t(`${key}.${code}` as never, { defaultValue: code }) as string) : '';
  return {
    state: (code: string) => label('handoffs.state', code),
    path: (code: string) => label('handoffs.paths', code),
    transition: (code: string) => label('handoffs.transition', code),
    event: (code: string) => label('handoffs.event', code),
    declineReason: (code: string | null) => label('handoffs.declineReason', code),
    withdrawReason: (code: string | null) => label('handoffs.withdrawReason', code),
    reason: (code: string | null) =>
      code
        ? (t(`handoffs.declineReason.${code}` as never, {
            defaultValue: t(`handoffs.withdrawReason.${code}` as never, { defaultValue: code }),
          }) as string)
        : '',
    ageBand: (code: string) => label('handoffs.ageBand', code),
    legalBasis: (code: string) => label('handoffs.legalBasis', code),
    consentGivenBy: (code: string | null) => label('handoffs.consentGivenBy', code),
    party: (code: string) => label('handoffs.party', code),
    identifyingData: (kind: string) => label('handoffs.identifyingData', kind),
    form: (code: string) => label('directory.exploitationForm', code),
    targetGroup: (code: string) => label('directory.targetGroup', code),
    organisationType: (code: string) => label('directory.organisationType', code),
    level: (code: string | null) => label('responsibilities.level', code),
    task: (code: string, fallback: string) =>
      t(`responsibilities.task.${code}` as never, { defaultValue: fallback }) as string,
    functionType: (code: string | null) => label('directory.functionType', code),
    /** The organisation's name, or a function inbox as "Zorgcoördinator · Twente". */
    receiver: (receiver: {
      organisation: { name: string } | null;
      regionName: string | null;
      functionType: string | null;
    }) =>
      receiver.organisation?.name ??
      (t('handoffs.functionInbox', {
        function: label('directory.functionType', receiver.functionType),
        region: receiver.regionName ?? '',
      }) as string),
  };
}

export type HandoffLabels = ReturnType<typeof useHandoffLabels>;

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** `2026-11-28` → "28 nov 2026"; date-times include the time (Dutch time zone). */
export function formatDate(value: string | null | undefined, language = 'nl'): string {
  if (!value) return '';
  const date = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const format =
    language === 'nl'
      ? value.length === 10
        ? dateFormat
        : dateTimeFormat
      : new Intl.DateTimeFormat(language, {
          dateStyle: 'medium',
          ...(value.length === 10 ? {} : { timeStyle: 'short' }),
          timeZone: 'Europe/Amsterdam',
        });
  return format.format(date);
}
