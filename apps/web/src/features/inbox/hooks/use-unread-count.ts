import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { UNREAD_NOTIFICATION_COUNT } from '../api/unread-count-query';

/**
 * How many notifications the person has not read, kept current: a delivered or read notification is announced as an
 * event naming the person, and any such event reloads the count. `undefined` until the first answer.
 */
export function useUnreadCount(): number | undefined {
  const { data, refetch } = useQuery(UNREAD_NOTIFICATION_COUNT, { fetchPolicy: 'cache-and-network' });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  return data?.unreadNotificationCount;
}
