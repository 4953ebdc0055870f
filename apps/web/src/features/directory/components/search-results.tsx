import type { ProblemDetails } from '@ketenkaart/shared-domain';
import type {
  FunctionPage,
  OrganisationPage,
  PersonPage,
  SearchPage,
  SearchResult,
} from '@ketenkaart/web-api-client';
import { Heading, Paragraph } from '@ketenkaart/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import type { QueryState } from '../../../lib/use-query';
import type { DirectoryView } from '../hooks/use-directory-search-params';
import { useLabels } from '../hooks/use-labels';
import { Pagination } from './pagination';
import { RemoteBadge, UpkeepBadges } from './status-badges';

export interface SearchResultsProps {
  view: DirectoryView;
  queries: {
    organisations: QueryState<OrganisationPage>;
    people: QueryState<PersonPage>;
    functions: QueryState<FunctionPage>;
    mixed: QueryState<SearchPage>;
  };
  page: number;
  pageSize: number;
  hrefForPage: (page: number) => string;
}

const linkClass = 'utrecht-link utrecht-link--html-a';

function resultHref(result: Pick<SearchResult, 'kind' | 'id'>): string | null {
  if (result.kind === 'organisation') return paths.organisation.getHref(result.id);
  if (result.kind === 'person') return paths.person.getHref(result.id);
  return null;
}

function Item({
  title,
  href,
  meta,
  children,
}: {
  title: string;
  href: string | null;
  meta?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li className="ketenkaart-result">
      <Heading level={3} className="ketenkaart-result__title">
        {href ? (
          <Link className={linkClass} to={href}>
            {title}
          </Link>
        ) : (
          title
        )}
      </Heading>
      {meta ? (
        <Paragraph small className="ketenkaart-result__meta">
          {meta}
        </Paragraph>
      ) : null}
      {children}
    </li>
  );
}

export function SearchResults({ view, queries, page, pageSize, hrefForPage }: SearchResultsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const query =
    view === 'organisaties'
      ? queries.organisations
      : view === 'personen'
        ? queries.people
        : view === 'functies'
          ? queries.functions
          : queries.mixed;
  const data = query.data as { total: number } | undefined;
  const error: ProblemDetails | undefined = query.error;

  let status = '';
  if (query.isLoading) status = t('directory.search.searching');
  else if (data) status = t('directory.search.resultCount', { count: data.total });

  let items: ReactNode = null;
  if (view === 'organisaties' && queries.organisations.data) {
    items = queries.organisations.data.items.map((organisation) => (
      <Item
        key={organisation.id}
        title={organisation.name}
        href={paths.organisation.getHref(organisation.id)}
        meta={
          <>
            {labels.organisationType(organisation.type)}{' '}
            <UpkeepBadges stale={organisation.stale} archivedAt={organisation.archivedAt} />
          </>
        }
      >
        {organisation.description ? <Paragraph small>{organisation.description}</Paragraph> : null}
      </Item>
    ));
  } else if (view === 'personen' && queries.people.data) {
    items = queries.people.data.items.map((person) => (
      <Item
        key={person.id}
        title={person.name}
        href={paths.person.getHref(person.id)}
        meta={
          <>
            {person.organisation?.name} <UpkeepBadges stale={person.stale} archivedAt={person.archivedAt} />
          </>
        }
      />
    ));
  } else if (view === 'functies' && queries.functions.data) {
    items = queries.functions.data.items.map((assignment) => (
      <Item
        key={assignment.id}
        title={`${labels.functionType(assignment.functionType)}: ${assignment.region?.name ?? assignment.municipality?.name ?? ''}`}
        href={assignment.person ? paths.person.getHref(assignment.person.id) : null}
        meta={
          <>
            {assignment.person?.name ?? assignment.organisation?.name}{' '}
            {assignment.opAfstand ? <RemoteBadge /> : null}{' '}
            <UpkeepBadges stale={assignment.stale} archivedAt={assignment.archivedAt} />
          </>
        }
      />
    ));
  } else if (view === 'alles' && queries.mixed.data) {
    items = queries.mixed.data.items.map((result) => (
      <Item
        key={`${result.kind}:${result.id}`}
        title={result.title}
        href={resultHref(result)}
        meta={[t(`directory.search.kind.${result.kind}`), result.subtitle].filter(Boolean).join(' · ')}
      />
    ));
  }

  return (
    <>
      <p className="utrecht-paragraph ketenkaart-directory__status" role="status">
        {status}
      </p>
      {error ? <ProblemAlert problem={error} /> : null}
      {data && data.total === 0 ? <Paragraph>{t('directory.search.noResults')}</Paragraph> : null}
      {items ? <ul className="ketenkaart-results">{items}</ul> : null}
      {data ? <Pagination page={page} pageSize={pageSize} total={data.total} hrefFor={hrefForPage} /> : null}
    </>
  );
}
