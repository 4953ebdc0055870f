import { Alert, Heading, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useFunction } from '../api/get-functions';
import { useOrganisation } from '../api/get-organisations';
import { usePerson } from '../api/get-people';
import { useDirectoryPermissions } from '../hooks/use-directory-permissions';
import { useLabels } from '../hooks/use-labels';
import type { EntryKind } from '../lib/entry-kind';
import { HistoryView } from './history-view';
import { FunctionForm } from './function-form';
import { OrganisationForm } from './organisation-form';
import { PersonForm } from './person-form';

function NoPermission() {
  const { t } = useTranslation();
  return (
    <Alert type="info">
      <Paragraph>{t('directory.form.noPermission')}</Paragraph>
    </Alert>
  );
}

/** `id === null`: a new organisation. */
export function EditOrganisation({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { canWrite } = useDirectoryPermissions();
  const { data, error } = useOrganisation(id);
  const title = id
    ? t('directory.form.editOrganisation', { name: data?.name ?? '' })
    : t('directory.form.createOrganisation');
  useDocumentTitle(title);
  return (
    <>
      <Heading level={1}>{title}</Heading>
      {!canWrite ? (
        <NoPermission />
      ) : error ? (
        <ProblemAlert problem={error} />
      ) : id && !data ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : (
        <OrganisationForm key={data ? `${data.id}:${data.version}` : 'new'} organisation={data} />
      )}
    </>
  );
}

export function EditPerson({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { canWrite } = useDirectoryPermissions();
  const { data, error } = usePerson(id);
  const title = id
    ? t('directory.form.editPerson', { name: data?.name ?? '' })
    : t('directory.form.createPerson');
  useDocumentTitle(title);
  return (
    <>
      <Heading level={1}>{title}</Heading>
      {!canWrite ? (
        <NoPermission />
      ) : error ? (
        <ProblemAlert problem={error} />
      ) : id && !data ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : (
        <PersonForm key={data ? `${data.id}:${data.version}` : 'new'} person={data} />
      )}
    </>
  );
}

/** `id === null`: a new function, for `personId` when given (`?persoon=`). */
export function EditFunction({ id, personId }: { id: string | null; personId?: string | null }) {
  const { t } = useTranslation();
  const { canWrite } = useDirectoryPermissions();
  const { data, error } = useFunction(id);
  const holder = usePerson(id ? null : (personId ?? null));
  const title = id ? t('directory.form.editFunction') : t('directory.form.createFunction');
  useDocumentTitle(title);
  const problem = error ?? holder.error;
  return (
    <>
      <Heading level={1}>{title}</Heading>
      {!canWrite ? (
        <NoPermission />
      ) : problem ? (
        <ProblemAlert problem={problem} />
      ) : (id && !data) || (!id && personId && !holder.data) ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : (
        <FunctionForm
          key={data ? `${data.id}:${data.version}` : 'new'}
          assignment={data}
          holder={holder.data ? { value: holder.data.id, label: holder.data.name } : null}
        />
      )}
    </>
  );
}

/** The entry itself is read for its name, its current version (restore needs it) and the way back. */
function useEntry(kind: EntryKind, id: string) {
  const labels = useLabels();
  const organisation = useOrganisation(kind === 'organisation' ? id : null);
  const person = usePerson(kind === 'person' ? id : null);
  const assignment = useFunction(kind === 'function' ? id : null);
  if (kind === 'organisation') {
    const { data, error } = organisation;
    return {
      error,
      entry: data && { name: data.name, version: data.version, href: paths.organisation.getHref(data.id) },
    };
  }
  if (kind === 'person') {
    const { data, error } = person;
    return {
      error,
      entry: data && { name: data.name, version: data.version, href: paths.person.getHref(data.id) },
    };
  }
  const { data, error } = assignment;
  return {
    error,
    entry: data && {
      name: `${labels.functionType(data.functionType)}: ${data.region?.name ?? data.municipality?.name ?? ''}`,
      version: data.version,
      href: data.person ? paths.person.getHref(data.person.id) : paths.directory.getHref(),
    },
  };
}

export function EntryHistory({ kind, id }: { kind: EntryKind; id: string }) {
  const { t } = useTranslation();
  const { entry, error } = useEntry(kind, id);
  const title = t('directory.history.title', { name: entry?.name ?? '' });
  useDocumentTitle(title);
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{t('directory.history.intro')}</Paragraph>
      {entry ? (
        <Paragraph>
          <Link className="utrecht-link utrecht-link--html-a" to={entry.href}>
            {t('directory.history.backToEntry', { name: entry.name })}
          </Link>
        </Paragraph>
      ) : null}
      {error ? <ProblemAlert problem={error} /> : null}
      {entry ? <HistoryView kind={kind} id={id} currentVersion={entry.version} /> : null}
    </>
  );
}
