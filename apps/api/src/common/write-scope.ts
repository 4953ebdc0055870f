import { ErrorCode, NATIONWIDE_ROLES } from '@ketenkaart/shared-domain';
import { EntityManager } from 'typeorm';
import type { Principal } from './principal';
import { ProblemException } from './problem.exception';

/** Where a record lies on the map: the gemeenten and regions it serves, or the whole country. */
export interface Footprint {
  /** A record with no place yet (e.g. a person before their first function): any editor may write it. */
  anywhere?: boolean;
  national?: boolean;
  municipalityCodes?: readonly (string | null)[];
  regionIds?: readonly (string | null)[];
}

export const ANYWHERE: Footprint = { anywhere: true };

export type ScopedCaller = Pick<Principal, 'actor' | 'roles' | 'regionIds'>;

const CURRENT_MEMBERSHIP = `m.valid_from <= CURRENT_DATE AND (m.valid_until IS NULL OR m.valid_until > CURRENT_DATE)`;

/**
 * Write scope (issue 4: "the ketenregisseur edits the directory and matrix of their own region(s)"). A caller
 * without a nationwide role may write a record only when every footprint it had and will have overlaps the
 * gemeenten of the caller's regions. National records and records with no place at all stay with the
 * nationwide roles. Records that are publicly readable answer 403 `out_of_scope` (a 404 would contradict what
 * the caller can already see); records that are not public use `assertRegionAccess` (404) instead.
 */
export async function assertWriteScope(
  manager: EntityManager,
  caller: ScopedCaller,
  footprints: readonly Footprint[],
  what: string,
): Promise<void> {
  if (caller.roles.some((role) => NATIONWIDE_ROLES.includes(role))) return;
  const refuse = () => {
    throw new ProblemException(
      403,
      ErrorCode.outOfScope,
      `This ${what} lies outside your regions; ask CoMensha (beheerder) or the ketenregisseur of that region.`,
    );
  };
  if (caller.regionIds.length === 0) refuse();
  for (const footprint of footprints) {
    if (footprint.anywhere) continue;
    const municipalityCodes = (footprint.municipalityCodes ?? []).filter((code): code is string => !!code);
    const regionIds = (footprint.regionIds ?? []).filter((id): id is string => !!id);
    if (footprint.national || (municipalityCodes.length === 0 && regionIds.length === 0)) refuse();
    const [{ overlaps }] = await manager.query(
      `WITH scope AS (
         SELECT m.municipality_code FROM region_membership m WHERE m.region_id = ANY($1::uuid[]) AND ${CURRENT_MEMBERSHIP}
       ), footprint AS (
         SELECT unnest($2::text[]) AS municipality_code
         UNION SELECT m.municipality_code FROM region_membership m WHERE m.region_id = ANY($3::uuid[]) AND ${CURRENT_MEMBERSHIP}
       )
       SELECT ($3::uuid[] && $1::uuid[]) OR EXISTS (SELECT 1 FROM footprint f JOIN scope s USING (municipality_code)) AS overlaps`,
      [caller.regionIds, municipalityCodes, regionIds],
    );
    if (!overlaps) refuse();
  }
}
