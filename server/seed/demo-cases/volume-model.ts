import { addDaysIso, localDate, startOfLocalDay, weekdayIso, type IsoDate, type WorkCalendar } from '../../../domain/deadlines';
import type { Rng } from '../../modules/cases/demo/prng';
import type { DemoReference, RefSettlement, RefSubtopic } from './reference';
import { HOLIDAY_FACTOR, SUBTOPIC_MODELS, TOPIC_SHARES, WEEKDAY_FACTORS, YEARLY_GROWTH, seasonOf } from './seasonality';

/** The first day of demo history: the production calendar of the product starts in 2024. */
export const HISTORY_START: IsoDate = '2024-01-01';
/** The last local day the calendar data can serve deadlines for (answers run up to ~2 months). */
export const HISTORY_LAST_NOW = Date.parse('2027-10-31T00:00:00Z');

/** A local surge: many cases on one sub-topic from one settlement for a few days. */
export interface Burst {
  code: string;
  subtopic: RefSubtopic;
  settlement: RefSettlement;
  from: IsoDate;
  days: number;
  /** Extra cases per day, as a share of an average day of the whole district. */
  intensity: number;
  /** true: the surge grows day by day (a problem that is getting worse right now). */
  growing: boolean;
}

export interface DayPlan {
  date: IsoDate;
  /** UTC instants of the local day's start and of its end (or `now` on the last day). */
  start: number;
  end: number;
  month: number; // 1..12
  working: boolean;
  count: number;
  /** Probability that a case of this day belongs to each active burst (parallel to `bursts`). */
  burstShares: { burst: Burst; share: number }[];
}

interface BurstSpec {
  code: string;
  subtopic: string;
  settlement: string;
  from: IsoDate | 'recent';
  days: number;
  intensity: number;
}

/**
 * The surges of the demo history: a water main break, a boiler failure in frost, a storm, a new
 * waste contractor — and one that is happening in the last days before `now`, so the growth
 * detection has something real to find.
 */
const BURSTS: readonly BurstSpec[] = [
  { code: 'power-kamenskoe-2024-06', subtopic: 'energy.outages', settlement: 'kamenskoe', from: '2024-06-10', days: 3, intensity: 0.4 },
  { code: 'water-zolotovskoe-2025-07', subtopic: 'housing.cold_water', settlement: 'zolotovskoe', from: '2025-07-14', days: 7, intensity: 0.3 },
  { code: 'waste-luganskoe-2025-08', subtopic: 'waste.collection', settlement: 'luganskoe', from: '2025-08-04', days: 6, intensity: 0.25 },
  { code: 'heating-krasnoarmeysk-2026-01', subtopic: 'housing.heating', settlement: 'krasnoarmeysk', from: '2026-01-20', days: 4, intensity: 0.35 },
  { code: 'recent', subtopic: '', settlement: 'kamenskoe', from: 'recent', days: 6, intensity: 0.3 },
];

export function demoBursts(ref: DemoReference, firstDay: IsoDate, lastDay: IsoDate): Burst[] {
  const out: Burst[] = [];
  const month = Number(lastDay.slice(5, 7));
  for (const spec of BURSTS) {
    const from = spec.from === 'recent' ? addDaysIso(lastDay, -(spec.days - 1)) : spec.from;
    const code = spec.subtopic || (month >= 10 || month <= 4 ? 'housing.heating' : 'housing.cold_water');
    const subtopic = ref.subtopics.find((s) => s.code === code);
    const settlement = ref.settlements.find((s) => s.code === spec.settlement);
    if (!subtopic || !settlement || from < firstDay || addDaysIso(from, spec.days - 1) > lastDay) continue;
    out.push({ code: spec.code === 'recent' ? `${code}-${spec.settlement}-recent` : spec.code, subtopic, settlement, from, days: spec.days, intensity: spec.intensity, growing: spec.from === 'recent' });
  }
  return out;
}

