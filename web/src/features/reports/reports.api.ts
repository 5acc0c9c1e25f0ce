import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface NoteListItem {
  id: string;
  weeklyCode: string | null;
  periodFrom: string;
  periodTo: string;
  status: 'draft' | 'issued';
  versions: number;
  updatedAt: string;
}

export type NoteBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; align: ('left' | 'right')[]; widths: number[]; rows: string[][] }
  | { kind: 'image'; chart: 'trend' | 'heatmap'; caption: string }
  | { kind: 'freeText'; field: 'conclusions' | 'recommendations'; text: string };

export interface NoteTexts {
  addressee: string;
  signer: string;
  conclusions: string;
  recommendations: string;
}

export interface NoteDetail {
  id: string;
  weeklyCode: string | null;
  periodFrom: string;
  periodTo: string;
  status: 'draft' | 'issued';
  texts: NoteTexts;
  defaults: { addressee: string; signer: string };
  generatedAt: string;
  document: { addressee: string; fromWhom: string; date: string; title: string; subject: string; blocks: NoteBlock[]; signature: { position: string; name: string } };
  versions: { id: string; version: number; fileName: string; size: number; issuedAt: string; issuedBy: string | null }[];
}

export interface CurRow {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
  n: number;
  comment: string;
}

export interface CurItem {
  period: string;
  kind: 'quarter' | 'year';
  from: string;
  to: string;
  dueOn: string;
  status: 'missing' | 'draft' | 'sent';
  daysLeft: number;
  overdue: boolean;
  generatedAt: string | null;
  sentAt: string | null;
  rows: CurRow[] | null;
}

export interface ExportJob {
  id: string;
  list: string;
  format: 'xlsx' | 'csv';
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number | null;
  done: number;
  fileName: string | null;
  error: string | null;
  createdAt: string;
}

export interface DueInfo {
  reports: Omit<CurItem, 'rows'>[];
  weekly: { period: string; from: string; to: string; noteId: string; status: 'draft' | 'issued' } | null;
  nextWeekly: { from: string; to: string; generatesOn: string; at: string };
}

export interface RegionReportItem {
  municipality: { id: string; name: string; oktmo: string | null };
  period: string;
  kind: 'quarter' | 'year';
  dueOn: string;
  status: 'sent' | 'missing';
  sentAt: string | null;
  sentBy: string | null;
  overdue: boolean;
}

export const notesQuery = queryOptions({ queryKey: ['reports', 'notes'], queryFn: () => api.get<{ items: NoteListItem[] }>('/api/reports/notes') });
export const noteQuery = (id: string) => queryOptions({ queryKey: ['reports', 'notes', id], queryFn: () => api.get<NoteDetail>(`/api/reports/notes/${id}`) });
export const curQuery = queryOptions({ queryKey: ['reports', 'cur'], queryFn: () => api.get<{ today: string; startsOn: string | null; items: CurItem[] }>('/api/reports/cur') });
export const dueQuery = queryOptions({ queryKey: ['reports', 'due'], queryFn: () => api.get<DueInfo>('/api/reports/due') });
export const exportJobsQuery = queryOptions({ queryKey: ['exports', 'jobs'], queryFn: () => api.get<{ items: ExportJob[] }>('/api/exports/jobs') });
export const regionReportsQuery = queryOptions({ queryKey: ['reports', 'region'], queryFn: () => api.get<{ items: RegionReportItem[] }>('/api/region/reports') });

export const ruDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
export const periodLabel = (from: string, to: string) => `${ruDay(from)} – ${ruDay(to)}`;

export { periodLabel as curPeriodLabel } from '../analytics/format';
