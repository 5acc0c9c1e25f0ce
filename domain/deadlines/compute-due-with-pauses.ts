// The core of deadline arithmetic: a due instant for a rule, with time on pause not counted.
import { addDaysIso, endOfLocalDay, localDate, type IsoDate } from '../time/zoned';
import type { DeadlineContext, DeadlineRule } from './deadline-rule';
import { addWorkingHours, type Span } from './working-time';

/** Waiting for the applicant or another body; `to: null` means the pause is still open. */
export interface DeadlinePause {
  from: Date;
  to: Date | null;
}

/** A pause seen as local days: days in (fromDay, toDay] do not count, like a new start day. */
interface DayPause {
  fromDay: IsoDate;
  toDay: IsoDate | null;
}

function assertRule(rule: DeadlineRule): void {
  const { amount, unit } = rule;
  const ok = Number.isFinite(amount) && amount >= 0 && (unit === 'working_hours' || Number.isInteger(amount));
  if (!ok) {
    throw new RangeError(`Некорректная величина срока: ${amount} (${unit === 'working_hours' ? 'часы ≥ 0' : 'целое число дней ≥ 0'})`);
  }
}

function assertPauses(pauses: readonly DeadlinePause[]): void {
  for (const p of pauses) {
    if (Number.isNaN(p.from.getTime()) || (p.to && !(p.to >= p.from))) {
      throw new RangeError('Некорректная пауза: окончание раньше начала');
    }
  }
}

const isPaused = (day: IsoDate, pauses: DayPause[]) =>
  pauses.some((p) => day > p.fromDay && (p.toDay === null || day <= p.toDay));

const isInOpenPause = (day: IsoDate, pauses: DayPause[]) => pauses.some((p) => p.toDay === null && day > p.fromDay);

/** Last day of a day-unit term, or null when the count runs into an open pause. */
function findDueDay(startDay: IsoDate, rule: DeadlineRule, ctx: DeadlineContext, pauses: DayPause[]): IsoDate | null {
  let day = startDay;
  // The start day never counts; each following countable day uses one unit.
  for (let counted = 0; counted < rule.amount; ) {
    day = addDaysIso(day, 1);
    if (isInOpenPause(day, pauses)) return null;
    if (isPaused(day, pauses)) continue;
    if (rule.unit === 'working_days' && !ctx.calendar.isWorkingDay(day)) continue;
    counted++;
  }
  if (rule.unit === 'calendar_days' && rule.shiftToWorkingDay) {
    while (!ctx.calendar.isWorkingDay(day)) {
      do {
        day = addDaysIso(day, 1);
        if (isInOpenPause(day, pauses)) return null;
      } while (isPaused(day, pauses));
    }
  }
  return day;
}

/**
 * Due instant of `rule` for a case started at `start`, not counting time on pause.
 * Day units: a pause removes the local days after its first day up to and including its last
 * day (the resume day is treated like a start day), so a pause within one day changes nothing.
 * working_hours: working time inside a pause is skipped exactly.
 * Returns null while an open pause holds the term; a pause opened after the term had already
 * run out does not hide the (past) due. Throws CalendarYearMissingError for a missing year.
 */
export function computeDueWithPauses(
  start: Date,
  rule: DeadlineRule,
  pauses: readonly DeadlinePause[],
  ctx: DeadlineContext,
): Date | null {
  assertRule(rule);
  assertPauses(pauses);
  if (rule.unit === 'working_hours') {
    const spans: Span[] = pauses.map((p) => ({ from: p.from.getTime(), to: p.to ? p.to.getTime() : Infinity }));
    return addWorkingHours(start, rule.amount, ctx, spans);
  }
  const dayPauses = pauses.map((p) => ({
    fromDay: localDate(p.from, ctx.timeZone),
    toDay: p.to ? localDate(p.to, ctx.timeZone) : null,
  }));
  const day = findDueDay(localDate(start, ctx.timeZone), rule, ctx, dayPauses);
  return day === null ? null : endOfLocalDay(day, ctx.timeZone);
}
