import { Permission } from '@ketenkaart/shared-domain';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { paths } from '../../config/paths';
import { SignOutButton } from '../../features/auth';
import { NotificationsLink } from '../../features/notifications';
import { useSession } from '../../lib/session';

const NAV_LINK_CLASS = 'utrecht-link utrecht-link--html-a ketenkaart-nav__link';
const MONITORING_PERMISSIONS = [
  Permission.aggregatesRead,
  Permission.kaderAssess,
  Permission.handoffFiguresRead,
] as const;

/**
 * Main-menu entries of identity pages, each shown only to a session with its permission (issue 4: the
 * navigation shows only what the role may use). `data-permission` lets the journeys check that rule.
 */
export function IdentityNavItems() {
  const { t } = useTranslation();
  const { can } = useSession();
  // Monitoring (issue 7): national monitoring, Kader assessment or regional hand-off figures each open it.
  const monitoringPermission = MONITORING_PERMISSIONS.find((permission) => can(permission));
  return (
    <>
      {monitoringPermission ? (
        <li>
          <NavLink
            className={NAV_LINK_CLASS}
            to={paths.monitoring.path}
            data-permission={monitoringPermission}
          >
            {t('nav.monitoring')}
          </NavLink>
        </li>
      ) : null}
      {can(Permission.handoffInbox) || can(Permission.handoffWrite) ? (
        <li>
          <NavLink
            className={NAV_LINK_CLASS}
            to={can(Permission.handoffInbox) ? paths.handoffInbox.path : paths.handoffOutbox.path}
            data-permission={can(Permission.handoffInbox) ? Permission.handoffInbox : Permission.handoffWrite}
          >
            {t('nav.handoffs')}
          </NavLink>
        </li>
      ) : null}
      {can(Permission.accountManage) ? (
        <li>
          <NavLink
            className={NAV_LINK_CLASS}
            to={paths.accounts.path}
            data-permission={Permission.accountManage}
          >
            {t('nav.accounts')}
          </NavLink>
        </li>
      ) : null}
      {can(Permission.auditRead) ? (
        <li>
          <NavLink
            className={NAV_LINK_CLASS}
            to={paths.auditTrail.path}
            data-permission={Permission.auditRead}
          >
            {t('nav.auditTrail')}
          </NavLink>
        </li>
      ) : null}
    </>
  );
}

/** Who is signed in, with "Mijn account" and sign-out; for the public a sign-in link back to this page. */
export function SessionMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const { account, isSignedIn, isLoading } = useSession();
  if (isLoading) return null;
  if (!account || !isSignedIn) {
    if (location.pathname.startsWith(paths.signIn.path)) return null;
    const returnTo = `${location.pathname}${location.search}`;
    return (
      <div className="ketenkaart-session-menu">
        <NavLink className={NAV_LINK_CLASS} to={paths.signIn.getHref({ returnTo })}>
          {t('auth.signIn.title')}
        </NavLink>
      </div>
    );
  }
  return (
    <div className="ketenkaart-session-menu">
      <span className="ketenkaart-session-menu__name">
        {t('auth.signedInAs', { name: account.displayName })}
      </span>
      <NotificationsLink className={NAV_LINK_CLASS} />
      <NavLink className={NAV_LINK_CLASS} to={paths.myAccount.path}>
        {t('nav.myAccount')}
      </NavLink>
      <SignOutButton />
    </div>
  );
}
