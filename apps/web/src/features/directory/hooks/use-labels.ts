import type {
  ExploitationForm,
  FunctionType,
  OrganisationType,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { useTranslation } from 'react-i18next';

/** Translated names of the directory's vocabularies; an unknown code shows as itself. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  return {
    organisationType: (code: string) =>
      t(`directory.organisationType.${code as OrganisationType}`, { defaultValue: code }),
    exploitationForm: (code: string) =>
      t(`directory.exploitationForm.${code as ExploitationForm}`, { defaultValue: code }),
    targetGroup: (code: string) => t(`directory.targetGroup.${code as TargetGroup}`, { defaultValue: code }),
    functionType: (code: string) =>
      t(`directory.functionType.${code as FunctionType}`, { defaultValue: code }),
    language: i18n.language,
  };
}
