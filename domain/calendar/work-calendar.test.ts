import { describe, expect, it } from 'vitest';
import calendarData from '../../data/calendar/ru-production-calendar.json';
import { CalendarDataError, CalendarYearMissingError, createWorkCalendar } from './work-calendar';

const calendar = createWorkCalendar(calendarData);

describe('createWorkCalendar with the real 2024–2027 data', () => {
  it('covers exactly 2024–2027', () => {
    expect(calendar.years).toEqual([2024, 2025, 2026, 2027]);
    expect([2023, 2024, 2027, 2028].map((y) => calendar.covers(y))).toEqual([false, true, true, false]);
  });

  it('names the source decrees', () => {
    for (const decree of ['1314', '1335', '1466', '1187']) expect(calendarData.source).toContain(decree);
  });

  it.each([
    // date, hours, why
    ['2026-01-09', 0, 'Fri, transferred day off (from 03.01)'],
    ['2026-01-12', 8, 'Mon, first working day of 2026'],
    ['2026-03-06', 8, 'Fri before 8 March: not shortened, 8 March is a Sunday'],
    ['2026-03-08', 0, 'Sun holiday: not listed in JSON, still a day off'],
    ['2026-03-09', 0, 'Mon, day off transferred from 08.03'],
    ['2026-04-30', 7, 'Thu, pre-holiday shortened'],
    ['2026-05-08', 7, 'Fri, pre-holiday shortened'],
    ['2026-06-12', 0, 'Fri, День России'],
    ['2025-11-01', 7, 'Sat, working and shortened'],
    ['2024-04-27', 8, 'Sat, working weekend'],
    ['2024-12-28', 8, 'Sat, working weekend'],
    ['2025-12-31', 0, 'Wed, transferred day off'],
    ['2026-12-31', 0, 'Thu, transferred day off'],
    ['2027-02-20', 7, 'Sat, working and shortened'],
    ['2027-02-22', 0, 'Mon, transferred day off'],
    ['2026-03-14', 0, 'ordinary Saturday'],
    ['2026-03-16', 8, 'ordinary Monday'],
  ])('%s → %i h (%s)', (date, hours) => {
    expect(calendar.workingHoursOn(date)).toBe(hours);
    expect(calendar.isWorkingDay(date)).toBe(hours > 0);
  });

  it.each([
    [2024, 248, 1979],
    [2025, 247, 1972],
    [2026, 247, 1972],
    [2027, 247, 1972],
  ])('year %i has the official norm of %i days / %i hours', (year, days, hours) => {
    let d = 0;
    let h = 0;
    for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      d += calendar.isWorkingDay(iso) ? 1 : 0;
      h += calendar.workingHoursOn(iso);
    }
    expect([d, h]).toEqual([days, hours]);
  });

  it.each(['2028-01-10', '2023-12-29'])('refuses to guess for %s', (date) => {
    const year = Number(date.slice(0, 4));
    expect(() => calendar.isWorkingDay(date)).toThrow(CalendarYearMissingError);
    expect(() => calendar.workingHoursOn(date)).toThrow(`Нет данных производственного календаря на ${year} год`);
    try {
      calendar.isWorkingDay(date);
    } catch (e) {
      expect((e as CalendarYearMissingError).year).toBe(year);
      expect((e as CalendarYearMissingError).code).toBe('CALENDAR_YEAR_MISSING');
    }
  });

  it('rejects malformed dates in questions', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('30.04.2026')).toThrow(RangeError);
  });
});

describe('createWorkCalendar validation', () => {
  it.each([
    [{ years: [2026], days: { '2026-05-01': 'vacation' } }, 'Неизвестный тип дня'],
    [{ years: [2026], days: { '2026-13-01': 'holiday' } }, 'Некорректная дата'],
    [{ years: [2026], days: { '2027-01-01': 'holiday' } }, 'вне лет календаря'],
  ])('rejects bad data %#', (data, message) => {
    expect(() => createWorkCalendar(data)).toThrow(CalendarDataError);
    expect(() => createWorkCalendar(data)).toThrow(message);
  });
});
