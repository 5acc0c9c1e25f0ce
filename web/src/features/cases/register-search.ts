import { registerQuery } from '../../../../domain/cases/register-query';
import type { CaseStatus } from './case-types';

/**
 * The register's filters as they live in the URL (TanStack search params). The same keys and
 * values as the API's querystring (domain/cases/register-query.ts), so a link reproduces the view
 * and `/cases?channel=pos` from the server's landing works as is.
 */
export interface RegisterSearch {
  q?: string;
  status?: CaseStatus[];
  deadline?: 'overdue' | 'at_risk' | 'on_time' | 'late' | 'paused';
  regime?: 'FZ59' | 'MESSAGE';
  channel?: string;
  blockId?: string;
  topicId?: string;
  settlementId?: string;
  localityId?: string;
  recipientId?: string;
  executorId?: string;
  priority?: 'low' | 'normal' | 'high';
  fastTrack?: '1' | '0';
  rating?: 'low' | 'high' | 'none';
  from?: string;
  to?: string;
  sort?: 'received_asc' | 'due_asc' | 'updated_desc';
}

const KEYS = ['q', 'status', 'deadline', 'regime', 'channel', 'blockId', 'topicId', 'settlementId', 'localityId', 'recipientId', 'executorId', 'priority', 'fastTrack', 'rating', 'from', 'to', 'sort'] as const;
type Key = (typeof KEYS)[number];

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * Reads whatever is in the URL; a value the API would refuse is dropped, not shown as an error
 * (a hand-edited or outdated link still opens the register).
 */
export function parseRegisterSearch(raw: Record<string, unknown>): RegisterSearch {
  const out: Record<string, unknown> = {};
  const shape = registerQuery.shape;
  for (const key of KEYS) {
    const value = raw[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === 'status') {
      const list = (Array.isArray(value) ? value : String(value).split(',')).map(asString).filter((s): s is string => Boolean(s));
      const parsed = shape.status.safeParse(list);
      if (parsed.success && parsed.data?.length) out.status = [...new Set(parsed.data)];
      continue;
    }
    const text = asString(value);
    if (text === undefined) continue;
    const parsed = shape[key as Exclude<Key, 'status'>].safeParse(text);
    if (!parsed.success) continue;
    if (key === 'sort' && parsed.data === 'received_desc') continue;
    out[key] = key === 'q' ? text.trim() || undefined : text;
  }
  return out as RegisterSearch;
}

/** Filters that narrow the list (everything except the order). */
export function hasFilters(s: RegisterSearch): boolean {
  return KEYS.some((k) => k !== 'sort' && s[k] !== undefined);
}

/** The API's querystring for these filters: `status` repeated, as the server reads it. */
export function toQueryString(s: RegisterSearch, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const key of KEYS) {
    const v = s[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) p.append(key, x);
    else p.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, v);
  return p.toString();
}

/** A saved view's query (an API querystring) back into the register's filters. */
export function fromQueryString(query: string): RegisterSearch {
  const p = new URLSearchParams(query.replace(/^\?/, ''));
  const raw: Record<string, unknown> = {};
  for (const key of new Set(p.keys())) raw[key] = key === 'status' ? p.getAll(key) : p.get(key);
  return parseRegisterSearch(raw);
}
