import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { toProblemDetails } from '@ketenkaart/web-api-client';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  ErrorSummary,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
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
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import {
  getImport,
  parseRowParam,
  startImport,
  type DirectoryImportJob,
  type DirectoryImportKind,
} from '../api/import-directory';
import { useDirectoryPermissions } from '../hooks/use-directory-permissions';

const FORM = 'directory-import';
const KINDS: readonly DirectoryImportKind[] = ['organisations', 'people'];
/** How often a background import (202) is asked for its progress. */
const POLL_MS = 1000;

interface RowError {
  row: number | null;
  column: string | null;
  reason: string;
}

type Outcome =
  | { type: 'done'; job: DirectoryImportJob }
  | { type: 'running'; job: DirectoryImportJob; jobId: string }
  | { type: 'rows'; dryRun: boolean; errors: RowError[]; detail?: string }
  | { type: 'problem'; problem: ProblemDetails };

function rowErrorsOf(problem: ProblemDetails): RowError[] {
  return (problem.invalidParams ?? []).map((param) => ({
    ...parseRowParam(param.name),
    reason: param.reason,
  }));
}

/**
 * CSV import for CoMensha (issue 3 §6): pick a kind and a file, check it (dry run) or import it. Any invalid
 * row means nothing is imported; each error is listed with its row and column. Large files run in the
 * background (202) and show their progress.
 */
export function DirectoryImport() {
  const { t } = useTranslation();
  const { canWrite } = useDirectoryPermissions();
  const [kind, setKind] = useState<DirectoryImportKind>('organisations');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const fileId = `${FORM}-file`;

  // A background import: ask for its progress until it finished.
  const runningId = outcome?.type === 'running' ? outcome.jobId : null;
  useEffect(() => {
    if (!runningId) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const job = await getImport(runningId, controller.signal);
        if (job.status === 'succeeded' || job.status === 'validated') setOutcome({ type: 'done', job });
        else if (job.status === 'failed')
          setOutcome({
            type: 'rows',
            dryRun: job.dryRun,
            errors: job.errors.map((error) => ({
              row: error.row,
              column: error.column,
              reason: error.reason,
            })),
          });
        else {
          setOutcome({ type: 'running', job, jobId: runningId });
          timer = window.setTimeout(() => void poll(), POLL_MS);
        }
      } catch (error) {
        if (!controller.signal.aborted) setOutcome({ type: 'problem', problem: toProblemDetails(error) });
      }
    };
    timer = window.setTimeout(() => void poll(), POLL_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [runningId]);

  const finished = outcome !== null && outcome.type !== 'running';
  useEffect(() => {
    if (finished) resultRef.current?.focus();
  }, [finished, outcome]);

  if (!canWrite) {
    return (
      <Alert type="info">
        <Paragraph>{t('directory.form.noPermission')}</Paragraph>
      </Alert>
    );
  }

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setOutcome(null);
    if (!chosen) {
      setFile(null);
      return;
    }
    setFile({ name: chosen.name, text: await chosen.text() });
    setFileError(null);
  };

  const submit = async (dryRun: boolean) => {
    if (!file || file.text.trim() === '') {
      setFileError(file ? t('directory.import.errors.empty') : t('directory.import.errors.noFile'));
      window.setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setFileError(null);
    setOutcome(null);
    setBusy(true);
    try {
      const started = await startImport(kind, file.text, dryRun);
      setOutcome(
        started.status === 202
          ? { type: 'running', job: started.job, jobId: started.jobId }
          : { type: 'done', job: started.job },
      );
    } catch (error) {
      const problem = toProblemDetails(error);
      const rows = problem.status === 400 ? rowErrorsOf(problem) : [];
      setOutcome(
        rows.length
          ? { type: 'rows', dryRun, errors: rows, detail: problem.detail }
          : { type: 'problem', problem },
      );
    } finally {
      setBusy(false);
    }
  };

  const kindLabel = (value: DirectoryImportKind) => t(`directory.import.kind.${value}`);

  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to={paths.directory.getHref()}>
          {t('directory.backToSearch')}
        </Link>
      </Paragraph>
      <form
        noValidate
        className="ketenkaart-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(false);
        }}
      >
        {fileError ? (
          <ErrorSummary
            ref={summaryRef}
            title={t('directory.form.errorSummary')}
            items={[{ fieldId: fileId, message: fileError }]}
          />
        ) : null}
        <Fieldset>
          <FieldsetLegend>{t('directory.import.kindLegend')}</FieldsetLegend>
          {KINDS.map((option) => {
            const id = `${FORM}-kind-${option}`;
            return (
              <div className="utrecht-form-field utrecht-form-field--radio" key={option}>
                <input
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={id}
                  name={`${FORM}-kind`}
                  value={option}
                  checked={kind === option}
                  onChange={() => {
                    setKind(option);
                    setOutcome(null);
                  }}
                />{' '}
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                  {kindLabel(option)}
                </label>
              </div>
            );
          })}
        </Fieldset>
        <FormField className={fileError ? 'utrecht-form-field--invalid' : undefined}>
          <FormLabel htmlFor={fileId}>
            {t('directory.import.file')}{' '}
            <span className="ketenkaart-form__required">{t('directory.form.required')}</span>
          </FormLabel>
          <FormFieldDescription id={`${fileId}-description`}>
            {t(`directory.import.fileHint.${kind}`)}
          </FormFieldDescription>
          {fileError ? (
            <FormFieldErrorMessage id={`${fileId}-error`}>{fileError}</FormFieldErrorMessage>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              id={fileId}
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={[`${fileId}-description`, fileError ? `${fileId}-error` : null]
                .filter(Boolean)
                .join(' ')}
              onChange={(event) => void onFile(event)}
            />
          </div>
        </FormField>
        <ButtonGroup>
          <Button busy={busy} disabled={busy} onClick={() => void submit(true)}>
            {t('directory.import.check')}
          </Button>
          <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
            {t('directory.import.import')}
          </Button>
        </ButtonGroup>
      </form>

      <div aria-live="polite">
        {busy ? <Paragraph>{t('directory.import.sending')}</Paragraph> : null}
        {outcome?.type === 'running' ? <Progress job={outcome.job} /> : null}
      </div>
      {finished ? (
        <section aria-labelledby={`${FORM}-result`}>
          <Heading level={2} id={`${FORM}-result`} ref={resultRef} tabIndex={-1}>
            {t('directory.import.result')}
          </Heading>
          {outcome.type === 'done' ? <Counts job={outcome.job} kind={kindLabel(outcome.job.kind)} /> : null}
          {outcome.type === 'rows' ? <RowErrors errors={outcome.errors} dryRun={outcome.dryRun} /> : null}
          {outcome.type === 'problem' ? <ProblemAlert problem={outcome.problem} /> : null}
        </section>
      ) : null}
    </>
  );
}

