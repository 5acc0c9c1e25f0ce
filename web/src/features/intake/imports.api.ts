import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Field → file headers: `{ sourceId: ['Номер'], address: ['Улица', 'Дом'] }`. */
export type ImportMapping = Partial<Record<string, string[]>>;
export interface ImportOptions {
  status: 'received' | 'registered';
  defaultRegime: 'MESSAGE' | 'FZ59';
  timeZone?: string;
}
export interface ImportField {
  key: string;
  label: string;
  multiple: boolean;
  required: boolean;
}
export interface ImportPreset {
  code: string;
  name: string;
  channel: string | null;
}
export interface ImportJob {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  size: number;
  encoding: string | null;
  delimiter: string | null;
  sheetName: string | null;
  headerRow: number;
  headers?: string[];
  preview?: { rowNumber: number; values: string[] }[];
  suggestion?: {
    mappingId: string | null;
    mappingName: string | null;
    preset: string;
    presetName: string;
    channel: string | null;
    mapping: ImportMapping;
    options: ImportOptions;
    unusedHeaders: string[];
    problems: Record<string, string>;
    sameFileAs: string | null;
  } | null;
  channel: string | null;
  mapping: ImportMapping | null;
  status: 'uploaded' | 'queued' | 'running' | 'done' | 'failed';
  progress: { totalRows: number | null; rowsDone: number; checkpointRow: number; percent: number | null };
  counts: { inserted: number; updated: number; unchanged: number; quarantined: number };
  receivedFrom: string | null;
  receivedTo: string | null;
  warnings: { key: string; message: string; count: number; rows: number[] }[];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdByName?: string | null;
}
export interface QuarantineRow {
  id: string;
  rowNumber: number;
  values: Record<string, string>;
  reason: string;
  state: string;
  caseId: string | null;
}
export interface QuarantinePage {
  headers: string[];
  personalDataColumns: string[];
  total: number;
  items: QuarantineRow[];
}
export interface Channel {
  code: string;
  name: string;
  isActive?: boolean;
}

export const ACTIVE = ['queued', 'running'] as const;
export const isActive = (j: Pick<ImportJob, 'status'>) => (ACTIVE as readonly string[]).includes(j.status);

export const importsListQuery = queryOptions({
  queryKey: ['imports', 'list'],
  queryFn: () => api.get<{ items: ImportJob[] }>('/api/imports?limit=100'),
  refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 1000 : false),
});

export const importJobQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', 'job', id],
    queryFn: () => api.get<ImportJob>(`/api/imports/${id}`),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? 700 : false),
  });

export const presetsQuery = queryOptions({
  queryKey: ['imports', 'presets'],
  queryFn: () => api.get<{ fields: ImportField[]; presets: ImportPreset[] }>('/api/imports/presets'),
  staleTime: Infinity,
});

export const channelsQuery = queryOptions({
  queryKey: ['channels'],
  queryFn: () => api.get<{ items: Channel[] }>('/api/channels'),
  staleTime: 60_000,
});

export const quarantineQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', 'quarantine', id],
    queryFn: () => api.get<QuarantinePage>(`/api/imports/${id}/quarantine?state=open&limit=100`),
  });

/** The local calendar day (YYYY-MM-DD) of an instant in the tenant's zone: the register's `from`/`to`. */
export function localDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
