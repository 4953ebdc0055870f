/** Permission names, shared so that the UI hides what the API forbids. `roles.ts` maps roles to them. */
export const Permission = {
  regionWrite: 'region.write',
  /** Create, edit, archive, verify and restore directory entries; read their history and the stale list. */
  directoryWrite: 'directory.write',
  /** See confidential addresses (shelters); never granted to the public. */
  directoryConfidentialRead: 'directory.confidential.read',
  /** Edit the wie-doet-wat matrix (national default or a region's overrides, within the region scope). */
  matrixWrite: 'matrix.write',
  /** Propose regional agreements on the wie-doet-wat matrix (own regions; beheerder everywhere). */
  matrixPropose: 'matrix.propose',
  /** Approve or reject proposed regional agreements (own regions; beheerder everywhere). */
  matrixApprove: 'matrix.approve',
  /** Create hand-offs and follow the ones of the own region(s). */
  handoffWrite: 'handoff.write',
  /** Read single hand-off records of the own region(s). */
  handoffRead: 'handoff.read',
  /** Work the hand-off inbox of the own organisation: read, accept, decline. */
  handoffInbox: 'handoff.inbox',
  /** Status and timings of single hand-offs of the own region(s), never notes or references (ketenregisseur). */
  handoffStatusRead: 'handoff.status.read',
  /** Hand-off figures (counts, lead times) of the own region(s); never single records. */
  handoffFiguresRead: 'handoff.figures.read',
  /** National aggregates (coverage, Kader status, hand-off counts); never single records. */
  aggregatesRead: 'aggregates.read',
  /** Record the VNG Kader assessments of gemeenten (ketenregisseur: own regions; beheerder everywhere) and edit the criteria (beheerder). */
  kaderAssess: 'kader.assess',
  /** Invite, change and disable accounts. */
  accountManage: 'account.manage',
  /** Read and export the audit trail. */
  auditRead: 'audit.read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS = Object.values(Permission);
