// Where a case stands against its due instant, and how much time is left.
import { addDaysIso, diffDaysIso, localDate, type IsoDate } from '../time/zoned';
import type { DeadlineContext, DeadlineUnit } from './deadline-rule';
import { workingHoursBetween } from './working-time';

export type DeadlineState = 'on_time' | 'at_risk' | 'overdue';

export interface DeadlineStateOptions {
  /** The case is at risk when at most this much time is left, e.g. 1 working day. */
  atRiskWithin: { unit: DeadlineUnit; amount: number };
  ctx: DeadlineContext;
}

/** Working days d with from < d <= to (the current day never counts, like the start day). */
function countWorkingDays(from: IsoDate, to: IsoDate, ctx: DeadlineContext): number {
  let count = 0;
  for (let day = addDaysIso(from, 1); day <= to; day = addDaysIso(day, 1)) {
    if (ctx.calendar.isWorkingDay(day)) count++;
  }
  return count;
}

/**
 * Time left from `now` to `due` in `unit` (negative once overdue), for «осталось 2 раб. дня»:
 * - calendar_days: local dates between today and the due date (0 = due today);
 * - working_days: working days after today up to and including the due date;
 * - working_hours: working hours on the schedule, fractional.
 * For a due from computeDue, remaining(start, due) equals the rule's amount.
 */
export function remaining(now: Date, due: Date, unit: DeadlineUnit, ctx: DeadlineContext): number {
  if (unit === 'working_hours') return workingHoursBetween(now, due, ctx);
  const today = localDate(now, ctx.timeZone);
  const dueDay = localDate(due, ctx.timeZone);
  if (unit === 'calendar_days') return diffDaysIso(today, dueDay);
  return dueDay >= today ? countWorkingDays(today, dueDay, ctx) : -countWorkingDays(dueDay, today, ctx);
}

/** overdue after the due instant; at_risk when no more than `atRiskWithin` is left; else on_time. */
export function deadlineState(now: Date, due: Date, options: DeadlineStateOptions): DeadlineState {
  if (now.getTime() > due.getTime()) return 'overdue';
  const { unit, amount } = options.atRiskWithin;
  return remaining(now, due, unit, options.ctx) <= amount ? 'at_risk' : 'on_time';
}
