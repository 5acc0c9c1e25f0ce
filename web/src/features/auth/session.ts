import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Me, Permission } from '../../api/types';

/** The signed-in user, or null when there is no live session. */
export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/api/auth/me', { quiet401: true });
      setCsrfToken(me.csrfToken);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: 60_000,
});

/** The current user inside the authenticated part of the app (the layout route guarantees it). */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() outside the authenticated layout');
  return data;
}

/** can('directory.manage') — hides or disables what the user may not do (the server checks too). */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}

/** The tenant's IANA time zone for showing dates and times. */
export function useTimeZone(): string {
  return useMe().tenant.timeZone;
}

export async function login(input: { login: string; password: string }): Promise<void> {
  const res = await api.post<{ csrfToken: string }>('/api/auth/login', input, { quiet401: true });
  setCsrfToken(res.csrfToken);
}

export async function logout(): Promise<void> {
  await api.post('/api/auth/logout', {}, { quiet401: true });
  setCsrfToken(null);
}
