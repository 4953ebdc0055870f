import { Permission } from './permissions';

/** Roles of Ketenkaart (issue 4, DOMAIN.md §2). An account holds one or more; `public` is whoever is not signed in. */
export const Role = {
  beheerder: 'beheerder',
  ketenregisseur: 'ketenregisseur',
  zorgcoordinator: 'zorgcoordinator',
  ontvanger: 'ontvanger',
  landelijkMonitor: 'landelijk-monitor',
  privacyOfficer: 'privacy-officer',
  public: 'public',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);
/** Roles an account can be given (`public` is the absence of an account). */
export const ACCOUNT_ROLES: readonly Role[] = ROLES.filter((role) => role !== Role.public);

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: 'Beheerder (CoMensha)',
  ketenregisseur: 'Ketenregisseur',
  zorgcoordinator: 'Zorgcoördinator',
  ontvanger: 'Ontvanger (overdrachten van de eigen organisatie)',
  'landelijk-monitor': 'Landelijk monitor (VNG/JenV)',
  'privacy-officer': 'Privacy officer (FG)',
  public: 'Publiek (niet aangemeld)',
};

/**
 * What each role may do. Scope (own regions, own organisation) is checked per record in the services;
 * this table only says which kinds of action a role can take at all. Least privilege: the beheerder manages
 * the directory and accounts but sees no single hand-off and no audit trail; the privacy officer sees the
 * audit trail and nothing else.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  beheerder: [
    Permission.regionWrite,
    Permission.directoryWrite,
    Permission.directoryConfidentialRead,
    Permission.matrixWrite,
    Permission.matrixPropose,
    Permission.matrixApprove,
    Permission.aggregatesRead,
    Permission.kaderAssess,
    Permission.accountManage,
  ],
  ketenregisseur: [
    Permission.regionWrite,
    Permission.directoryWrite,
    Permission.directoryConfidentialRead,
    Permission.matrixWrite,
    Permission.matrixPropose,
    Permission.matrixApprove,
    Permission.handoffFiguresRead,
    Permission.handoffStatusRead,
    Permission.kaderAssess,
  ],
  // The inbox too: CoMensha and other regions hand cases over to the zorgcoördinator (DOMAIN.md §5).
  zorgcoordinator: [
    Permission.directoryConfidentialRead,
    Permission.handoffWrite,
    Permission.handoffRead,
    Permission.handoffInbox,
  ],
  ontvanger: [Permission.directoryConfidentialRead, Permission.handoffInbox],
  'landelijk-monitor': [Permission.aggregatesRead],
  'privacy-officer': [Permission.auditRead],
  public: [],
};

/** Roles that see hand-offs, the audit trail or manage accounts: two-factor sign-in is mandatory for them. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = [
  Role.beheerder,
  Role.ketenregisseur,
  Role.zorgcoordinator,
  Role.ontvanger,
  Role.privacyOfficer,
];

/** Roles whose region scope is the whole country; every other role is limited to its own regions or organisation. */
export const NATIONWIDE_ROLES: readonly Role[] = [Role.beheerder];

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []))].sort();
}

export function requiresTwoFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_REQUIRING_TWO_FACTOR.includes(role));
}

/** True when a holder of `roles` scoped to `ownRegionIds` may see a record that belongs to `recordRegionIds`. */
export function hasRegionAccess(
  roles: readonly Role[],
  ownRegionIds: readonly string[],
  recordRegionIds: readonly string[],
): boolean {
  if (roles.some((role) => NATIONWIDE_ROLES.includes(role))) return true;
  return recordRegionIds.some((id) => ownRegionIds.includes(id));
}

/** How a signed-in session may be used; anything but `complete` can only finish the second factor or enrol one. */
export const SessionStage = {
  /** Password accepted; the TOTP code or a recovery code is still needed. */
  secondFactorRequired: 'second-factor-required',
  /** Password accepted; the role needs two-factor sign-in and none is enrolled yet: only enrolment is open. */
  enrolmentRequired: 'enrolment-required',
  complete: 'complete',
} as const;
export type SessionStage = (typeof SessionStage)[keyof typeof SessionStage];

export const AccountStatus = {
  /** Invited; no password yet. */
  invited: 'invited',
  active: 'active',
  disabled: 'disabled',
} as const;
export type AccountStatus = (typeof AccountStatus)[keyof typeof AccountStatus];
export const ACCOUNT_STATUSES = Object.values(AccountStatus);

/** Password rules (NIST SP 800-63B / ASVS 2.1): length and a common-password check, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Names of the cookies and header of a browser session (the web client reads `kk_csrf` and echoes it). */
export const SESSION_COOKIE = 'kk_session';
export const CSRF_COOKIE = 'kk_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
