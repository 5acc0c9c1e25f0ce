// The Russian production calendar (производственный календарь) as a queryable object.
// Data lists only exceptions to the rule "Mon–Fri work 8 hours, Sat/Sun rest".
import { parseIsoDate, weekdayIso, type IsoDate } from '../time/zoned';

/**
 * holiday / transferred_day_off: a non-working Mon–Fri;
 * working_weekend: a working Sat/Sun (8 h); shortened: a pre-holiday working day (7 h), any weekday.
 */
export type CalendarDayType = 'holiday' | 'transferred_day_off' | 'working_weekend' | 'shortened';

export interface WorkCalendarData {
  source?: string;
  years: readonly number[];
  days: Readonly<Record<IsoDate, CalendarDayType>>;
}

export interface WorkCalendar {
  /** Years the data covers, ascending. */
  readonly years: readonly number[];
  covers(year: number): boolean;
  isWorkingDay(isoDate: IsoDate): boolean;
  /** Norm of a 40-hour week: 8, 7 on a shortened day, 0 on a day off. */
  workingHoursOn(isoDate: IsoDate): number;
}

/** Hours of a normal working day in the 40-hour week norm. */
export const FULL_DAY_HOURS = 8;
export const SHORTENED_DAY_HOURS = 7;

const DAY_TYPES: ReadonlySet<string> = new Set(['holiday', 'transferred_day_off', 'working_weekend', 'shortened']);

/** Thrown whenever a date outside the calendar's years is asked about: the system never guesses. */
export class CalendarYearMissingError extends Error {
  readonly code = 'CALENDAR_YEAR_MISSING';
  constructor(readonly year: number) {
    super(`Нет данных производственного календаря на ${year} год`);
    this.name = 'CalendarYearMissingError';
  }
}

/** Thrown when calendar data is malformed. */
export class CalendarDataError extends Error {
  readonly code = 'CALENDAR_DATA_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

function validate(data: { years: readonly number[]; days: Readonly<Record<string, string>> }): void {
  for (const year of data.years) {
    if (!Number.isInteger(year)) throw new CalendarDataError(`Некорректный год в календаре: ${year}`);
  }
  for (const [date, type] of Object.entries(data.days)) {
    let year: number;
    try {
      year = parseIsoDate(date).year;
    } catch {
      throw new CalendarDataError(`Некорректная дата в календаре: ${date}`);
    }
    if (!DAY_TYPES.has(type)) throw new CalendarDataError(`Неизвестный тип дня «${type}» (${date})`);
    if (!data.years.includes(year)) throw new CalendarDataError(`Дата ${date} вне лет календаря`);
  }
}

/**
 * Builds a calendar from the compact data (e.g. data/calendar/ru-production-calendar.json).
 * Accepts plain string day types so an imported JSON module can be passed directly; they are checked.
 */
export function createWorkCalendar(data: {
  years: readonly number[];
  days: Readonly<Record<string, string>>;
}): WorkCalendar {
  validate(data);
  const years = [...new Set(data.years)].sort((a, b) => a - b);
  const covered = new Set(years);
  const days = new Map(Object.entries(data.days) as [IsoDate, CalendarDayType][]);

  const typeOf = (isoDate: IsoDate): CalendarDayType | undefined => {
    const { year } = parseIsoDate(isoDate);
    if (!covered.has(year)) throw new CalendarYearMissingError(year);
    return days.get(isoDate);
  };

  const workingHoursOn = (isoDate: IsoDate): number => {
    switch (typeOf(isoDate)) {
      case 'holiday':
      case 'transferred_day_off':
        return 0;
      case 'shortened':
        return SHORTENED_DAY_HOURS;
      case 'working_weekend':
        return FULL_DAY_HOURS;
      default:
        return weekdayIso(isoDate) <= 5 ? FULL_DAY_HOURS : 0;
    }
  };

  return {
    years,
    covers: (year) => covered.has(year),
    isWorkingDay: (isoDate) => workingHoursOn(isoDate) > 0,
    workingHoursOn,
  };
}
