import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import i18n from '../i18n';

/** Create (POST base) or update (PUT base/id) a record, then refresh the lists under `invalidate`. */
export function useSaveMutation<Input, Result = unknown>(base: string, invalidate: QueryKey) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | null; input: Input }) =>
      id ? api.put<Result>(`${base}/${encodeURIComponent(id)}`, input) : api.post<Result>(base, input),
    onSuccess: (_data, vars) => {
      notifications.show({ message: vars.id ? i18n.t('common.saved') : i18n.t('common.created'), color: 'green', autoClose: 2500 });
      return qc.invalidateQueries({ queryKey: invalidate });
    },
  });
}

/** PATCH base/id/active { isActive } with a short notice naming the record. */
export function useActiveMutation(base: string, invalidate: QueryKey, messages?: { on: string; off: string }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean; name: string }) => api.patch(`${base}/${encodeURIComponent(id)}/active`, { isActive }),
    onSuccess: (_data, vars) => {
      const key = vars.isActive ? (messages?.on ?? 'common.activated') : (messages?.off ?? 'common.deactivated');
      notifications.show({ message: i18n.t(key as 'common.activated', { name: vars.name }), color: 'green', autoClose: 2500 });
      return qc.invalidateQueries({ queryKey: invalidate });
    },
    onError: (err) => notifications.show({ message: errorMessage(err), color: 'red' }),
  });
}
