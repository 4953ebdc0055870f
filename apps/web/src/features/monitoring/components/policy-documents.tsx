import { EXPLOITATION_FORMS, type ExploitationForm } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@ketenkaart/web-ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-fields';
import { createPolicyDocument, usePolicyDocuments } from '../api/policy-documents';
import { refreshMonitoring } from '../api/query-keys';
import { useMonitoringLabels } from '../lib/labels';

type Field = 'title' | 'url' | 'adoptedOn' | 'exploitationForms' | 'validUntil';
const FIELDS: readonly Field[] = ['title', 'url', 'adoptedOn', 'exploitationForms', 'validUntil'];

/** The adopted policy documents of a gemeente (evidence for the Kader), and a small form to add one. */
export function PolicyDocuments({ gmCode, name }: { gmCode: string; name: string }) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const id = useId().replace(/:/g, '');
  const documents = usePolicyDocuments(gmCode);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);
  const fieldId = (field: Field) => `${id}-${field}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const text = (field: Field) => String(data.get(field) ?? '').trim();
    const body = {
      title: text('title'),
      url: text('url') || null,
      adoptedOn: text('adoptedOn'),
      exploitationForms: data.getAll('exploitationForms').map(String) as ExploitationForm[],
      validUntil: text('validUntil') || null,
    };
    const invalid: Partial<Record<Field, string>> = {};
    if (body.title.length < 3) invalid.title = t('monitoring.policy.errors.title');
    if (!body.adoptedOn) invalid.adoptedOn = t('monitoring.policy.errors.adoptedOn');
    setSaved(null);
    setFormError(null);
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      setFailures((count) => count + 1);
      return;
    }
    setBusy(true);
    try {
      await createPolicyDocument(gmCode, body);
      setErrors({});
      formElement.reset();
      setSaved(t('monitoring.policy.saved', { title: body.title }));
      refreshMonitoring();
    } catch (error) {
      const problem = toProblemDetails(error);
      const fromApi: Partial<Record<Field, string>> = {};
      for (const param of problem.invalidParams ?? []) {
        const field = FIELDS.find((name) => param.name === name || param.name.startsWith(`${name}.`));
        if (field) fromApi[field] = param.reason;
      }
      setErrors(fromApi);
      setFormError(Object.keys(fromApi).length ? null : (problem.detail ?? t('errors.generic')));
      setFailures((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = documents.data?.items ?? [];
  const summaryItems = FIELDS.flatMap((field) =>
    errors[field]
      ? [
          {
            fieldId: field === 'exploitationForms' ? `${fieldId(field)}-0` : fieldId(field),
            message: errors[field]!,
          },
        ]
      : [],
  );
  return (
    <section
      className="ketenkaart-monitoring__section"
      aria-labelledby={`${id}-heading`}
      data-testid="policy-documents"
    >
      <Heading level={2} id={`${id}-heading`}>
        {t('monitoring.policy.heading')}
      </Heading>
      {items.length ? (
        <Table>
          <TableCaption>{t('monitoring.policy.caption', { name })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.policy.title')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.policy.adoptedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.policy.forms')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.policy.inForce')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((document) => (
              <TableRow key={document.id}>
                <TableHeaderCell scope="row">
                  {document.url ? (
                    <a className="utrecht-link utrecht-link--html-a" href={document.url} rel="noreferrer">
                      {document.title}
                    </a>
                  ) : (
                    document.title
                  )}
                </TableHeaderCell>
                <TableCell>{document.adoptedOn}</TableCell>
                <TableCell>
                  {document.exploitationForms.map((form) => labels.form(form)).join(', ') || '—'}
                </TableCell>
                <TableCell>
                  {document.inForce
                    ? t('monitoring.af.yes')
                    : document.validUntil
                      ? t('monitoring.policy.endedOn', { date: document.validUntil })
                      : t('monitoring.af.no')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Paragraph>{documents.isLoading ? t('monitoring.loading') : t('monitoring.policy.none')}</Paragraph>
      )}

      <form
        className="ketenkaart-form ketenkaart-policy-form"
        onSubmit={submit}
        noValidate
        aria-labelledby={`${id}-add`}
      >
        <Heading level={3} id={`${id}-add`}>
          {t('monitoring.policy.add')}
        </Heading>
        {summaryItems.length || formError ? (
          <ErrorSummary
            ref={summaryRef}
            title={t('forms.errorSummaryTitle')}
            items={summaryItems}
            role="alert"
          >
            {formError ? <Paragraph>{formError}</Paragraph> : null}
          </ErrorSummary>
        ) : null}
        {saved ? (
          <Alert type="ok">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        ) : null}
        <TextField
          id={fieldId('title')}
          name="title"
          label={t('monitoring.policy.title')}
          message={errors.title}
          required
        />
        <TextField
          id={fieldId('url')}
          name="url"
          type="url"
          inputMode="url"
          label={t('monitoring.policy.url')}
          description={t('monitoring.assessment.evidenceHint')}
          message={errors.url}
        />
        <TextField
          id={fieldId('adoptedOn')}
          name="adoptedOn"
          type="date"
          label={t('monitoring.policy.adoptedOn')}
          message={errors.adoptedOn}
          required
        />
        <Fieldset invalid={Boolean(errors.exploitationForms)}>
          <FieldsetLegend>{t('monitoring.policy.forms')}</FieldsetLegend>
          {errors.exploitationForms ? (
            <FormFieldErrorMessage id={`${fieldId('exploitationForms')}-error`}>
              {errors.exploitationForms}
            </FormFieldErrorMessage>
          ) : null}
          {EXPLOITATION_FORMS.map((form, index) => (
            <FormField key={form} className="utrecht-form-field--checkbox">
              <Checkbox
                id={`${fieldId('exploitationForms')}-${index}`}
                name="exploitationForms"
                value={form}
              />
              <FormLabel htmlFor={`${fieldId('exploitationForms')}-${index}`}>{labels.form(form)}</FormLabel>
            </FormField>
          ))}
        </Fieldset>
        <TextField
          id={fieldId('validUntil')}
          name="validUntil"
          type="date"
          label={t('monitoring.policy.validUntil')}
          message={errors.validUntil}
        />
        <Button type="submit" busy={busy} disabled={busy}>
          {t('monitoring.policy.save')}
        </Button>
      </form>
    </section>
  );
}
