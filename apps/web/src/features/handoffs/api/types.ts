import type { paths } from '@ketenkaart/web-api-client';

type OkJson<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
type JsonBody<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type HandoffDetail = OkJson<'/api/v1/handoffs/{id}'>;
export type HandoffEvent = HandoffDetail['timeline'][number];
export type HandoffPage = OkJson<'/api/v1/handoffs/inbox'>;
export type HandoffSummary = HandoffPage['items'][number];
export type HandoffPathInfo = OkJson<'/api/v1/handoff-paths'>['items'][number];
export type ReceiverProposals = OkJson<'/api/v1/handoff-receiver-proposals'>;
export type ReceiverProposal = ReceiverProposals['proposals'][number];
export type FunctionInbox = OkJson<'/api/v1/handoff-function-inboxes'>['items'][number];
export type CreateHandoffBody = JsonBody<paths['/api/v1/handoffs']['post']>;
export type UpdateHandoffBody = JsonBody<paths['/api/v1/handoffs/{id}']['patch']>;
export type TransitionBody = JsonBody<paths['/api/v1/handoffs/{id}/transitions']['post']>;
export type HandoffBox = 'inbox' | 'outbox';
