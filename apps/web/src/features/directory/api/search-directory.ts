import { apiClient, unwrap, type SearchPage } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import { directoryKey } from './query-keys';

export interface MixedSearch {
  q: string;
  page: number;
  pageSize: number;
}

export function searchDirectory(search: MixedSearch, signal: AbortSignal): Promise<SearchPage> {
  return unwrap(apiClient.GET('/api/v1/search', { params: { query: search }, signal }));
}

/** Organisations, people and functions in one relevance-ordered list; `null` while there is no text. */
export function useDirectorySearch(search: MixedSearch | null) {
  return useQuery(search ? directoryKey('search', search.q, search.page, search.pageSize) : null, (signal) =>
    searchDirectory(search!, signal),
  );
}
