// Public API of deadline arithmetic (pure; runs in Node and in the browser).
export type {
  DeadlineContext, DeadlineKind, DeadlineRule, DeadlineUnit, HhMm, TimeRange, WorkSchedule,
} from './deadline-rule';
export { DEFAULT_WORK_SCHEDULE, FZ59_RULES } from './deadline-rule';
export { computeDue } from './compute-due';
export { computeDueWithPauses, type DeadlinePause } from './compute-due-with-pauses';
export { deadlineState, remaining, type DeadlineState, type DeadlineStateOptions } from './deadline-state';
export { extendDue, DueExtensionError, type ExtendDueOptions } from './extend-due';
export {
  CalendarDataError, CalendarYearMissingError, createWorkCalendar, FULL_DAY_HOURS, SHORTENED_DAY_HOURS,
  type CalendarDayType, type WorkCalendar, type WorkCalendarData,
} from '../calendar/work-calendar';
export {
  addDaysIso, diffDaysIso, endOfLocalDay, localDate, localParts, parseIsoDate, startOfLocalDay, weekdayIso,
  zonedTimeToUtc, zoneOffsetMs, type IsoDate, type IsoWeekday, type LocalParts,
} from '../time/zoned';
