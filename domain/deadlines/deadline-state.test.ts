import { describe, expect, it } from 'vitest';
import calendarData from '../../data/calendar/ru-production-calendar.json';
import { CalendarYearMissingError, createWorkCalendar } from '../calendar/work-calendar';
import { computeDue } from './compute-due';
import { DEFAULT_WORK_SCHEDULE, type DeadlineContext, type DeadlineUnit } from './deadline-rule';
import { deadlineState, remaining } from './deadline-state';

const ctx: DeadlineContext = {
  calendar: createWorkCalendar(calendarData), timeZone: 'Europe/Saratov', schedule: DEFAULT_WORK_SCHEDULE,
};
const d = (local: string) => new Date(local);
const risk = (unit: DeadlineUnit, amount: number) => ({ atRiskWithin: { unit, amount }, ctx });

// Due = end of Mon 23.03.2026 (5 working days from Mon 16.03).
const DUE_DAYS = d('2026-03-23T23:59:59.999+04:00');
// Due = Tue 17.03.2026 09:00 (8 working hours from Mon 16.03 09:00).
const DUE_HOURS = d('2026-03-17T09:00+04:00');

describe('remaining and deadlineState', () => {
  it.each([
    // now, due, unit, remaining, state with at-risk threshold 2 in the same unit — reasoning
    ['2026-03-16T10:00+04:00', DUE_DAYS, 'working_days', 5, 'on_time'], // 17,18,19,20,23
    ['2026-03-18T12:00+04:00', DUE_DAYS, 'working_days', 3, 'on_time'], // 19,20,23
    ['2026-03-19T12:00+04:00', DUE_DAYS, 'working_days', 2, 'at_risk'], // 20,23
    ['2026-03-20T12:00+04:00', DUE_DAYS, 'working_days', 1, 'at_risk'], // weekend skipped: 23
    ['2026-03-23T16:00+04:00', DUE_DAYS, 'working_days', 0, 'at_risk'], // due today
    ['2026-03-23T23:59:59.999+04:00', DUE_DAYS, 'working_days', 0, 'at_risk'], // the due instant itself is on time
    ['2026-03-24T00:00+04:00', DUE_DAYS, 'working_days', -1, 'overdue'], // 1 ms late; 24.03 is working
    ['2026-03-28T12:00+04:00', DUE_DAYS, 'working_days', -4, 'overdue'], // 24,25,26,27 (Sat 28 not counted)
    ['2026-03-20T12:00+04:00', DUE_DAYS, 'calendar_days', 3, 'on_time'], // 20 → 23
    ['2026-03-21T12:00+04:00', DUE_DAYS, 'calendar_days', 2, 'at_risk'],
    ['2026-03-16T15:00+04:00', DUE_HOURS, 'working_hours', 3, 'on_time'], // 15–17 + Tue 08–09
    ['2026-03-16T12:30+04:00', DUE_HOURS, 'working_hours', 5, 'on_time'], // lunch: 13–17 + 08–09
    ['2026-03-16T16:00+04:00', DUE_HOURS, 'working_hours', 2, 'at_risk'], // 16–17 + 08–09
    ['2026-03-17T10:00+04:00', DUE_HOURS, 'working_hours', -1, 'overdue'], // 09–10 past due
  ] as const)('now %s, %s: %s left, %s', (now, due, unit, left, state) => {
    expect(remaining(d(now), due, unit, ctx)).toBe(left);
    expect(deadlineState(d(now), due, risk(unit, 2))).toBe(state);
  });

  it('counts working days across the New Year holidays', () => {
    const due = d('2026-01-15T23:59:59.999+04:00');
    // 31.12–11.01 off: 12,13,14,15.01 remain; 16 calendar days from 30.12 to 15.01
    expect(remaining(d('2025-12-30T10:00+04:00'), due, 'working_days', ctx)).toBe(4);
    expect(remaining(d('2025-12-30T10:00+04:00'), due, 'calendar_days', ctx)).toBe(16);
    // threshold in another unit than the rule: 4 working days left > 3 → on time
    expect(deadlineState(d('2025-12-30T10:00+04:00'), due, risk('working_days', 3))).toBe('on_time');
  });

  it.each([
    ['2025-12-29T10:00+04:00'], ['2026-04-30T14:00+04:00'], ['2026-12-31T10:00+04:00'],
    ['2026-03-06T10:00+04:00'], ['2026-06-12T11:00+04:00'],
  ])('remaining(start, computeDue(start)) equals the amount for %s', (start) => {
    for (const [unit, amount] of [['working_days', 5], ['calendar_days', 30], ['working_hours', 8]] as const) {
      const due = computeDue(d(start), { kind: 'answer', unit, amount }, ctx);
      expect(remaining(d(start), due, unit, ctx)).toBe(amount);
    }
  });

  it('refuses to count into a year without calendar data', () => {
    const due = d('2028-01-20T23:59:59.999+04:00');
    expect(() => deadlineState(d('2027-12-30T10:00+04:00'), due, risk('working_days', 2))).toThrow(CalendarYearMissingError);
  });
});
