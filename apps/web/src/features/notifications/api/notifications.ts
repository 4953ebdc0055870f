import { apiClient, unwrap, type paths } from '@ketenkaart/web-api-client';
import { invalidateQueries, useQuery } from '../../../lib/use-query';

export type NotificationPage =
  paths['/api/v1/notifications']['get']['responses']['200']['content']['application/json'];
export type NotificationItem = NotificationPage['items'][number];

const KEY = 'notifications:';
export const NOTIFICATIONS_PAGE_SIZE = 25;

/** The caller's own notifications, newest first. `visit` fetches afresh on every visit of the page. */
export function useNotifications(page: number, visit: string) {
  return useQuery<NotificationPage>(`${KEY}list:${visit}:${page}`, (signal) =>
    unwrap(
      apiClient.GET('/api/v1/notifications', {
        params: { query: { page, pageSize: NOTIFICATIONS_PAGE_SIZE } },
        signal,
      }),
    ),
  );
}

/** Unread count for the header badge; `refreshKey` (the current location) asks again on every navigation. */
export function useUnreadCount(enabled: boolean, refreshKey: string) {
  return useQuery<number>(enabled ? `${KEY}unread:${refreshKey}` : null, async (signal) => {
    const page = await unwrap(
      apiClient.GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: 1 } }, signal }),
    );
    return page.unread;
  });
}

export async function markNotificationRead(id: string): Promise<void> {
  await unwrap(apiClient.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
  invalidateQueries(KEY);
}

export async function markAllNotificationsRead(): Promise<number> {
  const { marked } = await unwrap(apiClient.POST('/api/v1/notifications/mark-all-read'));
  invalidateQueries(KEY);
  return marked;
}
