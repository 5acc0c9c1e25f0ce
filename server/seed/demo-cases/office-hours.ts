import { addDaysIso, localParts, zonedTimeToUtc, type WorkCalendar } from '../../../domain/deadlines';
import type { Rng } from '../../modules/cases/demo/prng';

const MIN = 60_000;
const OPENS = 8;
const CLOSES = 18;
const QUARTER_HOUR = 900_000;

/**
 * Staff act in office hours: an action planned at night or on a day off happens on the next
 * working morning. Residents write and rate at any time; only staff steps go through here.
 */
export class OfficeHours {
  constructor(
    private readonly timeZone: string,
    private readonly calendar: WorkCalendar,
    /** Instants after this are never taken (the history stops at `now`), so they are left as they are. */
    private readonly horizon: number,
  ) {}

  /** Per quarter hour: -1 inside office hours, else the next opening instant (offsets change only on quarter hours). */
  private readonly slots = new Map<number, number>();

  next(rng: Rng, at: number): number {
    if (at > this.horizon) return at;
    const slot = Math.floor(at / QUARTER_HOUR);
    let opening = this.slots.get(slot);
    if (opening === undefined) {
      opening = this.opening(slot * QUARTER_HOUR);
      this.slots.set(slot, opening);
    }
    return opening < 0 ? at : opening + rng.int(5, 180) * MIN;
  }

  private opening(at: number): number {
    const p = localParts(new Date(at), this.timeZone);
    const working = this.calendar.isWorkingDay(p.date);
    if (working && p.hour >= OPENS && p.hour < CLOSES) return -1;
    let day = working && p.hour < OPENS ? p.date : addDaysIso(p.date, 1);
    for (let guard = 0; guard < 30 && !this.calendar.isWorkingDay(day); guard++) day = addDaysIso(day, 1);
    return zonedTimeToUtc(day, `0${OPENS}:00`, this.timeZone).getTime();
  }
}