/** Weight of every sub-topic in each month (index 0 = January), from the topic shares. */
export function monthlySubtopicWeights(subtopics: readonly RefSubtopic[]): number[][] {
  const inTopic = new Map<string, number>();
  for (const s of subtopics) inTopic.set(s.topicCode, (inTopic.get(s.topicCode) ?? 0) + (SUBTOPIC_MODELS[s.code]?.weight ?? 1));
  return Array.from({ length: 12 }, (_, m) =>
    subtopics.map((s) => {
      const w = SUBTOPIC_MODELS[s.code]?.weight ?? 1;
      return ((TOPIC_SHARES[s.topicCode] ?? 2) * w) / inTopic.get(s.topicCode)! * seasonOf(s.code)[m];
    }),
  );
}

/**
 * Splits `count` cases over the local days from HISTORY_START to `now`: weekly rhythm, holidays,
 * the seasonal sum of the sub-topics, a slow upward trend and the bursts. The split is exact and
 * uses no randomness (cumulative rounding), so the same inputs give the same days.
 */
export function planDays(ref: DemoReference, count: number, now: Date, calendar: WorkCalendar): DayPlan[] {
  const tz = ref.timeZone;
  if (now.getTime() > HISTORY_LAST_NOW) throw new Error('Демо-обращения: производственный календарь есть только по 2027 год — укажите дату не позднее 31.10.2027');
  const lastDay = localDate(now, tz);
  if (lastDay <= HISTORY_START) throw new Error(`Демо-обращения: дата «сейчас» должна быть позже ${HISTORY_START}`);
  const monthTotals = monthlySubtopicWeights(ref.subtopics).map((ws) => ws.reduce((a, b) => a + b, 0));
  const avgMonth = monthTotals.reduce((a, b) => a + b, 0) / 12;
  const bursts = demoBursts(ref, HISTORY_START, lastDay);

  const days: DayPlan[] = [];
  const base: number[] = [];
  for (let day = HISTORY_START, i = 0; day <= lastDay; day = addDaysIso(day, 1), i++) {
    const start = startOfLocalDay(day, tz).getTime();
    const next = startOfLocalDay(addDaysIso(day, 1), tz).getTime();
    const end = Math.min(next, now.getTime());
    const month = Number(day.slice(5, 7));
    const working = calendar.isWorkingDay(day);
    const weekday = WEEKDAY_FACTORS[weekdayIso(day) - 1];
    const rhythm = working ? Math.max(weekday, 0.9) : Math.min(weekday, HOLIDAY_FACTOR + 0.07);
    const trend = 1 + YEARLY_GROWTH * (i / 365);
    base.push(((rhythm * trend * monthTotals[month - 1]) / avgMonth) * ((end - start) / (next - start)));
    days.push({ date: day, start, end, month, working, count: 0, burstShares: [] });
  }
  const average = base.reduce((a, b) => a + b, 0) / base.length;
  const weights = days.map((d, i) => {
    let w = base[i];
    for (const b of bursts) {
      const k = dayIndex(b.from, d.date);
      if (k < 0 || k >= b.days) continue;
      const extra = average * b.intensity * (b.growing ? (2 * (k + 1)) / (b.days + 1) : 1);
      d.burstShares.push({ burst: b, share: extra });
      w += extra;
    }
    for (const s of d.burstShares) s.share /= w;
    return w;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  let cum = 0;
  let given = 0;
  for (let i = 0; i < days.length; i++) {
    cum += weights[i];
    const upTo = Math.round((count * cum) / total);
    days[i].count = upTo - given;
    given = upTo;
  }
  return days;
}

function dayIndex(from: IsoDate, day: IsoDate): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Cumulative weights for fast repeated draws (binary search instead of a linear scan). */
export class WeightedTable<T> {
  private readonly cum: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedTable: items and weights must be non-empty and of equal length');
    this.cum = new Float64Array(weights.length);
    let s = 0;
    weights.forEach((w, i) => {
      s += Math.max(0, w);
      this.cum[i] = s;
    });
    if (s <= 0) throw new Error('WeightedTable: weights sum to 0');
    this.total = s;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
