import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import i18n from '../../i18n';

export type Ref = { id: string; name: string };
export type RegisterLink = Record<string, string | string[] | undefined>;

export interface ProblemRow {
  id: string;
  title: string;
  status: string;
  source: string;
  topic: Ref | null;
  settlement: Ref | null;
  cases: number;
  casesWeek: number;
  measures: number;
  measuresDone: number;
  measuresOverdue: number;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface Window {
  from: string;
  to: string;
  count: number;
}
export interface Effect {
  at: string;
  days: number;
  before: Window;
  after: Window;
  lastYear: { before: Window; after: Window; ratio: number | null };
  expectedAfter: number;
  change: number;
  changePct: number | null;
  verdict: 'down' | 'up' | 'flat' | 'too_early' | 'too_few';
  weeks: { offset: number; from: string; count: number; lastYear: number }[];
  links: { before: RegisterLink; after: RegisterLink; lastYearBefore: RegisterLink; lastYearAfter: RegisterLink };
}

export interface MeasureRow {
  id: string;
  roadmapId: string;
  roadmap: string;
  title: string;
  description: string;
  dueOn: string;
  doneOn: string | null;
  status: string;
  overdue: boolean;
  responsible: Ref;
  recipient: Ref | null;
  topic: Ref | null;
  settlement: Ref | null;
  notes: number;
  files: number;
}

export interface ProblemCard {
  id: string;
  title: string;
  description: string;
  status: string;
  source: string;
  signalKey: string | null;
  topic: (Ref & { blockId: string | null }) | null;
  settlement: Ref | null;
  createdAt: string;
  createdBy: string | null;
  resolvedAt: string | null;
  today: string;
  casesTotal: number;
  cases: { id: string; number: string; receivedAt: string; status: string; channel: string; excerpt: string; address: string | null; addedAt: string }[];
  points: { id: string; number: string; lat: number; lon: number; exact: boolean }[];
  weeks: { from: string; to: string; linked: number; all: number | null }[];
  roadmaps: { id: string; title: string; approvedAt: string | null }[];
  measures: MeasureRow[];
  effect: (Effect & { basis: 'first_measure' | 'resolved' }) | null;
  practices: { id: string; title: string; source: string | null }[];
  polls: { id: string; title: string; kind: string; startsOn: string; endsOn: string }[];
}

export interface SignalDraft {
  signalKey: string;
  title: string;
  description: string;
  topic: Ref;
  settlement: Ref;
  week: { code: string; from: string; to: string };
  found: boolean;
  cases: { id: string; number: string; receivedAt: string; excerpt: string }[];
}

export interface Suggestion {
  id: string;
  number: string;
  status: string;
  receivedAt: string;
  address: string | null;
  excerpt: string;
  textScore: number;
}

export interface RoadmapRow {
  id: string;
  title: string;
  block: Ref | null;
  problem: { id: string; title: string } | null;
  approvedAt: string | null;
  approvedBy: string | null;
  measures: number;
  done: number;
  overdue: number;
  nextDue: string | null;
  createdAt: string;
}

export interface RoadmapCard {
  id: string;
  title: string;
  block: Ref | null;
  problem: { id: string; title: string } | null;
  approvedAt: string | null;
  approvedBy: string | null;
  createdBy: string | null;
  createdAt: string;
  today: string;
  measures: (MeasureRow & {
    notesList: { id: string; text: string; at: string; author: string | null }[];
    filesList: { id: string; fileName: string; mimeType: string; size: number; at: string }[];
    effect: Effect | null;
  })[];
  practices: { id: string; title: string }[];
}

export interface FastTrackSums {
  key: string | null;
  name: string | null;
  total: number;
  within: number;
  broke: number;
  pending: number;
  share: number | null;
}
export interface FastTrack {
  period: { from: string; to: string };
  total: FastTrackSums;
  byBlock: FastTrackSums[];
  byRecipient: FastTrackSums[];
  brokenListed: number;
  broken: { id: string; number: string; receivedAt: string; dueAt: string; resolvedAt: string | null; daysLate: number; status: string; topic: string | null; block: string | null; recipient: string | null }[];
  registerQuery: RegisterLink;
}

export interface Practice {
  id: string;
  title: string;
  description: string;
  topic: Ref | null;
  source: string | null;
  links: { title: string | null; url: string }[];
  problems: { id: string; title: string }[];
  roadmaps: { id: string; title: string }[];
  updatedAt: string;
}

export interface Poll {
  id: string;
  kind: string;
  title: string;
  platform: string;
  settlement: Ref | null;
  startsOn: string;
  endsOn: string;
  problem: { id: string; title: string } | null;
  participants: number | null;
  questions: { question: string; results: { option: string; votes: number }[] }[];
}
export interface PollCandidate {
  source: 'signal' | 'problem';
  key: string;
  topic: string | null;
  settlement: string | null;
  count: number;
  why: string;
  question: string;
  registerQuery: RegisterLink | null;
}

type Items<T> = { items: T[] };
export const problemsKey = ['problems'] as const;

export const problemsQuery = (q: { caseId?: string } = {}) =>
  queryOptions({
    queryKey: [...problemsKey, 'list', q],
    queryFn: () => api.get<Items<ProblemRow>>(`/api/problems${q.caseId ? `?caseId=${q.caseId}` : ''}`),
    select: (d) => d.items,
  });
export const problemQuery = (id: string) => queryOptions({ queryKey: [...problemsKey, 'card', id], queryFn: () => api.get<ProblemCard>(`/api/problems/${id}`) });
export const suggestionsQuery = (id: string) =>
  queryOptions({ queryKey: [...problemsKey, 'suggestions', id], queryFn: () => api.get<{ items: Suggestion[]; days: number; reason: string | null }>(`/api/problems/${id}/suggestions`) });
export const signalDraftQuery = (signal: string) =>
  queryOptions({ queryKey: [...problemsKey, 'signal', signal], queryFn: () => api.get<SignalDraft>(`/api/problems/signal-draft?signal=${encodeURIComponent(signal)}`), retry: false });
export const roadmapsQuery = queryOptions({ queryKey: [...problemsKey, 'roadmaps'], queryFn: () => api.get<Items<RoadmapRow>>('/api/roadmaps'), select: (d) => d.items });
export const roadmapQuery = (id: string) => queryOptions({ queryKey: [...problemsKey, 'roadmap', id], queryFn: () => api.get<RoadmapCard>(`/api/roadmaps/${id}`) });
export const peopleQuery = queryOptions({
  queryKey: [...problemsKey, 'people'],
  queryFn: () => api.get<Items<{ id: string; fullName: string; position: string | null }>>('/api/roadmaps/people'),
  select: (d) => d.items,
  staleTime: 5 * 60_000,
});
export const fastTrackQuery = (q: { from?: string; to?: string }) =>
  queryOptions({
    queryKey: [...problemsKey, 'fast-track', q],
    queryFn: () => api.get<FastTrack>(`/api/problems-fast-track?${new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString()}`),
  });
export const practicesQuery = queryOptions({ queryKey: [...problemsKey, 'practices'], queryFn: () => api.get<Items<Practice>>('/api/practices'), select: (d) => d.items });
export const pollsQuery = queryOptions({ queryKey: [...problemsKey, 'polls'], queryFn: () => api.get<Items<Poll>>('/api/polls'), select: (d) => d.items });
export const pollCandidatesQuery = queryOptions({
  queryKey: [...problemsKey, 'poll-candidates'],
  queryFn: () => api.get<{ week: { code: string }; items: PollCandidate[] }>('/api/polls/candidates'),
});

/** Any change here refreshes every problems view (they are small). */
export function useProblemsMutation<V, R = unknown>(fn: (v: V) => Promise<R>, success?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      if (success) notifications.show({ message: success, color: 'green', autoClose: 2500 });
      return qc.invalidateQueries({ queryKey: problemsKey });
    },
  });
}

export const showError = (err: unknown) => notifications.show({ message: errorMessage(err), color: 'red' });
export const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key as 'common.save', opts as never) as unknown as string;

/** `/cases?…` of a register link object. */
export function registerHref(q: RegisterLink | null | undefined): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q ?? {})) {
    if (Array.isArray(v)) for (const x of v) p.append(k, x);
    else if (v != null && v !== '') p.set(k, v);
  }
  return `/cases?${p.toString()}`;
}
