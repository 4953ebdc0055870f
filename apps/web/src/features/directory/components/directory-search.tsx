import {
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Paragraph,
  Textbox,
} from '@ketenkaart/web-ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useFunctions, type FunctionQuery } from '../api/get-functions';
import { useOrganisations, type OrganisationQuery } from '../api/get-organisations';
import { usePeople, type PeopleQuery } from '../api/get-people';
import { useDirectorySearch } from '../api/search-directory';
import { useDirectoryPermissions } from '../hooks/use-directory-permissions';
import { useDirectorySearchParams, type DirectoryView } from '../hooks/use-directory-search-params';
import { exportHref } from '../lib/export-href';
import { SearchFilters } from './search-filters';
import { SearchResults } from './search-results';

const PAGE_SIZE = 20;
const COUNT_ONLY = { page: 1, pageSize: 1 };

/** The page state is the URL; the queries follow from it. */
function useViewQueries(
  view: DirectoryView,
  filters: ReturnType<typeof useDirectorySearchParams>['filters'],
) {
  const q = filters.q || undefined;
  const area = { region: filters.region, municipality: filters.municipality };
  const paging = (active: boolean) => (active ? { page: filters.page, pageSize: PAGE_SIZE } : COUNT_ONLY);
  const organisationQuery: OrganisationQuery = {
    q,
    ...area,
    type: filters.type,
    form: filters.form,
    targetGroup: filters.targetGroup,
    ...paging(view === 'organisaties'),
  };
  const peopleQuery: PeopleQuery = { q, ...paging(view === 'personen') };
  const functionQuery: FunctionQuery = {
    ...area,
    functionType: filters.functionType,
    ...paging(view === 'functies'),
  };
  return {
    organisations: useOrganisations(organisationQuery),
    people: usePeople(peopleQuery),
    functions: useFunctions(functionQuery),
    mixed: useDirectorySearch(q ? { q, ...paging(view === 'alles') } : null),
  };
}

export function DirectorySearch() {
  const { t } = useTranslation();
  const inputId = useId();
  const descriptionId = useId();
  const { filters, update, hrefForPage } = useDirectorySearchParams();
  const { canWrite } = useDirectoryPermissions();
  const [text, setText] = useState(filters.q);
  const [shownQ, setShownQ] = useState(filters.q);
  // A shared link or the back button changes the URL: the text box follows (adjusted during render).
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setText(filters.q);
  }

  const queries = useViewQueries(filters.view, filters);
  const counts: Record<DirectoryView, number | undefined> = {
    organisaties: queries.organisations.data?.total,
    personen: queries.people.data?.total,
    functies: queries.functions.data?.total,
    alles: filters.q ? queries.mixed.data?.total : undefined,
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() || null });
  };

  return (
    <div className="ketenkaart-directory">
      <form role="search" className="ketenkaart-directory__search" onSubmit={onSubmit}>
        <FormField>
          <FormLabel htmlFor={inputId}>{t('directory.search.label')}</FormLabel>
          <FormFieldDescription id={descriptionId}>{t('directory.search.description')}</FormFieldDescription>
          <div className="utrecht-form-field__input ketenkaart-directory__search-row">
            <Textbox
              id={inputId}
              type="search"
              name="q"
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={descriptionId}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <Button type="submit" appearance="primary-action">
              {t('directory.search.submit')}
            </Button>
          </div>
        </FormField>
      </form>
      {canWrite ? (
        <Paragraph className="ketenkaart-directory__new">
          <Link className="utrecht-link utrecht-link--html-a" to={paths.organisationNew.getHref()}>
            {t('directory.search.newOrganisation')}
          </Link>
          <Link className="utrecht-link utrecht-link--html-a" to={paths.personNew.getHref()}>
            {t('directory.search.newPerson')}
          </Link>
          <Link className="utrecht-link utrecht-link--html-a" to={paths.directoryImport.getHref()}>
            {t('directory.import.link')}
          </Link>
        </Paragraph>
      ) : null}
      <ExportLink filters={filters} canWrite={canWrite} />
      <div className="ketenkaart-directory__layout">
        <SearchFilters filters={filters} counts={counts} update={update} />
        <section className="ketenkaart-directory__results" aria-labelledby={`${inputId}-results`}>
          <Heading level={2} id={`${inputId}-results`}>
            {t('directory.search.results')}
          </Heading>
          <SearchResults
            view={filters.view}
            queries={queries}
            page={filters.page}
            pageSize={PAGE_SIZE}
            hrefForPage={hrefForPage}
          />
        </section>
      </div>
    </div>
  );
}

/**
 * The current view as CSV, with the filters applied: the people of the search for editors on the people
 * view (the API keeps that export for editors), otherwise the organisations. A plain link: the browser
 * downloads the file with the session cookie.
 */
function ExportLink({
  filters,
  canWrite,
}: {
  filters: ReturnType<typeof useDirectorySearchParams>['filters'];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const people = filters.view === 'personen' && canWrite;
  return (
    <Paragraph className="ketenkaart-directory__new">
      <a
        className="utrecht-link utrecht-link--html-a"
        href={exportHref(people ? 'people' : 'organisations', filters)}
        download
      >
        {people ? t('directory.export.people') : t('directory.export.organisations')}
      </a>
    </Paragraph>
  );
}
