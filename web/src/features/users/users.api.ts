import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Items, Roles, User } from '../../api/types';
import type { UserInput } from '../../../../domain/users/schemas';
import { useActiveMutation, useSaveMutation } from '../../lib/mutations';

export const usersKey = ['users'] as const;
export const rolesKey = ['roles'] as const;

export const usersQuery = queryOptions({
  queryKey: usersKey,
  queryFn: () => api.get<Items<User>>('/api/users'),
  select: (d) => d.items,
});

export const rolesQuery = queryOptions({
  queryKey: rolesKey,
  queryFn: () => api.get<Roles>('/api/roles'),
  staleTime: 5 * 60_000,
});

export interface RoleBody {
  code: string;
  name: string;
  description?: string | null;
  permissions: string[];
}

export const useSaveUser = () => useSaveMutation<UserInput>('/api/users', usersKey);
export const useUserActive = () => useActiveMutation('/api/users', usersKey, { on: 'users.unblocked', off: 'users.blocked' });
export const useSaveRole = () => useSaveMutation<RoleBody>('/api/roles', rolesKey);
