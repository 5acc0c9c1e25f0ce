import { describe, expect, it } from 'vitest';
import calendarData from '../../data/calendar/ru-production-calendar.json';
import { CalendarYearMissingError, createWorkCalendar } from '../calendar/work-calendar';
import { computeDue } from './compute-due';
import { DEFAULT_WORK_SCHEDULE, type DeadlineContext, type DeadlineRule, type DeadlineUnit, type WorkSchedule } from './deadline-rule';

const calendar = createWorkCalendar(calendarData);
const saratov: DeadlineContext = { calendar, timeZone: 'Europe/Saratov', schedule: DEFAULT_WORK_SCHEDULE };
const rule = (unit: DeadlineUnit, amount: number, shiftToWorkingDay = false): DeadlineRule =>
  ({ kind: 'answer', unit, amount, shiftToWorkingDay });
const due = (start: string, r: DeadlineRule, ctx = saratov) => computeDue(new Date(start), r, ctx).toISOString();
const at = (local: string) => new Date(local).toISOString();

// All starts and expectations are Saratov local times (+04:00). Day units end at 23:59:59.999 local.
describe('calendar_days', () => {
  it.each([
    // start, amount, shift, expected last day — reasoning
    ['2025-12-29T10:00+04:00', 30, false, '2026-01-28'], // 29.12 + 30 = 28.01 (Wed)
    ['2025-12-29T10:00+04:00', 30, true, '2026-01-28'], // working day, shift changes nothing
    ['2025-12-29T10:00+04:00', 3, false, '2026-01-01'], // lands on a holiday, kept
    ['2025-12-29T10:00+04:00', 3, true, '2026-01-12'], // 1–8.01 holidays, 9.01 transferred, 10–11 weekend
    ['2026-04-30T14:00+04:00', 30, false, '2026-05-30'], // Sat, kept
    ['2026-04-30T14:00+04:00', 30, true, '2026-06-01'], // Sat → Mon
    ['2026-12-31T10:00+04:00', 30, false, '2027-01-30'], // Sat, kept
    ['2026-12-31T10:00+04:00', 30, true, '2027-02-01'], // Sat → Mon
    ['2026-12-31T10:00+04:00', 3, true, '2027-01-11'], // 03.01 Sun holiday; 1–10.01 all off
    ['2026-03-06T10:00+04:00', 3, false, '2026-03-09'], // Mon, day off moved from 08.03, kept
    ['2026-03-06T10:00+04:00', 3, true, '2026-03-10'], // 09.03 off → Tue 10.03
    ['2026-03-06T10:00+04:00', 30, true, '2026-04-06'], // 05.04 Sun → Mon
    ['2026-06-12T11:00+04:00', 30, false, '2026-07-12'], // Sun, kept
    ['2026-06-12T11:00+04:00', 30, true, '2026-07-13'], // Sun → Mon
    ['2026-05-13T09:00+04:00', 30, false, '2026-06-12'], // 59-ФЗ answer ends on День России (Fri), kept
    ['2026-05-13T09:00+04:00', 30, true, '2026-06-15'], // 12.06 holiday, 13–14 weekend → Mon 15.06
    ['2026-10-05T09:00+04:00', 30, false, '2026-11-04'], // ends on День народного единства (Wed)
    ['2026-10-05T09:00+04:00', 30, true, '2026-11-05'], // → Thu 05.11
    ['2026-03-16T01:00+04:00', 3, false, '2026-03-19'], // 15.03 21:00 UTC but 16.03 local: local date counts
    ['2027-12-20T10:00+04:00', 30, false, '2028-01-19'], // no shift: needs no calendar, so 2028 is fine
  ])('%s + %i days (shift %s) → end of %s', (start, amount, shift, lastDay) => {
    expect(due(start, rule('calendar_days', amount, shift))).toBe(at(`${lastDay}T23:59:59.999+04:00`));
  });
});

describe('working_days', () => {
  it.each([
    ['2025-12-29T10:00+04:00', 5, '2026-01-15'], // 30.12 (1); 31.12–11.01 off; 12,13,14,15.01 (2–5)
    ['2026-04-30T14:00+04:00', 5, '2026-05-08'], // 1–3.05 off; 4,5,6,7,8.05 (8.05 shortened still counts)
    ['2026-12-31T10:00+04:00', 5, '2027-01-15'], // start on a day off; 1–10.01 off; 11–15.01
    ['2026-03-06T10:00+04:00', 5, '2026-03-16'], // 7–9.03 off; 10,11,12,13,16.03
    ['2026-06-12T11:00+04:00', 5, '2026-06-19'], // start on a holiday; 13–14 weekend; 15–19.06
    ['2026-03-16T10:00+04:00', 1, '2026-03-17'], // ordinary Monday → Tuesday
    ['2024-12-28T10:00+04:00', 3, '2025-01-13'], // start on working Sat (never counts); 9.01 (1), 10.01 (2), 13.01 (3)
    ['2024-12-27T10:00+04:00', 2, '2025-01-09'], // working Sat 28.12 counts (1); 29.12–8.01 off; 9.01 (2)
    ['2025-10-31T10:00+04:00', 1, '2025-11-01'], // Sat 01.11 is a (shortened) working day
    ['2025-11-01T09:00+04:00', 2, '2025-11-06'], // 2.11 Sun, 3.11 off, 4.11 holiday; 5.11 (1), 6.11 (2)
    ['2026-03-16T10:00+04:00', 0, '2026-03-16'], // zero: end of the start day
  ])('%s + %i working days → end of %s', (start, amount, lastDay) => {
    expect(due(start, rule('working_days', amount))).toBe(at(`${lastDay}T23:59:59.999+04:00`));
  });
});

