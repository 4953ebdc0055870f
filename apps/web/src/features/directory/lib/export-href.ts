import type { DirectoryFilters } from '../hooks/use-directory-search-params';

/** URL of the CSV export of the current view, carrying the search's filters (issue 3 §6). */
export function exportHref(kind: 'organisations' | 'people', filters: DirectoryFilters): string {
  const query = new URLSearchParams();
  const put = (name: string, value: string | undefined) => {
    if (value) query.set(name, value);
  };
  put('q', filters.q || undefined);
  if (kind === 'organisations') {
    put('region', filters.region);
    put('municipality', filters.municipality);
    put('type', filters.type);
    put('form', filters.form);
    put('targetGroup', filters.targetGroup);
  }
  const search = query.toString();
  const path = kind === 'organisations' ? '/api/v1/organisations/export' : '/api/v1/people/export';
  return search ? `${path}?${search}` : path;
}
