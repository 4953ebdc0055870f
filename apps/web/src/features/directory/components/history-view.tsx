import type { ProblemDetails } from '@ketenkaart/shared-domain';
import { toProblemDetails, type Change } from '@ketenkaart/web-api-client';
import {
  Alert,
  Button,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useHistory } from '../api/get-history';
import { restoreVersion } from '../api/write-entries';
import { useDirectoryPermissions } from '../hooks/use-directory-permissions';
import { useLabels } from '../hooks/use-labels';
import type { EntryKind } from '../lib/entry-kind';
import { formatDateTime } from '../lib/format';
import { describeValue, sortChanges } from '../lib/history-diff';

export interface HistoryViewProps {
  kind: EntryKind;
  id: string;
  /** The entry's current version, needed to restore (optimistic locking). */
  currentVersion: number;
}

type FieldKey = 'name';

/** Every change, newest first, as a readable diff (field: old → new), each with a restore button. */
export function HistoryView({ kind, id, currentVersion }: HistoryViewProps) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { canWrite } = useDirectoryPermissions();
  const { data, error } = useHistory(kind, id, canWrite);
  const [busy, setBusy] = useState<number | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const [problem, setProblem] = useState<ProblemDetails | null>(null);

  if (!canWrite)
    return (
      <Alert type="info">
        <Paragraph>{t('directory.form.noPermission')}</Paragraph>
      </Alert>
    );
  if (error) return <ProblemAlert problem={error} />;
  if (!data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;

  const words = {
    empty: t('directory.history.empty'),
    yes: t('directory.history.yes'),
    no: t('directory.history.no'),
  };
  const valueLabel = (field: string, value: string) => {
    if (field === 'type') return labels.organisationType(value);
    if (field === 'functionType') return labels.functionType(value);
    if (field === 'exploitationForms') return labels.exploitationForm(value);
    if (field === 'targetGroups') return labels.targetGroup(value);
    return value;
  };
  const fieldLabel = (field: string) => t(`directory.fields.${field as FieldKey}`, { defaultValue: field });

  const restore = async (change: Change) => {
    setBusy(change.version);
    setProblem(null);
    setRestored(null);
    try {
      await restoreVersion(kind, id, change.version, currentVersion);
      setRestored(change.version);
    } catch (failure) {
      setProblem(toProblemDetails(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {restored !== null ? (
        <Alert type="ok">
          <Paragraph>{t('directory.history.restored', { version: restored })}</Paragraph>
        </Alert>
      ) : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
      <ol className="ketenkaart-history">
        {data.items.map((change) => {
          const action = t(`directory.history.action.${change.action as 'updated'}`, {
            defaultValue: change.action,
          });
          return (
            <li key={change.id} className="ketenkaart-history__entry">
              <Heading level={2}>{t('directory.history.version', { version: change.version })}</Heading>
              <Paragraph>
                {t('directory.history.byAt', {
                  action,
                  by: change.changedBy,
                  date: formatDateTime(change.changedAt, i18n.language),
                })}
              </Paragraph>
              {change.changes.length ? (
                <Table>
                  <TableCaption className="ketenkaart-visually-hidden">
                    {t('directory.history.version', { version: change.version })}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('directory.history.field')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('directory.history.old')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('directory.history.new')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {sortChanges(change.changes).map((fieldChange) => (
                      <TableRow key={fieldChange.field}>
                        <TableHeaderCell scope="row">{fieldLabel(fieldChange.field)}</TableHeaderCell>
                        <TableCell>
                          <del className="ketenkaart-history__old">
                            {describeValue(fieldChange.old, words, valueLabel, fieldChange.field)}
                          </del>
                        </TableCell>
                        <TableCell>
                          <ins className="ketenkaart-history__new">
                            {describeValue(fieldChange.new, words, valueLabel, fieldChange.field)}
                          </ins>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              ) : (
                <Paragraph small>{t('directory.history.noChanges')}</Paragraph>
              )}
              {change.version === currentVersion ? (
                <Paragraph small>{t('directory.history.current')}</Paragraph>
              ) : (
                <Button
                  busy={busy === change.version}
                  disabled={busy !== null}
                  onClick={() => void restore(change)}
                >
                  {t('directory.history.restore', { version: change.version })}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
