import {
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  LevelBadge,
  Paragraph,
  Select,
  SelectOption,
  type ResponsibilityLevelName,
} from '@ketenkaart/web-ui';
import { useEffect, useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLookup } from '../api/get-lookup';
import { useAllMunicipalities } from '../api/get-municipalities';
import type { Lookup, LookupEntry } from '../api/types';
import { FORMS, NEEDS, TARGET_GROUPS, useMatrixLabels } from '../lib/labels';
import { SourceNote } from './source-note';
import '../responsibilities.css';

const collator = new Intl.Collator('nl');

/** "Wie moet ik bellen?": gemeente, form, target group and need → who leads, who helps, and who not to call. */
export function LookupWizard() {
  const { t } = useTranslation();
  const labels = useMatrixLabels();
  const [search, setSearch] = useSearchParams();
  const id = useId();
  const { data: municipalities } = useAllMunicipalities();
  const query = {
    gm: search.get('gm') ?? '',
    form: search.get('vorm') ?? '',
    targetGroup: search.get('doelgroep') ?? '',
    need: search.get('vraag') ?? '',
  };
  const complete = Boolean(query.gm && query.form && query.targetGroup && query.need);
  const { data: answer, error } = useLookup(complete ? query : null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  // After asking, focus moves to the answer so screen reader users hear it.
  useEffect(() => {
    if (answer && search.get('gevraagd')) resultRef.current?.focus();
  }, [answer, search]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [name, key] of [
      ['gm', 'gm'],
      ['form', 'vorm'],
      ['targetGroup', 'doelgroep'],
      ['need', 'vraag'],
    ] as const) {
      const value = String(data.get(name) ?? '');
      if (value) next.set(key, value);
    }
    next.set('gevraagd', '1');
    setSearch(next);
  };

  const sorted = [...(municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name));

  return (
    <div className="ketenkaart-lookup">
      <form
        onSubmit={submit}
        className="ketenkaart-lookup__form"
        // Remount when the gemeenten arrive, so the preselected one (from ?gm=) is applied to the full list.
        key={`${search.toString()}:${municipalities ? 'loaded' : 'loading'}`}
      >
        <FormField>
          <FormLabel htmlFor={`${id}-gm`}>{t('responsibilities.lookup.municipality')}</FormLabel>
          <Select id={`${id}-gm`} name="gm" defaultValue={query.gm} required busy={!municipalities}>
            <SelectOption value="">{t('responsibilities.lookup.choose')}</SelectOption>
            {query.gm && !municipalities ? <SelectOption value={query.gm}>{query.gm}</SelectOption> : null}
            {sorted.map((municipality) => (
              <SelectOption key={municipality.code} value={municipality.code}>
                {municipality.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-form`}>{t('responsibilities.form')}</FormLabel>
          <Select id={`${id}-form`} name="form" defaultValue={query.form} required>
            <SelectOption value="">{t('responsibilities.lookup.choose')}</SelectOption>
            {FORMS.map((form) => (
              <SelectOption key={form} value={form}>
                {labels.form(form)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-group`}>{t('responsibilities.targetGroup')}</FormLabel>
          <Select id={`${id}-group`} name="targetGroup" defaultValue={query.targetGroup} required>
            <SelectOption value="">{t('responsibilities.lookup.choose')}</SelectOption>
            {TARGET_GROUPS.map((group) => (
              <SelectOption key={group} value={group}>
                {labels.targetGroup(group)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={`${id}-need`}>{t('responsibilities.lookup.need')}</FormLabel>
          <FormFieldDescription id={`${id}-need-hint`}>
            {t('responsibilities.lookup.needHint')}
          </FormFieldDescription>
          <Select
            id={`${id}-need`}
            name="need"
            defaultValue={query.need}
            required
            aria-describedby={`${id}-need-hint`}
          >
            <SelectOption value="">{t('responsibilities.lookup.choose')}</SelectOption>
            {NEEDS.map((need) => (
              <SelectOption key={need} value={need}>
                {labels.need(need)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <Button type="submit" appearance="primary-action">
          {t('responsibilities.lookup.submit')}
        </Button>
      </form>

      {error ? <ProblemAlert problem={error} /> : null}
      {complete && !answer && !error ? (
        <Paragraph role="status">{t('responsibilities.loading')}</Paragraph>
      ) : null}
      {answer ? <LookupAnswer answer={answer} headingRef={resultRef} /> : null}
    </div>
  );
}

function LookupAnswer({
  answer,
  headingRef,
}: {
  answer: Lookup;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const labels = useMatrixLabels();
  const groups: { key: string; entries: LookupEntry[] }[] = [
    { key: 'responsible', entries: answer.responsible },
    { key: 'contributes', entries: answer.contributes },
    { key: 'refersOn', entries: answer.refersOn },
    { key: 'notResponsible', entries: answer.notResponsible },
  ];
  return (
    <section className="ketenkaart-lookup__answer" aria-labelledby="lookup-answer">
      <Heading level={2} id="lookup-answer" ref={headingRef} tabIndex={-1}>
        {t('responsibilities.lookup.answerHeading', {
          municipality: answer.municipality?.label ?? '',
          need: labels.need(answer.need),
        })}
      </Heading>
      <Paragraph>
        {t('responsibilities.lookup.answerFor', {
          form: labels.form(answer.form),
          group: labels.targetGroup(answer.targetGroup),
        })}
      </Paragraph>
      {answer.keyContacts.length > 0 ? (
        <>
          <Heading level={3}>{t('responsibilities.lookup.keyContacts')}</Heading>
          <ul className="ketenkaart-lookup__contacts">
            {answer.keyContacts.map((holder, index) => (
              <li key={index}>
                <strong>{labels.functionType(holder.functionType)}</strong> ({holder.scopeName}):{' '}
                {holder.opAfstand ? t('responsibilities.lookup.opAfstand') : holder.name}
                {holder.workPhone ? ` · ${holder.workPhone}` : null}
                {holder.workEmail ? (
                  <>
                    {' · '}
                    <a className="utrecht-link utrecht-link--html-a" href={`mailto:${holder.workEmail}`}>
                      {holder.workEmail}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {groups.map((group) =>
        group.entries.length > 0 ? (
          <section
            key={group.key}
            className={`ketenkaart-lookup__group ketenkaart-lookup__group--${group.key}`}
          >
            <Heading level={3}>{t(`responsibilities.lookup.groups.${group.key}` as never)}</Heading>
            <ul className="ketenkaart-lookup__entries">
              {group.entries.map((entry) => (
                <li key={`${entry.task}|${entry.organisationType}`} className="ketenkaart-lookup__entry">
                  <p className="ketenkaart-lookup__entry-title">
                    <LevelBadge
                      level={entry.level as ResponsibilityLevelName}
                      label={labels.level(entry.level)}
                      compact
                    />{' '}
                    <strong>{labels.organisationType(entry.organisationType)}</strong> —{' '}
                    {labels.task(entry.task)}
                    {entry.origin === 'regional-agreement'
                      ? ` (${t('responsibilities.regionalAgreement')})`
                      : null}
                  </p>
                  <p>{entry.note}</p>
                  {entry.organisations.length > 0 ? (
                    <ul className="ketenkaart-lookup__organisations">
                      {entry.organisations.map((organisation) => (
                        <li key={organisation.id}>
                          {organisation.name}
                          {organisation.contactPoints
                            .filter((point) => point.phone || point.email)
                            .map((point, index) => (
                              <span key={index}>
                                {' · '}
                                {point.label}: {point.phone ?? point.email}
                                {point.openingHours ? ` (${point.openingHours})` : null}
                              </span>
                            ))}
                          {organisation.functionHolders.map((holder, index) => (
                            <span key={`h${index}`}>
                              {' · '}
                              {labels.functionType(holder.functionType)}:{' '}
                              {holder.name ?? t('responsibilities.lookup.opAfstand')}
                            </span>
                          ))}
                        </li>
                      ))}
                    </ul>
                  ) : group.key !== 'notResponsible' ? (
                    <p className="ketenkaart-lookup__none">{t('responsibilities.lookup.noOrganisation')}</p>
                  ) : null}
                  <p>
                    <SourceNote source={entry.source} />
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </section>
  );
}
