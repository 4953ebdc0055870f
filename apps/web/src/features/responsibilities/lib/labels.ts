import type { ResponsibilityLevelName } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';

export const LEVELS: readonly ResponsibilityLevelName[] = [
  'lead',
  'contributes',
  'refers-on',
  'not-responsible',
];
export const FORMS = [
  'seksuele-uitbuiting',
  'arbeidsuitbuiting',
  'criminele-uitbuiting',
  'gedwongen-orgaanverwijdering',
] as const;
export const TARGET_GROUPS = ['nl-adult', 'eu-adult', 'non-eu-adult', 'minor', 'amv'] as const;
export const NEEDS = [
  'opvang',
  'aangifte',
  'verblijf',
  'zorgcoordinatie',
  'bestuurlijke-interventie',
  'advies',
] as const;

/** Labels of the matrix vocabularies in the current language; unknown codes fall back to the code. */
export function useMatrixLabels() {
  const { t } = useTranslation();
  const label = (key: string, code: string) => t(`${key}.${code}` as never, { defaultValue: code }) as string;
  return {
    level: (code: string) => label('responsibilities.level', code),
    task: (code: string) => label('responsibilities.task', code),
    need: (code: string) => label('responsibilities.need', code),
    form: (code: string) => label('directory.exploitationForm', code),
    targetGroup: (code: string) => label('directory.targetGroup', code),
    organisationType: (code: string) => label('directory.organisationType', code),
    functionType: (code: string) => label('directory.functionType', code),
  };
}
