import { SessionStage } from '@ketenkaart/shared-domain';
import type { SessionInfo } from '@ketenkaart/web-api-client';
import { paths } from '../../../config/paths';

export const RETURN_PARAM = 'terug';

/**
 * Only a path inside the portal is followed after sign-in: `//host` and `/\host` would leave it (open
 * redirect, ASVS 5.1.5), and the sign-in pages themselves would loop.
 */
export function safeReturnPath(raw: string | null | undefined): string | undefined {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return undefined;
  if (raw.startsWith(paths.signIn.path)) return undefined;
  return raw;
}

/** Where a session goes next: the second factor, enrolment of an app, or the page it came for. */
export function nextStepAfterSignIn(session: SessionInfo, returnTo: string | undefined): string {
  if (session.stage === SessionStage.secondFactorRequired) return paths.secondFactor.getHref({ returnTo });
  if (session.stage === SessionStage.enrolmentRequired) return paths.twoFactorEnrolment.getHref({ returnTo });
  return returnTo ?? paths.home.getHref();
}
