export { NotificationsLink } from './components/notifications-link';
export { NotificationsList } from './components/notifications-list';
