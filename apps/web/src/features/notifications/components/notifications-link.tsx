import { Permission } from '@ketenkaart/shared-domain';
import { VisuallyHidden } from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useSession } from '../../../lib/session';
import { useUnreadCount } from '../api/notifications';
import '../notifications.css';

const RECEIVING_PERMISSIONS = [
  Permission.handoffWrite,
  Permission.handoffRead,
  Permission.handoffInbox,
  Permission.handoffStatusRead,
] as const;

/**
 * "Meldingen" in the header with the number of unread notifications as a badge. The number is text (read out
 * as "3 ongelezen"), not colour alone; it is fetched again on every navigation.
 */
export function NotificationsLink({ className }: { className: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { can } = useSession();
  // The roles that send, receive or oversee hand-offs (the API refuses the others).
  const receives = RECEIVING_PERMISSIONS.some((permission) => can(permission));
  const { data: unread } = useUnreadCount(receives, `${location.pathname}${location.search}`);
  if (!receives) return null;
  return (
    <NavLink className={className} to={paths.notifications.path} data-testid="notifications-link">
      {t('nav.notifications')}
      {unread ? (
        <span className="ketenkaart-badge ketenkaart-notifications-badge" data-testid="notifications-unread">
          {unread}
          <VisuallyHidden> {t('notifications.unreadSuffix')}</VisuallyHidden>
        </span>
      ) : null}
    </NavLink>
  );
}
