import type { PersonDetail } from '@ketenkaart/web-api-client';
import { DataList, DataListItem, Heading, Link as UtrechtLink, Paragraph } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { usePerson } from '../api/get-people';
import { useDirectoryPermissions } from '../hooks/use-directory-permissions';
import { useLabels } from '../hooks/use-labels';
import { EntryActions } from './entry-actions';
import { EndedBadge, UpkeepBadges } from './status-badges';
import { LastVerifiedItem } from './upkeep-info';

const linkClass = 'utrecht-link utrecht-link--html-a';

export function PersonDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error } = usePerson(id);
  useDocumentTitle(data?.name ?? t('directory.title'));
  if (error) return <ProblemAlert problem={error} />;
  if (!data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return <PersonView person={data} />;
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { canWrite } = useDirectoryPermissions();
  return (
    <article className="ketenkaart-entry">
      <Heading level={1}>{person.name}</Heading>
      <Paragraph lead>
        {person.organisation?.name} <UpkeepBadges stale={person.stale} archivedAt={person.archivedAt} />
      </Paragraph>
      <EntryActions
        kind="person"
        id={person.id}
        name={person.name}
        archived={person.archivedAt !== null}
        editHref={paths.personEdit.getHref(person.id)}
        historyHref={paths.personHistory.getHref(person.id)}
      />
      <DataList>
        {person.organisation ? (
          <DataListItem label={t('directory.person.organisation')}>
            <Link className={linkClass} to={paths.organisation.getHref(person.organisation.id)}>
              {person.organisation.name}
            </Link>
          </DataListItem>
        ) : null}
        {person.workEmail ? (
          <DataListItem label={t('directory.person.workEmail')}>
            <UtrechtLink href={`mailto:${person.workEmail}`}>{person.workEmail}</UtrechtLink>
          </DataListItem>
        ) : null}
        {person.workPhone ? (
          <DataListItem label={t('directory.person.workPhone')}>
            <UtrechtLink href={`tel:${person.workPhone.replace(/[^+0-9]/g, '')}`}>
              {person.workPhone}
            </UtrechtLink>
          </DataListItem>
        ) : null}
        <LastVerifiedItem at={person.lastVerifiedAt} by={person.lastVerifiedBy} />
      </DataList>

      <Heading level={2}>{t('directory.person.functions')}</Heading>
      {canWrite ? (
        <Paragraph className="ketenkaart-directory__new">
          <Link className={linkClass} to={paths.functionNew.getHref(person.id)}>
            {t('directory.person.addFunction')}
          </Link>
        </Paragraph>
      ) : null}
      {person.functions.length ? (
        <ul className="ketenkaart-results">
          {person.functions.map((held) => {
            const label = labels.functionType(held.functionType);
            return (
              <li key={held.id} className="ketenkaart-result">
                <Paragraph>
                  <strong>{label}</strong>: {held.scopeName} {held.current ? null : <EndedBadge />}
                </Paragraph>
                {canWrite ? (
                  <Paragraph small className="ketenkaart-directory__new">
                    <Link className={linkClass} to={paths.functionEdit.getHref(held.id)}>
                      {t('directory.person.editFunction', { label, scope: held.scopeName })}
                    </Link>
                    <Link className={linkClass} to={paths.functionHistory.getHref(held.id)}>
                      {t('directory.person.functionHistory', { label, scope: held.scopeName })}
                    </Link>
                  </Paragraph>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <Paragraph>{t('directory.person.noFunctions')}</Paragraph>
      )}
    </article>
  );
}
