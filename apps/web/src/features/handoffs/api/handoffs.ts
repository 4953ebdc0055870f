import type { HandoffState, OrganisationType } from '@ketenkaart/shared-domain';
import { apiClient, unwrap } from '@ketenkaart/web-api-client';
import { invalidateQueries, useQuery } from '../../../lib/use-query';
import type {
  CreateHandoffBody,
  HandoffBox,
  HandoffDetail,
  HandoffPage,
  TransitionBody,
  UpdateHandoffBody,
} from './types';

/** Every cached hand-off read starts with this key: a write refreshes them all (lists, counts, the record). */
export const HANDOFFS_KEY = 'handoffs:';

async function refreshing<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    // Also after a failure: a 409 means the record changed, so show the newest version.
    invalidateQueries(HANDOFFS_KEY);
  }
}

export function usePaths() {
  return useQuery(`${HANDOFFS_KEY}paths`, async (signal) =>
    unwrap(apiClient.GET('/api/v1/handoff-paths', { signal })),
  );
}

export function useMunicipalities() {
  return useQuery(`${HANDOFFS_KEY}municipalities`, async (signal) => {
    const page = await unwrap(
      apiClient.GET('/api/v1/municipalities', { params: { query: { pageSize: 500 } }, signal }),
    );
    return page.items;
  });
}

export interface ProposalQuery {
  path: string;
  municipality: string;
  exploitationForm?: string;
  targetGroup?: string;
}

/** The receivers the wie-doet-wat matrix proposes for a path and the gemeente of the signal. */
export function useReceiverProposals(query: ProposalQuery | null) {
  const key = query
    ? `${HANDOFFS_KEY}proposals:${query.path}:${query.municipality}:${query.exploitationForm ?? ''}:${query.targetGroup ?? ''}`
    : null;
  return useQuery(key, (signal) =>
    unwrap(
      apiClient.GET('/api/v1/handoff-receiver-proposals', {
        params: {
          query: {
            path: query!.path as never,
            municipality: query!.municipality,
            exploitationForm: (query!.exploitationForm || undefined) as never,
            targetGroup: (query!.targetGroup || undefined) as never,
          },
        },
        signal,
      }),
    ),
  );
}

/** The function inboxes someone holds today (region + function, with the holding organisations). */
export function useFunctionInboxes(enabled = true) {
  return useQuery(enabled ? `${HANDOFFS_KEY}function-inboxes` : null, async (signal) => {
    const list = await unwrap(apiClient.GET('/api/v1/handoff-function-inboxes', { signal }));
    return list.items;
  });
}

export interface OrganisationOption {
  id: string;
  name: string;
  type: string;
}

/** Directory organisations of the given types (the usual receivers of a path), by name. */
export function useOrganisationsOfTypes(types: readonly string[]) {
  const key = types.length ? `${HANDOFFS_KEY}organisations:${[...types].sort().join(',')}` : null;
  return useQuery(key, async (signal): Promise<OrganisationOption[]> => {
    const pages = await Promise.all(
      types.map((type) =>
        unwrap(
          apiClient.GET('/api/v1/organisations', {
            params: { query: { type: type as OrganisationType, pageSize: 500 } },
            signal,
          }),
        ),
      ),
    );
    return pages
      .flatMap((page) => page.items.map((item) => ({ id: item.id, name: item.name, type: item.type })))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  });
}

/** Organisations serving a gemeente: the candidates for an alternative or for forwarding. */
export function useOrganisationsServing(municipalityCode: string | null) {
  return useQuery(
    municipalityCode ? `${HANDOFFS_KEY}serving:${municipalityCode}` : null,
    async (signal): Promise<OrganisationOption[]> => {
      const page = await unwrap(
        apiClient.GET('/api/v1/organisations', {
          params: { query: { municipality: municipalityCode!, pageSize: 500 } },
          signal,
        }),
      );
      return page.items
        .map((item) => ({ id: item.id, name: item.name, type: item.type }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    },
  );
}

/** One directory organisation (e.g. the caller's own: the consent exemptions depend on its type). */
export function useOrganisation(organisationId: string | null | undefined) {
  return useQuery(organisationId ? `${HANDOFFS_KEY}organisation:${organisationId}` : null, (signal) =>
    unwrap(
      apiClient.GET('/api/v1/organisations/{id}', { params: { path: { id: organisationId! } }, signal }),
    ),
  );
}

export function useHandoff(id: string) {
  return useQuery(`${HANDOFFS_KEY}detail:${id}`, (signal) =>
    unwrap(apiClient.GET('/api/v1/handoffs/{id}', { params: { path: { id } }, signal })),
  );
}

export interface BoxQuery {
  state?: HandoffState;
  overdue?: boolean;
  page: number;
}

export const BOX_PAGE_SIZE = 20;

export function useHandoffBox(box: HandoffBox, query: BoxQuery) {
  const key = `${HANDOFFS_KEY}${box}:${query.state ?? ''}:${query.overdue ? 1 : 0}:${query.page}`;
  return useQuery(key, (signal): Promise<HandoffPage> => {
    const params = {
      query: {
        state: query.state,
        overdue: query.overdue ? true : undefined,
        page: query.page,
        pageSize: BOX_PAGE_SIZE,
      },
    };
    return box === 'inbox'
      ? unwrap(apiClient.GET('/api/v1/handoffs/inbox', { params, signal }))
      : unwrap(apiClient.GET('/api/v1/handoffs/outbox', { params, signal }));
  });
}

/** Creates a concept. The key is generated once per form, so a retried submit never makes a second record. */
export function createHandoff(body: CreateHandoffBody, idempotencyKey: string): Promise<HandoffDetail> {
  return refreshing(
    unwrap(
      apiClient.POST('/api/v1/handoffs', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    ),
  );
}

export function updateHandoff(id: string, body: UpdateHandoffBody): Promise<HandoffDetail> {
  return refreshing(unwrap(apiClient.PATCH('/api/v1/handoffs/{id}', { params: { path: { id } }, body })));
}

export function transitionHandoff(id: string, body: TransitionBody): Promise<HandoffDetail> {
  return refreshing(
    unwrap(apiClient.POST('/api/v1/handoffs/{id}/transitions', { params: { path: { id } }, body })),
  );
}
