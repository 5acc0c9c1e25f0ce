// Conversions between UTC instants and a tenant's local civil date/time in an IANA zone.
// Pure: relies only on Intl.DateTimeFormat, so it runs in Node and in the browser.

/** A local civil date `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalParts {
  date: IsoDate;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: IsoWeekday;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch {
      throw new RangeError(`Неизвестный часовой пояс: ${timeZone}`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Splits `YYYY-MM-DD` into numbers; throws on a malformed or impossible date. */
export function parseIsoDate(isoDate: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(isoDate);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!m || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Некорректная дата (ожидается ГГГГ-ММ-ДД): ${isoDate}`);
  }
  return { year, month, day };
}

function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Adds `n` calendar days (may be negative) to a civil date. */
export function addDaysIso(isoDate: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(isoDate);
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO weekday of a civil date (1 = Monday … 7 = Sunday). */
export function weekdayIso(isoDate: IsoDate): IsoWeekday {
  const { year, month, day } = parseIsoDate(isoDate);
  return (((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1) as IsoWeekday;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function diffDaysIso(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** Local wall-clock parts of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Некорректный момент времени');
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year, month, day, minute, second } = parts;
  const hour = parts.hour % 24; // some engines print midnight as 24
  const date = toIsoDate(year, month, day);
  return { date, year, month, day, hour, minute, second, millisecond: ((t % 1000) + 1000) % 1000, weekday: weekdayIso(date) };
}

/** Local civil date of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return localParts(instant, timeZone).date;
}

/** Offset of the zone from UTC at an instant, in milliseconds (e.g. +4 h for Europe/Saratov). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return wall - instant.getTime();
}

/**
 * The UTC instant of a local date and wall time (`HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss`) in a zone.
 * Like Temporal's "compatible" disambiguation: a time skipped by a DST jump is moved forward by the
 * gap (02:30 → 03:30), a repeated time resolves to its earlier occurrence.
 */
export function zonedTimeToUtc(isoDate: IsoDate, time: string, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(isoDate);
  const m = HH_MM.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) {
    throw new RangeError(`Некорректное время (ожидается ЧЧ:ММ): ${time}`);
  }
  const wall = Date.UTC(year, month - 1, day, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0));
  const before = zoneOffsetMs(new Date(wall - DAY_MS), timeZone);
  const after = zoneOffsetMs(new Date(wall + DAY_MS), timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((t) => wall - t === zoneOffsetMs(new Date(t), timeZone));
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before); // in a gap: keep the pre-transition offset
}

/** The UTC instant at which a local civil date starts (00:00 local or the first existing moment). */
export function startOfLocalDay(isoDate: IsoDate, timeZone: string): Date {
  return zonedTimeToUtc(isoDate, '00:00', timeZone);
}

/** The last millisecond of a local civil date (23:59:59.999 local). */
export function endOfLocalDay(isoDate: IsoDate, timeZone: string): Date {
  return new Date(startOfLocalDay(addDaysIso(isoDate, 1), timeZone).getTime() - 1);
}