describe('working_hours on Mon–Fri 08:00–17:00, lunch 12:00–13:00', () => {
  it.each([
    ['2025-12-29T10:00+04:00', 8, '2025-12-30T10:00+04:00'], // Mon 10–12 + 13–17 = 6; Tue 08–10
    ['2025-12-29T10:00+04:00', 16, '2026-01-12T10:00+04:00'], // 6 + 8 (30.12) = 14; next working 12.01 08–10
    ['2026-04-30T14:00+04:00', 8, '2026-05-04T15:00+04:00'], // shortened day ends 16:00: 2; Mon 08–12, 13–15
    ['2026-12-31T10:00+04:00', 8, '2027-01-11T17:00+04:00'], // day off → 11.01 08:00; a full day ends 17:00
    ['2026-03-06T16:00+04:00', 8, '2026-03-10T16:00+04:00'], // Fri 16–17 = 1; 9.03 off; Tue 08–12, 13–16
    ['2026-03-06T18:30+04:00', 9, '2026-03-11T09:00+04:00'], // Friday evening before 8 March: 10.03 = 8; 11.03 08–09
    ['2026-03-13T17:30+04:00', 4, '2026-03-16T12:00+04:00'], // Friday evening: Mon 08–12, ends at lunch start
    ['2026-06-12T11:00+04:00', 8, '2026-06-15T17:00+04:00'], // holiday start → Mon 15.06 full day
    ['2026-06-11T15:30+04:00', 8, '2026-06-15T16:30+04:00'], // shortened Thu till 16:00 = 0.5; Mon 4 + 3.5
    ['2026-03-16T12:20+04:00', 1, '2026-03-16T14:00+04:00'], // start at lunch → 13:00–14:00
    ['2026-03-16T06:00+04:00', 0.5, '2026-03-16T08:30+04:00'], // before work, fractional hours
    ['2026-03-16T09:00+04:00', 9, '2026-03-17T10:00+04:00'], // 09–12 + 13–17 = 7; Tue 08–10
    ['2025-11-01T09:00+04:00', 8, '2025-11-05T10:00+04:00'], // working Sat, Monday hours, shortened to 16:00: 3 + 3; 2–4.11 off; Wed 08–10
    ['2024-12-28T10:00+04:00', 8, '2025-01-09T10:00+04:00'], // working Sat (8 h): 2 + 4; 29.12–8.01 off; 9.01 08–10
  ])('%s + %s h → %s', (start, hours, expected) => {
    expect(due(start, rule('working_hours', hours))).toBe(at(expected));
  });

  it('uses a tenant schedule: Mon–Thu 08:00–17:00, Fri 08:00–16:00, lunch 12:00–12:48', () => {
    const schedule: WorkSchedule = {
      days: {
        1: { start: '08:00', end: '17:00' }, 2: { start: '08:00', end: '17:00' }, 3: { start: '08:00', end: '17:00' },
        4: { start: '08:00', end: '17:00' }, 5: { start: '08:00', end: '16:00' },
      },
      lunch: { start: '12:00', end: '12:48' },
    };
    const ctx = { ...saratov, schedule };
    // Fri 15–16 = 1 h; Mon 08–09
    expect(due('2026-03-13T15:00+04:00', rule('working_hours', 2), ctx)).toBe(at('2026-03-16T09:00+04:00'));
    // Mon 11–12 = 1 h; lunch till 12:48; 12:48–13:48
    expect(due('2026-03-16T11:00+04:00', rule('working_hours', 2), ctx)).toBe(at('2026-03-16T13:48+04:00'));
    // shortened Thu 30.04.2026 ends 16:00 instead of 17:00: 15–16 = 1 h; then Mon 04.05 08–09
    expect(due('2026-04-30T15:00+04:00', rule('working_hours', 2), ctx)).toBe(at('2026-05-04T09:00+04:00'));
  });
});

describe('a DST zone (Europe/Berlin, 29.03.2026)', () => {
  const berlin = { ...saratov, timeZone: 'Europe/Berlin' };
  it('working hours cross the spring change in local time', () => {
    // Fri 27.03 16–17 CET = 1 h; Mon 30.03 08–09 CEST
    expect(due('2026-03-27T16:00+01:00', rule('working_hours', 2), berlin)).toBe(at('2026-03-30T09:00+02:00'));
  });
  it('calendar days end at local midnight after the change', () => {
    expect(due('2026-03-27T10:00+01:00', rule('calendar_days', 3), berlin)).toBe(at('2026-03-30T23:59:59.999+02:00'));
  });
});

describe('missing calendar years and bad rules', () => {
  it.each([
    ['2027-12-20T10:00+04:00', rule('working_days', 10), 2028], // 8 working days till 30.12, 31.12 off, then 2028
    ['2027-12-20T10:00+04:00', rule('calendar_days', 30, true), 2028], // 19.01.2028 must be checked
    ['2027-12-30T16:00+04:00', rule('working_hours', 8), 2028], // 1 h on 30.12, 31.12 off, then 2028
    ['2023-12-29T10:00+04:00', rule('working_days', 1), 2023],
  ])('%s %j throws for %i', (start, r, year) => {
    expect(() => due(start, r)).toThrow(CalendarYearMissingError);
    expect(() => due(start, r)).toThrow(`Нет данных производственного календаря на ${year} год`);
  });

  it.each([rule('working_days', -1), rule('calendar_days', 1.5), rule('working_hours', Number.NaN)])('rejects %j', (r) => {
    expect(() => due('2026-03-16T10:00+04:00', r)).toThrow('Некорректная величина срока');
  });
});
