// Due instant of a deadline rule without pauses.
import type { DeadlineContext, DeadlineRule } from './deadline-rule';
import { computeDueWithPauses } from './compute-due-with-pauses';

/**
 * Due instant for a case started at `start` (UTC instant):
 * - calendar_days: end (23:59:59.999 local) of start-local-date + amount; with shiftToWorkingDay a
 *   non-working last day moves to the next working day;
 * - working_days: end of the amount-th working day after the start day (the start day never counts);
 * - working_hours: the exact instant after `amount` hours of working time on the schedule; a start
 *   outside working time begins at the next working moment.
 * Throws CalendarYearMissingError when a needed year is missing (calendar_days without shift needs
 * no calendar at all).
 */
export function computeDue(start: Date, rule: DeadlineRule, ctx: DeadlineContext): Date {
  const due = computeDueWithPauses(start, rule, [], ctx);
  if (due === null) throw new Error('unreachable: no pauses, no open pause');
  return due;
}
