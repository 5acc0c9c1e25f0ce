import { describe, expect, it } from 'vitest';
import calendarData from '../../data/calendar/ru-production-calendar.json';
import { createWorkCalendar } from '../calendar/work-calendar';
import { computeDue } from './compute-due';
import { computeDueWithPauses, type DeadlinePause } from './compute-due-with-pauses';
import { DEFAULT_WORK_SCHEDULE, type DeadlineContext, type DeadlineRule, type DeadlineUnit } from './deadline-rule';

const ctx: DeadlineContext = {
  calendar: createWorkCalendar(calendarData), timeZone: 'Europe/Saratov', schedule: DEFAULT_WORK_SCHEDULE,
};
const rule = (unit: DeadlineUnit, amount: number): DeadlineRule => ({ kind: 'answer', unit, amount });
const pause = (from: string, to: string | null): DeadlinePause => ({ from: new Date(from), to: to ? new Date(to) : null });
const endOf = (day: string) => new Date(`${day}T23:59:59.999+04:00`).toISOString();
const at = (local: string) => new Date(local).toISOString();
const run = (start: string, r: DeadlineRule, pauses: DeadlinePause[]) =>
  computeDueWithPauses(new Date(start), r, pauses, ctx)?.toISOString() ?? null;

// Saratov local times. Start Mon 16.03.2026 10:00; without pauses 5 working days end on 23.03.
const START = '2026-03-16T10:00+04:00';

describe('day units: days after the pause start up to the resume day do not count', () => {
  it.each([
    // pauses, expected — reasoning
    [[], endOf('2026-03-23')], // 17,18,19,20,23
    [[pause('2026-03-18T15:00+04:00', '2026-03-20T11:00+04:00')], endOf('2026-03-25')], // 19,20 removed: 17,18,23,24,25
    [[pause('2026-03-17T10:00+04:00', '2026-03-17T14:00+04:00')], endOf('2026-03-23')], // within one day: no effect
    [[pause('2026-03-18T15:00+04:00', '2026-03-19T10:00+04:00'), pause('2026-03-19T09:00+04:00', '2026-03-20T11:00+04:00')],
      endOf('2026-03-25')], // overlapping pauses = one pause 18→20
    [[pause('2026-03-13T10:00+04:00', '2026-03-17T12:00+04:00')], endOf('2026-03-24')], // began before start: count from 18: 18,19,20,23,24
    [[pause('2026-03-18T15:00+04:00', null)], null], // open pause before the due: paused
    [[pause('2026-03-24T09:00+04:00', null)], endOf('2026-03-23')], // opened after the term ran out: stays overdue
  ])('working_days 5, pauses %#', (pauses, expected) => {
    expect(run(START, rule('working_days', 5), pauses)).toBe(expected);
  });

  it('calendar_days 30: a week on pause adds a week', () => {
    // 16.03 + 30 = 15.04; pause 20.03 12:00 → 27.03 09:00 removes 21..27.03 (7 days) → 22.04
    expect(run(START, rule('calendar_days', 30), [])).toBe(endOf('2026-04-15'));
    expect(run(START, rule('calendar_days', 30), [pause('2026-03-20T12:00+04:00', '2026-03-27T09:00+04:00')]))
      .toBe(endOf('2026-04-22'));
  });
});

describe('working_hours: working time inside a pause is skipped exactly', () => {
  const H_START = '2026-03-16T09:00+04:00'; // without pauses 8 h end Tue 17.03 09:00
  it.each([
    [[], at('2026-03-17T09:00+04:00')], // 09–12 + 13–17 = 7; Tue 08–09
    [[pause('2026-03-16T11:00+04:00', '2026-03-16T14:00+04:00')], at('2026-03-17T11:00+04:00')], // 09–11 + 14–17 = 5; Tue 08–11
    [[pause('2026-03-16T11:00+04:00', null)], null], // open pause before the due
    [[pause('2026-03-17T10:00+04:00', null)], at('2026-03-17T09:00+04:00')], // opened after the due
  ])('8 h, pauses %#', (pauses, expected) => {
    expect(run(H_START, rule('working_hours', 8), pauses)).toBe(expected);
  });

  it('a pause over the weekend', () => {
    // Fri 20.03 14–16 = 2 h, paused 16:00 Fri → 10:00 Mon; Mon 10–12 + 13–17 = 6 → 8 h at 17:00
    expect(run('2026-03-20T14:00+04:00', rule('working_hours', 8), [pause('2026-03-20T16:00+04:00', '2026-03-23T10:00+04:00')]))
      .toBe(at('2026-03-23T17:00+04:00'));
  });
});

describe('consistency and validation', () => {
  it.each([
    ['2025-12-29T10:00+04:00', rule('working_days', 5)],
    ['2026-04-30T14:00+04:00', rule('working_hours', 8)],
    ['2026-06-12T11:00+04:00', rule('calendar_days', 30)],
  ])('no pauses equals computeDue (%s)', (start, r) => {
    expect(run(start, r, [])).toBe(computeDue(new Date(start), r, ctx).toISOString());
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() => run(START, rule('working_days', 5), [pause('2026-03-18T15:00+04:00', '2026-03-18T14:00+04:00')]))
      .toThrow('Некорректная пауза');
  });
});
