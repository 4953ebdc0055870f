import {
  ANONYMOUS_PRINCIPAL,
  CurrentPrincipal,
  Principal,
  principalOf,
  SERVICE_PRINCIPAL,
  setPrincipal,
} from './principal';

/**
 * The narrow view of the Principal that records changes: who (`actor`) and what they may do (`can`).
 * Kept for services that only need that much (the directory); new code can take the full `Principal`.
 */
export type Caller = Pick<Principal, 'actor' | 'can'>;

export const ANONYMOUS_CALLER: Caller = ANONYMOUS_PRINCIPAL;
export const ADMIN_CALLER: Caller = SERVICE_PRINCIPAL;
export const setCaller = setPrincipal;
export const callerOf = principalOf;
/** Injects the Caller (the Principal) into a controller method. */
export const CurrentCaller = CurrentPrincipal;
