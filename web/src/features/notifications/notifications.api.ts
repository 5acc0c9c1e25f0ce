import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AppNotification } from '../cases/case-types';

export const notificationsKey = ['notifications'] as const;

export interface NotificationList {
  items: AppNotification[];
  unread: number;
}

/** My notifications; polled every minute for the bell's count. */
export const notificationsQuery = (unreadOnly: boolean) =>
  queryOptions({
    queryKey: [...notificationsKey, unreadOnly ? 'unread' : 'all'] as const,
    queryFn: () => api.get<NotificationList>(`/api/notifications${unreadOnly ? '?unread=1' : ''}`),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    staleTime: 20_000,
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post('/api/notifications/read', { ids }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
