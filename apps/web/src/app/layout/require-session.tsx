import { type Permission, SessionStage } from '@ketenkaart/shared-domain';
import { Outlet, Navigate, useLocation } from 'react-router-dom';
import { ProblemAlert } from '../../components/problem-alert';
import { paths } from '../../config/paths';
import { useSession } from '../../lib/session';
import { AppLoading } from './app-loading';
import { ForbiddenRoute } from '../routes/forbidden';

export interface RequireSessionProps {
  /** The permission the pages below need; none: any complete session. */
  permission?: Permission;
}

/**
 * Guards the signed-in pages: the public goes to the sign-in page with a return path, a session halfway
 * through sign-in goes to its next step, and an account without the permission sees "no access".
 * The API enforces the same; this only keeps people from pages that would refuse them.
 */
export function RequireSession({ permission }: RequireSessionProps) {
  const location = useLocation();
  const { session, isLoading, error, isSignedIn, stage, can } = useSession();
  if (isLoading) return <AppLoading />;
  if (error || !session) return error ? <ProblemAlert problem={error} /> : <AppLoading />;
  const returnTo = `${location.pathname}${location.search}`;
  if (stage === SessionStage.secondFactorRequired) {
    return <Navigate to={paths.secondFactor.getHref({ returnTo })} replace />;
  }
  if (stage === SessionStage.enrolmentRequired && location.pathname !== paths.twoFactorEnrolment.path) {
    return <Navigate to={paths.twoFactorEnrolment.getHref({ returnTo })} replace />;
  }
  if (!isSignedIn && stage !== SessionStage.enrolmentRequired) {
    return <Navigate to={paths.signIn.getHref({ returnTo })} replace />;
  }
  if (permission && !can(permission)) return <ForbiddenRoute />;
  return <Outlet />;
}
