// Working time on the tenant's schedule: spans of a day, consuming and measuring working time.
// Internal helpers of the deadline functions (not re-exported by index.ts).
import { FULL_DAY_HOURS } from '../calendar/work-calendar';
import {
  addDaysIso, localDate, startOfLocalDay, weekdayIso, zonedTimeToUtc, type IsoDate,
} from '../time/zoned';
import type { DeadlineContext, TimeRange, WorkSchedule } from './deadline-rule';

/** Half-open interval of epoch milliseconds; `to` may be Infinity (an open pause). */
export interface Span {
  from: number;
  to: number;
}

/** Safety net against endless loops (an empty schedule); ten years of days. */
export const MAX_SCAN_DAYS = 3660;
const HOUR_MS = 3_600_000;

function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new RangeError(`Некорректное время в графике: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Hours for a day; a working Sat/Sun without its own hours borrows Monday's. */
function rangeFor(day: IsoDate, schedule: WorkSchedule): TimeRange | undefined {
  const weekday = weekdayIso(day);
  return schedule.days[weekday] ?? (weekday >= 6 ? schedule.days[1] : undefined);
}

/** Removes `cut` from every span of `spans` (both lists of half-open intervals). */
export function subtractSpans(spans: Span[], cut: readonly Span[]): Span[] {
  let result = spans;
  for (const c of cut) {
    result = result.flatMap((s) => {
      if (c.to <= s.from || c.from >= s.to) return [s];
      const parts: Span[] = [];
      if (c.from > s.from) parts.push({ from: s.from, to: c.from });
      if (c.to < s.to) parts.push({ from: c.to, to: s.to });
      return parts;
    });
  }
  return result;
}

/** Working spans of a local day as instants. Throws CalendarYearMissingError for unknown years. */
export function workingSpansOn(day: IsoDate, ctx: DeadlineContext): Span[] {
  const hours = ctx.calendar.workingHoursOn(day);
  const range = rangeFor(day, ctx.schedule);
  if (hours <= 0 || !range) return [];
  const start = minutesOf(range.start);
  const end = minutesOf(range.end) - Math.max(0, FULL_DAY_HOURS - hours) * 60; // shortened day
  if (end <= start) return [];
  let minuteSpans: Span[] = [{ from: start, to: end }];
  const lunch = ctx.schedule.lunch;
  if (lunch) minuteSpans = subtractSpans(minuteSpans, [{ from: minutesOf(lunch.start), to: minutesOf(lunch.end) }]);
  const at = (minutes: number) => zonedTimeToUtc(addDaysIso(day, Math.floor(minutes / 1440)), hhmmOf(minutes % 1440), ctx.timeZone).getTime();
  return minuteSpans.map((s) => ({ from: at(s.from), to: at(s.to) }));
}

/**
 * Consumes `hours` of working time from `start`, skipping `pauses`. Returns the instant the last
 * working millisecond is used, or null when the time runs into an open pause (`to` = Infinity).
 */
export function addWorkingHours(start: Date, hours: number, ctx: DeadlineContext, pauses: readonly Span[] = []): Date | null {
  let left = hours * HOUR_MS;
  const t0 = start.getTime();
  const openFrom = Math.min(...pauses.filter((p) => p.to === Infinity).map((p) => p.from));
  let day = localDate(start, ctx.timeZone);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, day = addDaysIso(day, 1)) {
    for (const span of subtractSpans(workingSpansOn(day, ctx), pauses)) {
      const from = Math.max(span.from, t0);
      if (from >= span.to) continue;
      if (left <= span.to - from) return new Date(from + left);
      left -= span.to - from;
    }
    if (openFrom < startOfLocalDay(addDaysIso(day, 1), ctx.timeZone).getTime()) return null;
  }
  throw new RangeError(`Не удалось рассчитать срок: в графике нет рабочего времени на ${MAX_SCAN_DAYS} дней вперёд`);
}

/** Working time between two instants in hours; negative when `to` is before `from`. */
export function workingHoursBetween(from: Date, to: Date, ctx: DeadlineContext): number {
  if (to < from) return -workingHoursBetween(to, from, ctx);
  const last = localDate(to, ctx.timeZone);
  let total = 0;
  for (let day = localDate(from, ctx.timeZone); day <= last; day = addDaysIso(day, 1)) {
    for (const span of workingSpansOn(day, ctx)) {
      total += Math.max(0, Math.min(span.to, to.getTime()) - Math.max(span.from, from.getTime()));
    }
  }
  return total / HOUR_MS;
}
