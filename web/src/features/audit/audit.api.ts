import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import type { AuditEvent, Items } from '../../api/types';

export const AUDIT_PAGE = 200;

export const auditQuery = (filter: { entity?: string; entityId?: string } = {}) =>
  infiniteQueryOptions({
    queryKey: ['audit', filter] as const,
    queryFn: ({ pageParam }) => api.get<Items<AuditEvent>>(`/api/audit${qs({ ...filter, before: pageParam ?? undefined, limit: AUDIT_PAGE })}`),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.items.length < AUDIT_PAGE ? null : last.items[last.items.length - 1].id),
  });
