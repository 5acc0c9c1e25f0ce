// Deadline rules are data: a tenant configures them, the arithmetic only interprets them.
import type { WorkCalendar } from '../calendar/work-calendar';
import type { IsoWeekday } from '../time/zoned';

export type DeadlineUnit = 'calendar_days' | 'working_days' | 'working_hours';

export type DeadlineKind = 'registration' | 'forwarding' | 'interim_answer' | 'answer' | 'fast_track';

export interface DeadlineRule {
  kind: DeadlineKind;
  unit: DeadlineUnit;
  /** Whole days for day units; hours (fractions allowed) for working_hours. */
  amount: number;
  /**
   * Day units only: if the last day falls on a non-working day, move to the next working day
   * (ГК РФ ст. 193 practice).
   */
  shiftToWorkingDay?: boolean;
}

/** Local wall time `HH:MM`. */
export type HhMm = string;

export interface TimeRange {
  start: HhMm;
  end: HhMm;
}

/**
 * A tenant's working hours by ISO weekday. On a shortened calendar day the end is earlier by
 * the missing hours (one hour). A Saturday/Sunday that the calendar declares working and that
 * has no hours here uses Monday's hours (transfers in 2024–2027 all replace a Monday).
 */
export interface WorkSchedule {
  days: Partial<Record<IsoWeekday, TimeRange>>;
  lunch?: TimeRange;
}

/** Everything the arithmetic needs besides the rule. */
export interface DeadlineContext {
  calendar: WorkCalendar;
  /** IANA zone of the tenant, e.g. `Europe/Saratov`. */
  timeZone: string;
  schedule: WorkSchedule;
}

/** Mon–Fri 08:00–17:00 with lunch 12:00–13:00: 8 working hours a day. */
export const DEFAULT_WORK_SCHEDULE: WorkSchedule = Object.freeze({
  days: Object.freeze({
    1: { start: '08:00', end: '17:00' },
    2: { start: '08:00', end: '17:00' },
    3: { start: '08:00', end: '17:00' },
    4: { start: '08:00', end: '17:00' },
    5: { start: '08:00', end: '17:00' },
  }),
  lunch: { start: '12:00', end: '13:00' },
});

/**
 * 59-ФЗ defaults (ст. 8 ч. 2, ст. 8 ч. 3, ст. 12 ч. 1): the law says «дней», practice counts
 * calendar days. No shift by default: the stricter reading, a tenant may enable it.
 */
export const FZ59_RULES: Readonly<Record<'registration' | 'forwarding' | 'answer', DeadlineRule>> = Object.freeze({
  registration: { kind: 'registration', unit: 'calendar_days', amount: 3 },
  forwarding: { kind: 'forwarding', unit: 'calendar_days', amount: 7 },
  answer: { kind: 'answer', unit: 'calendar_days', amount: 30 },
});
