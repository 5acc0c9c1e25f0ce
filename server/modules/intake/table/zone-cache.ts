import { addDaysIso, localDate, zonedTimeToUtc, type IsoDate } from '../../../../domain/time/zoned';
import type { WallTime } from './dates';

const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * 60_000;

/**
 * The tenant zone's conversions for a batch of rows, with the results of the Intl-based functions
 * of domain/time cached: a day of exactly 24 hours has one offset, so its instants are its start
 * plus the time of day; a 15-minute bucket whose both ends fall on the same local date has that
 * date. Anything else (a day with a clock change) goes to the exact functions.
 */
export class ZoneCache {
  private readonly dayStarts = new Map<IsoDate, { start: number; plain: boolean }>();
  private readonly buckets = new Map<number, IsoDate | null>();

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
    const b = Math.floor(t / BUCKET_MS);
    let d = this.buckets.get(b);
    if (d === undefined) {
      const first = localDate(new Date(b * BUCKET_MS), this.timeZone);
      d = first === localDate(new Date((b + 1) * BUCKET_MS - 1), this.timeZone) ? first : null;
      this.buckets.set(b, d);
    }
    return d ?? localDate(instant, this.timeZone);
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
