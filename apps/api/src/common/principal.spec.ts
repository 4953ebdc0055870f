import {
  ErrorCode,
  permissionsOf,
  Permission,
  Role,
  ROLE_PERMISSIONS,
  SessionStage,
} from '@ketenkaart/shared-domain';
import { assertOrganisationAccess, assertRegionAccess, makePrincipal, SERVICE_PRINCIPAL } from './principal';
import { ProblemException } from './problem.exception';

const AMSTERDAM = '11111111-1111-4111-8111-111111111111';
const TWENTE = '22222222-2222-4222-8222-222222222222';

function principal(roles: Role[], regionIds: string[] = [], organisationId: string | null = null) {
  return makePrincipal({
    kind: 'account',
    accountId: 'a',
    roles,
    regionIds,
    organisationId,
    stage: SessionStage.complete,
  });
}

function statusOf(action: () => void): number | 'passed' {
  try {
    action();
    return 'passed';
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).code).toBe(ErrorCode.notFound);
    return (error as ProblemException).getStatus();
  }
}

describe('region scope (assertRegionAccess)', () => {
  it('lets a zorgcoördinator see records of the own region and answers 404 (not 403) for another region', () => {
    const amsterdam = principal([Role.zorgcoordinator], [AMSTERDAM]);
    expect(statusOf(() => assertRegionAccess(amsterdam, [AMSTERDAM]))).toBe('passed');
    expect(statusOf(() => assertRegionAccess(amsterdam, [TWENTE, AMSTERDAM]))).toBe('passed');
    expect(statusOf(() => assertRegionAccess(amsterdam, [TWENTE], 'Hand-off', 'x'))).toBe(404);
    expect(statusOf(() => assertRegionAccess(amsterdam, []))).toBe(404);
  });

  it('gives the beheerder and the service principal nationwide scope', () => {
    expect(statusOf(() => assertRegionAccess(principal([Role.beheerder]), [TWENTE]))).toBe('passed');
    expect(statusOf(() => assertRegionAccess(SERVICE_PRINCIPAL, [TWENTE]))).toBe('passed');
  });

  it('scopes an ontvanger to the own organisation', () => {
    const ontvanger = principal([Role.ontvanger], [], 'org-1');
    expect(statusOf(() => assertOrganisationAccess(ontvanger, 'org-1'))).toBe('passed');
    expect(statusOf(() => assertOrganisationAccess(ontvanger, 'org-2'))).toBe(404);
    expect(statusOf(() => assertOrganisationAccess(ontvanger, null))).toBe(404);
  });
});

describe('role → permission table', () => {
  it('keeps least privilege: no single hand-offs for beheerder or monitor, audit only for the privacy officer', () => {
    expect(ROLE_PERMISSIONS[Role.privacyOfficer]).toEqual([Permission.auditRead]);
    expect(ROLE_PERMISSIONS[Role.public]).toEqual([]);
    for (const role of [Role.beheerder, Role.landelijkMonitor, Role.ketenregisseur]) {
      expect(ROLE_PERMISSIONS[role]).not.toContain(Permission.handoffRead);
    }
    const holdersOf = (permission: Permission) =>
      Object.entries(ROLE_PERMISSIONS)
        .filter(([, permissions]) => permissions.includes(permission))
        .map(([role]) => role);
    expect(holdersOf(Permission.auditRead)).toEqual([Role.privacyOfficer]);
    expect(holdersOf(Permission.accountManage)).toEqual([Role.beheerder]);
  });

  it('grants nothing before the second factor is passed', () => {
    const pending = makePrincipal({
      kind: 'account',
      accountId: 'a',
      roles: [Role.beheerder],
      stage: SessionStage.secondFactorRequired,
    });
    expect(pending.permissions).toEqual([]);
    expect(pending.can(Permission.accountManage)).toBe(false);
    expect(principal([Role.beheerder]).permissions).toEqual(permissionsOf([Role.beheerder]));
  });
});
