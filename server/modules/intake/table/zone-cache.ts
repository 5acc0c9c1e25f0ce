import { addDaysIso, localDate, zonedTimeToUtc, type IsoDate } from '../../../../domain/time/zoned';
import type { WallTime } from './dates';

const DAY_MS = 86_400_000;

/**
 * The tenant zone's conversions for a batch of rows, with the results of the Intl-based functions
 * of domain/time cached: a day of exactly 24 hours has one offset, so its instants are its start
 * plus the time of day; a UTC day that spans two such local days has them on either side of the
 * later one's start. Anything else (a day with a clock change) goes to the exact functions.
 */
export class ZoneCache {
  private readonly dayStarts = new Map<IsoDate, { start: number; plain: boolean }>();
  /** Per UTC day: the local date before the local midnight inside it, that midnight, the date after (null: not cached). */
  private readonly utcDays = new Map<number, { before: IsoDate; midnight: number; after: IsoDate } | null>();

  constructor(readonly timeZone: string) {}

  /** Same as zonedTimeToUtc(date, time, zone). */
  instant(date: IsoDate, time: string): Date {
    const day = this.day(date);
    if (!day.plain) return zonedTimeToUtc(date, time, this.timeZone);
    const [h, m, s] = time.split(':').map(Number);
    return new Date(day.start + ((h * 60 + m) * 60 + (s || 0)) * 1000);
  }

  /** Same as startOfLocalDay / endOfLocalDay. */
  startOfDay(date: IsoDate): Date {
    return new Date(this.day(date).start);
  }

  endOfDay(date: IsoDate): Date {
    return new Date(this.day(addDaysIso(date, 1)).start - 1);
  }

  /** Same as localDate(instant, zone). */
  localDay(instant: Date): IsoDate {
    const t = instant.getTime();
    const u = Math.floor(t / DAY_MS);
    let c = this.utcDays.get(u);
    if (c === undefined) {
      const before = localDate(new Date(u * DAY_MS), this.timeZone);
      const after = localDate(new Date((u + 1) * DAY_MS - 1), this.timeZone);
      if (before === after) c = { before, midnight: Infinity, after };
      else c = addDaysIso(before, 1) === after && this.day(before).plain && this.day(after).plain ? { before, midnight: this.day(after).start, after } : null;
      this.utcDays.set(u, c);
    }
    if (!c) return localDate(instant, this.timeZone);
    return t >= c.midnight ? c.after : c.before;
  }

  /** A wall time from a file as an instant; a bare date is its start (or its end, for a due date). */
  wallToInstant(w: WallTime, dateOnlyAs: 'start' | 'end'): Date {
    if (w.instant) return w.instant;
    if (w.time === null) return dateOnlyAs === 'end' ? this.endOfDay(w.date) : this.startOfDay(w.date);
    return this.instant(w.date, w.time);
  }

  private day(date: IsoDate) {
    let d = this.dayStarts.get(date);
    if (!d) {
      const start = zonedTimeToUtc(date, '00:00', this.timeZone).getTime();
      const next = zonedTimeToUtc(addDaysIso(date, 1), '00:00', this.timeZone).getTime();
      d = { start, plain: next - start === DAY_MS };
      this.dayStarts.set(date, d);
    }
    return d;
  }
}
