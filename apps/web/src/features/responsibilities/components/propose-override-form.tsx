import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@ketenkaart/web-ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useRegionOrganisations } from '../api/get-region-organisations';
import { proposeOverride } from '../api/propose-override';
import type { ProposeOverrideInput as Input } from '../api/types';
import { FORMS, LEVELS, TARGET_GROUPS, useMatrixLabels } from '../lib/labels';

export interface ProposeOverrideFormProps {
  regionId: string;
  regionName: string;
  tasks: readonly { code: string }[];
  organisationTypes: readonly { code: string }[];
  defaultForm: string;
  defaultTargetGroup: string;
  onProposed: () => void;
}

/** Edit mode for ketenregisseurs and beheerders: propose one cell of a regional agreement (approved separately). */
export function ProposeOverrideForm(props: ProposeOverrideFormProps) {
  const { t } = useTranslation();
  const labels = useMatrixLabels();
  const id = useId();
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [organisationType, setOrganisationType] = useState(props.organisationTypes[0]?.code ?? '');
  const organisations = useRegionOrganisations(props.regionId, organisationType);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      await proposeOverride(props.regionId, {
        task: value('task') as Input['task'],
        organisationType: value('organisationType') as Input['organisationType'],
        exploitationForm: (value('exploitationForm') || null) as Input['exploitationForm'],
        targetGroup: value('targetGroup') || null,
        level: value('level') as Input['level'],
        organisationId: value('organisationId') || null,
        note: value('note'),
        sourceTitle: value('sourceTitle'),
        validFrom: value('validFrom') || undefined,
      });
      setDone(true);
      props.onProposed();
    } catch (error) {
      setProblem(toProblemDetails(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ketenkaart-matrix__propose ketenkaart-no-print" aria-labelledby={`${id}-heading`}>
      <Heading level={2} id={`${id}-heading`}>
        {t('responsibilities.propose.heading', { region: props.regionName })}
      </Heading>
      <Paragraph>{t('responsibilities.propose.intro')}</Paragraph>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {done ? (
        <Alert type="ok">
          <Paragraph>{t('responsibilities.propose.done')}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={submit} className="ketenkaart-matrix__propose-form">
        <FormField>
          <FormLabel htmlFor={`${id}-task`}>{t('responsibilities.taskColumn')}</FormLabel>
          <Select id={`${id}-task`} name="task" required>
            {props.tasks.map((task) => (
              <SelectOption key={task.code} value={task.code}>
                {labels.task(task.code)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-type`}>{t('responsibilities.organisationType')}</FormLabel>
          <Select
            id={`${id}-type`}
            name="organisationType"
            required
            value={organisationType}
            onChange={(event) => setOrganisationType(event.target.value)}
          >
            {props.organisationTypes.map((type) => (
              <SelectOption key={type.code} value={type.code}>
                {labels.organisationType(type.code)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-organisation`}>{t('responsibilities.propose.organisation')}</FormLabel>
          <Select id={`${id}-organisation`} name="organisationId" defaultValue="">
            <SelectOption value="">{t('responsibilities.propose.anyOrganisation')}</SelectOption>
            {(organisations.data?.items ?? []).map((organisation) => (
              <SelectOption key={organisation.id} value={organisation.id}>
                {organisation.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-form`}>{t('responsibilities.form')}</FormLabel>
          <Select id={`${id}-form`} name="exploitationForm" defaultValue={props.defaultForm}>
            <SelectOption value="">{t('responsibilities.allForms')}</SelectOption>
            {FORMS.map((form) => (
              <SelectOption key={form} value={form}>
                {labels.form(form)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-group`}>{t('responsibilities.targetGroup')}</FormLabel>
          <Select id={`${id}-group`} name="targetGroup" defaultValue={props.defaultTargetGroup}>
            <SelectOption value="">{t('responsibilities.allTargetGroups')}</SelectOption>
            {TARGET_GROUPS.map((group) => (
              <SelectOption key={group} value={group}>
                {labels.targetGroup(group)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-level`}>{t('responsibilities.levelLabel')}</FormLabel>
          <Select id={`${id}-level`} name="level" required>
            {LEVELS.map((level) => (
              <SelectOption key={level} value={level}>
                {labels.level(level)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-note`}>{t('responsibilities.propose.note')}</FormLabel>
          <Textbox id={`${id}-note`} name="note" required maxLength={2000} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-source`}>{t('responsibilities.propose.sourceTitle')}</FormLabel>
          <Textbox id={`${id}-source`} name="sourceTitle" required maxLength={200} />
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-from`}>{t('responsibilities.propose.validFrom')}</FormLabel>
          <Textbox id={`${id}-from`} name="validFrom" type="date" />
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={busy}>
          {t('responsibilities.propose.submit')}
        </Button>
      </form>
    </section>
  );
}
