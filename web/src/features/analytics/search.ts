import { addDaysIso, localDate } from '../../../../domain/time/zoned';
import { periodContaining } from '../../../../domain/analytics/period';
import { CASE_STATUSES } from '../../../../domain/cases/status';
import type { MapMeasure } from './analytics.api';

export const MEASURES: MapMeasure[] = ['count', 'per1000', 'overdue_share', 'avg_rating'];
export const TABS = ['map', 'signals', 'indicators'] as const;
export type AnalyticsTab = (typeof TABS)[number];

/** The filters of «Карта и аналитика» as they live in the URL (the API's names). */
export interface AnalyticsSearch {
  tab?: AnalyticsTab;
  from?: string;
  to?: string;
  regime?: 'FZ59' | 'MESSAGE';
  channel?: string;
  blockId?: string;
  topicId?: string;
  recipientId?: string;
  status?: string[];
  measure?: MapMeasure;
  level?: 'locality';
  cmp?: 'yoy';
  period?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Whatever is in the URL; values the API would refuse are dropped. */
export function parseAnalyticsSearch(raw: Record<string, unknown>): AnalyticsSearch {
  const out: AnalyticsSearch = {};
  const tab = str(raw.tab);
  if (tab && (TABS as readonly string[]).includes(tab)) out.tab = tab as AnalyticsTab;
  for (const k of ['from', 'to'] as const) if (DATE.test(str(raw[k]) ?? '')) out[k] = raw[k] as string;
  if (raw.regime === 'FZ59' || raw.regime === 'MESSAGE') out.regime = raw.regime;
  const channel = str(raw.channel);
  if (channel && channel.length <= 64) out.channel = channel;
  for (const k of ['blockId', 'topicId', 'recipientId'] as const) if (UUID.test(str(raw[k]) ?? '')) out[k] = raw[k] as string;
  const status = (Array.isArray(raw.status) ? raw.status : raw.status ? [raw.status] : []).filter((s): s is string => typeof s === 'string' && (CASE_STATUSES as readonly string[]).includes(s));
  if (status.length) out.status = status;
  const m = str(raw.measure);
  if (m && (MEASURES as string[]).includes(m) && m !== 'count') out.measure = m as MapMeasure;
  if (raw.level === 'locality') out.level = 'locality';
  if (raw.cmp === 'yoy') out.cmp = 'yoy';
  const period = str(raw.period);
  if (period && /^\d{4}(-Q[1-4]|-\d{2})?$/.test(period)) out.period = period;
  return out;
}

/** The case filters of the search, as the analytics API reads them. */
export function caseFilters(s: AnalyticsSearch) {
  const { from, to, regime, channel, blockId, topicId, recipientId, status } = s;
  return { from, to, regime, channel, blockId, topicId, recipientId, status };
}

export const PRESETS = ['week', 'days30', 'month', 'quarter', 'year'] as const;
export type Preset = (typeof PRESETS)[number];

/** Local date ranges of the presets, ending today in the tenant's zone. */
export function presetRange(p: Preset, timeZone: string, now = new Date()): { from: string; to: string } {
  const today = localDate(now, timeZone);
  switch (p) {
    case 'week':
      return { from: addDaysIso(today, -6), to: today };
    case 'days30':
      return { from: addDaysIso(today, -29), to: today };
    case 'month':
      return { from: periodContaining('month', today).from, to: today };
    case 'quarter':
      return { from: periodContaining('quarter', today).from, to: today };
    case 'year':
      return { from: addDaysIso(today, -364), to: today };
  }
}

/** The preset that gives exactly this range (or none: a custom range). */
export function presetOf(r: { from?: string; to?: string }, timeZone: string): Preset | null {
  if (!r.from && !r.to) return 'days30';
  return PRESETS.find((p) => {
    const x = presetRange(p, timeZone);
    return x.from === r.from && x.to === r.to;
  }) ?? null;
}
