import { infiniteQueryOptions, keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Items } from '../../api/types';
import type { CaseAction, CaseCard, CaseCount, CasePage, Channel, ClearApplicant, SavedView } from './case-types';
import { toQueryString, type RegisterSearch } from './register-search';

export const casesKey = ['cases'] as const;
const PAGE = 50;

/** The register: pages of 50 by cursor («Показать ещё»); the previous list stays while the next loads. */
export const casesListQuery = (search: RegisterSearch) =>
  infiniteQueryOptions({
    queryKey: [...casesKey, 'list', toQueryString(search)] as const,
    queryFn: ({ pageParam, signal }) => api.get<CasePage>(`/api/cases?${toQueryString(search, { cursor: pageParam ?? undefined, limit: String(PAGE) })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export const casesCountQuery = (search: RegisterSearch) =>
  queryOptions({
    queryKey: [...casesKey, 'count', toQueryString(search)] as const,
    queryFn: ({ signal }) => api.get<CaseCount>(`/api/cases/count?${toQueryString(search)}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export const caseCardQuery = (id: string) =>
  queryOptions({
    queryKey: [...casesKey, 'card', id] as const,
    queryFn: () => api.get<CaseCard>(`/api/cases/${encodeURIComponent(id)}`),
    staleTime: 5_000,
  });

export const inboxQuery = (scope: 'me' | 'unit') =>
  queryOptions({
    queryKey: [...casesKey, 'inbox', scope] as const,
    queryFn: () => api.get<CasePage>(`/api/inbox?scope=${scope}`),
    refetchInterval: 120_000,
  });

/** Search by number for «Дубликат…» and «Связать». */
export const caseSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...casesKey, 'search', q] as const,
    queryFn: ({ signal }) => api.get<CasePage>(`/api/cases?${new URLSearchParams({ q, limit: '10' }).toString()}`, { signal }),
    enabled: q.trim().length >= 4,
    staleTime: 30_000,
  });

export const channelsQuery = queryOptions({
  queryKey: ['channels'] as const,
  queryFn: () => api.get<Items<Channel>>('/api/channels'),
  select: (d) => d.items,
  staleTime: 10 * 60_000,
});

export const viewsKey = ['views'] as const;
export const viewsQuery = queryOptions({
  queryKey: viewsKey,
  queryFn: () => api.get<Items<SavedView>>('/api/views'),
  select: (d) => d.items,
});

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: string; shared: boolean }) => api.post<SavedView>('/api/views', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => api.del(`/api/views/${encodeURIComponent(view.id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function fetchApplicant(id: string): Promise<ClearApplicant | null> {
  return api.get<ClearApplicant | null>(`/api/cases/${encodeURIComponent(id)}/applicant?purpose=${encodeURIComponent('рассмотрение обращения')}`);
}

/** The URL path of each transition (server/modules/cases/case-actions.routes.ts). */
export const ACTION_PATH: Partial<Record<CaseAction | 'extend' | 'pause' | 'resume' | 'notes' | 'links', string>> = {
  assign: 'assign',
  accept: 'accept',
  decline: 'decline',
  forward: 'forward',
  reject: 'reject',
  merge: 'merge',
  give_interim: 'interim',
  prepare_answer: 'prepare',
  submit_answer: 'submit',
  return_to_executor: 'return-to-executor',
  approve_answer: 'approve',
  return_for_rework: 'return',
  rate: 'rate',
  reopen: 'reopen',
  close: 'close',
  extend: 'extend',
  pause: 'pause',
  resume: 'resume',
  notes: 'notes',
  links: 'links',
};
export type CardAction = keyof typeof ACTION_PATH;

/** Any card action: POST, then the card, the register and the inbox are refreshed. */
export function useCaseAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: CardAction; body?: unknown }) =>
      api.post<{ ratingToken?: string }>(`/api/cases/${encodeURIComponent(id)}/${ACTION_PATH[action]}`, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKey }),
    // 409: someone else moved the case meanwhile — show the card as it is now.
    onError: (e) => (e instanceof ApiError && e.status === 409 ? qc.invalidateQueries({ queryKey: [...casesKey, 'card', id] }) : undefined),
  });
}

export function useUploadFile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<{ id: string; fileName: string }>(`/api/cases/${encodeURIComponent(id)}/files`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: [...casesKey, 'card', id] }),
  });
}
