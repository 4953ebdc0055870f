import { apiClient, unwrap, type ChangeList } from '@ketenkaart/web-api-client';
import { useQuery } from '../../../lib/use-query';
import type { EntryKind } from '../lib/entry-kind';
import { directoryKey } from './query-keys';

export function getHistory(kind: EntryKind, id: string, signal: AbortSignal): Promise<ChangeList> {
  const params = { path: { id } };
  switch (kind) {
    case 'organisation':
      return unwrap(apiClient.GET('/api/v1/organisations/{id}/history', { params, signal }));
    case 'person':
      return unwrap(apiClient.GET('/api/v1/people/{id}/history', { params, signal }));
    case 'function':
      return unwrap(apiClient.GET('/api/v1/functions/{id}/history', { params, signal }));
  }
}

export function useHistory(kind: EntryKind, id: string, enabled: boolean) {
  return useQuery(enabled ? directoryKey('history', kind, id) : null, (signal) =>
    getHistory(kind, id, signal),
  );
}
