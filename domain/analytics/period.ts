// Periods of analytics on local civil dates: date ranges, ISO weeks, months, quarters, years.
// Pure: the server turns the dates into instants with the tenant's time zone.
import { addDaysIso, diffDaysIso, parseIsoDate, weekdayIso, type IsoDate } from '../time/zoned';

/** An inclusive range of local dates, as the register's `from` / `to` filters read it. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** A named calendar period: `2026-W47`, `2026-11`, `2026-Q3`, `2026`. */
export interface Period extends DateRange {
  kind: PeriodKind;
  code: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days in a range, both ends included. */
export function rangeDays(r: DateRange): number {
  return diffDaysIso(r.from, r.to) + 1;
}

/** The range of equal length that ends the day before `r` starts. */
export function previousRange(r: DateRange): DateRange {
  const days = rangeDays(r);
  return { from: addDaysIso(r.from, -days), to: addDaysIso(r.from, -1) };
}

/** The same dates `years` earlier; 29 February becomes 28 February. */
export function shiftYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const y = year + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const d = month === 2 && day === 29 && !leap ? 28 : day;
  return `${pad(y, 4)}-${pad(month)}-${pad(d)}`;
}

/** The same range a year earlier. */
export function yearAgoRange(r: DateRange): DateRange {
  return { from: shiftYears(r.from, -1), to: shiftYears(r.to, -1) };
}

/** ISO 8601 week of a date: the week (Monday–Sunday) belongs to the year of its Thursday. */
export function isoWeekOf(date: IsoDate): { year: number; week: number } {
  const thursday = addDaysIso(date, 4 - weekdayIso(date));
  const year = parseIsoDate(thursday).year;
  const week = Math.floor(diffDaysIso(`${pad(year, 4)}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** Monday of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): IsoDate {
  const jan4 = `${pad(year, 4)}-01-04`;
  return addDaysIso(jan4, 1 - weekdayIso(jan4) + 7 * (week - 1));
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${pad(year, 4)}-12-28`).week;
}

export function formatIsoWeek(year: number, week: number): string {
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The ISO week of a date as a period. */
export function weekPeriod(date: IsoDate): Period {
  const { year, week } = isoWeekOf(date);
  const from = isoWeekStart(year, week);
  return { kind: 'week', code: formatIsoWeek(year, week), from, to: addDaysIso(from, 6) };
}

/** The last ISO week that has fully ended before `today`. */
export function lastCompleteWeek(today: IsoDate): Period {
  return weekPeriod(addDaysIso(today, -weekdayIso(today)));
}

/** The week `n` weeks after (negative: before) the week that starts on `monday`. */
export function shiftWeek(p: Period, n: number): Period {
  return weekPeriod(addDaysIso(p.from, 7 * n));
}

/** The same ISO week number `years` earlier (week 53 becomes week 52 in a 52-week year). */
export function sameWeekYearsAgo(p: Period, years: number): Period {
  const { year, week } = isoWeekOf(p.from);
  const y = year - years;
  return weekPeriod(isoWeekStart(y, Math.min(week, weeksInYear(y))));
}

function lastDayOfMonth(year: number, month: number): IsoDate {
  return addDaysIso(month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1)}-01`, -1);
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', code: `${pad(year, 4)}-${pad(month)}`, from: `${pad(year, 4)}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { kind: 'quarter', code: `${pad(year, 4)}-Q${quarter}`, from: `${pad(year, 4)}-${pad(first)}-01`, to: lastDayOfMonth(year, first + 2) };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', code: pad(year, 4), from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}

export const PERIOD_CODE = /^(\d{4})(?:-W(\d{2})|-Q([1-4])|-(\d{2}))?$/;

/** Parses `2026`, `2026-Q3`, `2026-09` or `2026-W47`; throws RangeError on anything else. */
export function parsePeriod(code: string): Period {
  const m = PERIOD_CODE.exec(code);
  if (!m) throw new RangeError(`Некорректный период: ${code}`);
  const year = Number(m[1]);
  if (m[2]) {
    const week = Number(m[2]);
    if (week < 1 || week > weeksInYear(year)) throw new RangeError(`Некорректная неделя: ${code}`);
    return weekPeriod(isoWeekStart(year, week));
  }
  if (m[3]) return quarterPeriod(year, Number(m[3]));
  if (m[4]) {
    const month = Number(m[4]);
    if (month < 1 || month > 12) throw new RangeError(`Некорректный месяц: ${code}`);
    return monthPeriod(year, month);
  }
  return yearPeriod(year);
}

/** The period of a kind that contains a date. */
export function periodContaining(kind: PeriodKind, date: IsoDate): Period {
  const { year, month } = parseIsoDate(date);
  switch (kind) {
    case 'week':
      return weekPeriod(date);
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
    case 'year':
      return yearPeriod(year);
  }
}

/** The period of the same kind just before. */
export function previousPeriod(p: Period): Period {
  return periodContaining(p.kind, addDaysIso(p.from, -1));
}

/** Months that a range touches, in order. */
export function monthsOf(r: DateRange): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining('month', r.from); p.from <= r.to; p = periodContaining('month', addDaysIso(p.to, 1))) out.push(p);
  return out;
}

/** ISO weeks that a range touches, in order. */
export function weeksOf(r: DateRange): Period[] {
  const out: Period[] = [];
  for (let p = weekPeriod(r.from); p.from <= r.to; p = shiftWeek(p, 1)) out.push(p);
  return out;
}

/** The intersection of two ranges (assumed to overlap). */
export function clip(r: DateRange, within: DateRange): DateRange {
  return { from: r.from > within.from ? r.from : within.from, to: r.to < within.to ? r.to : within.to };
}

/**
 * A long range cut into at most `parts` contiguous pieces of at least `minDays` days (a short
 * range stays whole): the server scans the pieces side by side.
 */
export function splitRange(r: DateRange, parts: number, minDays: number): DateRange[] {
  const days = rangeDays(r);
  const n = Math.max(1, Math.min(parts, Math.floor(days / minDays)));
  const size = Math.ceil(days / n);
  const out: DateRange[] = [];
  for (let from = r.from; from <= r.to; from = addDaysIso(from, size)) {
    const to = addDaysIso(from, size - 1);
    out.push({ from, to: to < r.to ? to : r.to });
  }
  return out;
}
