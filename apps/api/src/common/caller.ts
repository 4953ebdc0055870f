import {
  ANONYMOUS_PRINCIPAL,
  CurrentPrincipal,
  Principal,
  principalOf,
  SERVICE_PRINCIPAL,
  setPrincipal,
} from './principal';

/**
 * The narrow view of the Principal that records changes: who (`actor`), what they may do (`can`) and where
 * (`roles`, `regionIds`, for the write scope). New code can take the full `Principal`.
 */
export type Caller = Pick<Principal, 'actor' | 'can' | 'roles' | 'regionIds'> &
  Partial<Pick<Principal, 'accountId' | 'origin'>>;

export const ANONYMOUS_CALLER: Caller = ANONYMOUS_PRINCIPAL;
export const ADMIN_CALLER: Caller = SERVICE_PRINCIPAL;
export const setCaller = setPrincipal;
export const callerOf = principalOf;
/** Injects the Caller (the Principal) into a controller method. */
export const CurrentCaller = CurrentPrincipal;
