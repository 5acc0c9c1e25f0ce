import { queryOptions, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api, qs } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { Network } from '../../../../domain/engagement/networks';
import type { ActivityInput, AssignmentStatus, NoticeChannel, NoticeInput, PageInput, TaskInput } from '../../../../domain/engagement/schemas';
import type { ConflictHit } from '../../../../domain/engagement/conflicts';

export interface FileRef {
  id: string;
  fileName: string;
  size: number;
  mimeType: string;
}

export interface PageRow {
  id: string;
  network: Network;
  url: string;
  name: string;
  ownerRecipientId: string;
  ownerName: string;
  responsible: string | null;
  confirmed: boolean;
  widget: boolean;
  isActive: boolean;
  latest: { period: string; publications: number; reach: number; engagement: number; comments: number; commentsAnswered: number; lastPostOn: string | null } | null;
  lastPostOn: string | null;
  silentDays: number | null;
  gaps: ('not_confirmed' | 'no_widget' | 'silent')[];
  score: { score: number; parts: { code: string; weight: number; value: number }[] };
}

export interface PagesView {
  silenceDays: number;
  summary: { pages: number; notConfirmed: number; noWidget: number; silent: number; withoutPage: number };
  items: PageRow[];
  missing: { recipientId: string; name: string; kind: string; networks: Network[] }[];
  exempted: { id: string; recipientId: string; name: string; reason: string; by: string | null; at: string }[];
}

export interface ImportResult {
  fileName: string;
  rows: number;
  inserted: number;
  updated: number;
  errors: { row: number; message: string; values: string[] }[];
}

export interface ConflictRow {
  answerId: string;
  caseId: string;
  caseNumber: string;
  channel: string;
  source: 'page_reply' | 'answer';
  answeredAt: string;
  excerpt: string;
  hits: ConflictHit[];
  reviewedAt: string | null;
}

export interface NoticeRow {
  id: string;
  title: string;
  audience: string | null;
  settlementIds: string[];
  postText: string;
  publicText: string;
  smsText: string | null;
  publishAt: string;
  validUntil: string;
  publications: { channel: NoticeChannel; link: string | null; publishedAt: string }[];
}

export interface Assignment {
  id: string;
  tenantId: string;
  taskId: string;
  status: AssignmentStatus;
  reportText: string | null;
  reportedAt: string | null;
  regionComment: string | null;
  files: FileRef[];
}

export type TasksView =
  | { view: 'region'; municipalities: { id: string; name: string }[]; items: { id: string; kind: string; title: string; description: string | null; dueOn: string; createdAt: string; assignments: (Assignment & { municipality: string })[] }[] }
  | { view: 'municipality'; items: (Assignment & { kind: string; title: string; description: string | null; dueOn: string; setAt: string })[] };

export interface Recommendation {
  id: string;
  title: string;
  body: string | null;
  issuedOn: string;
  municipality: string | null;
  files: FileRef[];
}

export const keys = {
  pages: ['engagement', 'pages'] as const,
  conflicts: ['engagement', 'conflicts'] as const,
  notices: ['engagement', 'notices'] as const,
  tasks: ['engagement', 'tasks'] as const,
  recommendations: ['engagement', 'recommendations'] as const,
};

export const pagesQuery = queryOptions({ queryKey: keys.pages, queryFn: () => api.get<PagesView>('/api/engagement/pages') });
export const conflictsQuery = (days: number, reviewed: boolean) =>
  queryOptions({ queryKey: [...keys.conflicts, days, reviewed], queryFn: () => api.get<{ items: ConflictRow[]; unreviewed: number; counts: Record<string, number> }>(`/api/engagement/conflicts${qs({ days, reviewed: reviewed ? 1 : 0 })}`) });
export const noticesQuery = queryOptions({ queryKey: keys.notices, queryFn: () => api.get<{ items: NoticeRow[] }>('/api/engagement/notices'), select: (d) => d.items });
export const tasksQuery = queryOptions({ queryKey: keys.tasks, queryFn: () => api.get<TasksView>('/api/engagement/tasks') });
export const recommendationsQuery = queryOptions({ queryKey: keys.recommendations, queryFn: () => api.get<{ items: Recommendation[] }>('/api/engagement/recommendations'), select: (d) => d.items });

/** A mutation that refreshes `invalidate` and shows a short notice; errors go to the caller (forms) or a red notice. */
export function useAction<V, R = unknown>(fn: (v: V) => Promise<R>, invalidate: QueryKey, done?: string | ((r: R) => string), quietErrors = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      if (done) notifications.show({ message: typeof done === 'string' ? done : done(r), color: 'green', autoClose: 2500 });
      return qc.invalidateQueries({ queryKey: invalidate });
    },
    onError: quietErrors ? undefined : (err) => notifications.show({ message: errorMessage(err), color: 'red' }),
  });
}

export const savePage = ({ id, input }: { id?: string; input: PageInput }) => (id ? api.put(`/api/engagement/pages/${id}`, input) : api.post('/api/engagement/pages', input));
export const saveActivity = ({ id, input }: { id: string; input: ActivityInput }) => api.put(`/api/engagement/pages/${id}/activity`, input);
export const importActivity = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportResult>('/api/engagement/activity/import', form);
};
export const exemptFromPage = (v: { recipientId: string; reason: string }) => api.post('/api/engagement/page-exemptions', v);
export const removePageExemption = (id: string) => api.del(`/api/engagement/page-exemptions/${id}`);
export const saveSilence = (silenceDays: number) => api.put('/api/engagement/settings', { silenceDays });
export const reviewConflict = (answerId: string) => api.post(`/api/engagement/conflicts/${answerId}/review`, {});
export const saveNotice = ({ id, input }: { id?: string; input: NoticeInput }) => (id ? api.put(`/api/engagement/notices/${id}`, input) : api.post('/api/engagement/notices', input));
export const markPublished = ({ id, channel, link }: { id: string; channel: NoticeChannel; link: string }) => api.post(`/api/engagement/notices/${id}/publications`, { channel, link });
export const unpublish = ({ id, channel }: { id: string; channel: NoticeChannel }) => api.del(`/api/engagement/notices/${id}/publications/${channel}`);
export const createTask = (input: TaskInput) => api.post('/api/engagement/tasks', input);
export const acceptTask = (id: string) => api.post(`/api/engagement/assignments/${id}/accept`, {});
export const sendReport = ({ id, text, files }: { id: string; text: string; files: File[] }) => {
  const form = new FormData();
  form.append('text', text);
  for (const f of files) form.append('file', f, f.name);
  return api.upload(`/api/engagement/assignments/${id}/report`, form);
};
export const decideReport = ({ id, decision, comment }: { id: string; decision: 'accept' | 'return'; comment: string }) => api.post(`/api/engagement/assignments/${id}/decision`, { decision, comment });
export const createRecommendation = ({ fields, files }: { fields: Record<string, string>; files: File[] }) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('file', f, f.name);
  return api.upload('/api/engagement/recommendations', form);
};
export const fileUrl = (id: string) => `/api/engagement/files/${id}`;