function Progress({ job }: { job: DirectoryImportJob }) {
  const { t } = useTranslation();
  const text = t('directory.import.progress', { processed: job.processedRows, total: job.totalRows });
  return (
    <Paragraph>
      <label htmlFor={`${FORM}-progress`}>{text}</label>{' '}
      <progress id={`${FORM}-progress`} max={Math.max(job.totalRows, 1)} value={job.processedRows}>
        {text}
      </progress>
    </Paragraph>
  );
}

function Counts({ job, kind }: { job: DirectoryImportJob; kind: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="ok">
        <Paragraph>
          {job.dryRun
            ? t('directory.import.checked', { count: job.totalRows })
            : t('directory.import.imported', { count: job.totalRows, kind: kind.toLowerCase() })}
        </Paragraph>
      </Alert>
      <DataList>
        <DataListItem label={t('directory.import.created')}>{job.created}</DataListItem>
        <DataListItem label={t('directory.import.updated')}>{job.updated}</DataListItem>
        <DataListItem label={t('directory.import.unchanged')}>{job.unchanged}</DataListItem>
      </DataList>
    </>
  );
}

function RowErrors({ errors, dryRun }: { errors: RowError[]; dryRun: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="error">
        <Paragraph>
          {t('directory.import.rowErrors', { count: errors.length })}{' '}
          {dryRun ? null : t('directory.import.nothingImported')}
        </Paragraph>
      </Alert>
      <Table>
        <TableCaption>{t('directory.import.errorTable')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('directory.import.row')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('directory.import.column')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('directory.import.message')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {errors.map((error, index) => (
            <TableRow key={index}>
              <TableHeaderCell scope="row">{error.row ?? '–'}</TableHeaderCell>
              <TableCell>{error.column ?? t('directory.import.wholeRow')}</TableCell>
              <TableCell>{error.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
