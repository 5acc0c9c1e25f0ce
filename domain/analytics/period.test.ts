import { describe, expect, it } from 'vitest';
import {
  splitRange, isoWeekOf, isoWeekStart, lastCompleteWeek, monthsOf, parsePeriod, previousPeriod, previousRange, sameWeekYearsAgo, shiftYears, weeksInYear, weeksOf, yearAgoRange,
} from './period';

describe('analytics periods', () => {
  it('knows ISO weeks, including the ones that cross a year', () => {
    expect(isoWeekOf('2026-11-20')).toEqual({ year: 2026, week: 47 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 }); // a Friday: 2026 has 53 weeks
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekStart(2026, 1)).toBe('2025-12-29');
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it('finds the last complete week and the same week in earlier years', () => {
    expect(lastCompleteWeek('2026-11-20')).toMatchObject({ code: '2026-W46', from: '2026-11-09', to: '2026-11-15' });
    expect(lastCompleteWeek('2026-11-16')).toMatchObject({ code: '2026-W46' }); // Monday: last week is complete
    expect(sameWeekYearsAgo(parsePeriod('2026-W53'), 1)).toMatchObject({ code: '2025-W52' });
    expect(sameWeekYearsAgo(parsePeriod('2026-W20'), 2)).toMatchObject({ code: '2024-W20', from: '2024-05-13' });
  });

  it('parses period codes and steps back', () => {
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', code: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod('2024-02')).toEqual({ kind: 'month', code: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(previousPeriod(parsePeriod('2026-Q1'))).toMatchObject({ code: '2025-Q4' });
    expect(() => parsePeriod('2026-13')).toThrow(RangeError);
    expect(() => parsePeriod('2025-W53')).toThrow(RangeError);
  });

  it('compares a range with the one before and the one a year earlier', () => {
    expect(previousRange({ from: '2026-11-01', to: '2026-11-14' })).toEqual({ from: '2026-10-18', to: '2026-10-31' });
    expect(yearAgoRange({ from: '2024-02-29', to: '2024-03-10' })).toEqual({ from: '2023-02-28', to: '2023-03-10' });
    expect(shiftYears('2028-02-29', -4)).toBe('2024-02-29');
  });

  it('lists the months and weeks a range touches', () => {
    expect(monthsOf({ from: '2026-11-20', to: '2027-01-05' }).map((m) => m.code)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(weeksOf({ from: '2026-11-01', to: '2026-11-14' }).map((w) => w.code)).toEqual(['2026-W44', '2026-W45', '2026-W46']);
  });

  it('cuts a long range into pieces to scan side by side', () => {
    expect(splitRange({ from: '2026-01-01', to: '2026-03-31' }, 4, 92)).toEqual([{ from: '2026-01-01', to: '2026-03-31' }]);
    const pieces = splitRange({ from: '2025-11-21', to: '2026-11-20' }, 4, 90); // 365 days: four pieces of 92 (the last 89)
    expect(pieces.map((p) => [p.from, p.to])).toEqual([
      ['2025-11-21', '2026-02-20'],
      ['2026-02-21', '2026-05-23'],
      ['2026-05-24', '2026-08-23'],
      ['2026-08-24', '2026-11-20'],
    ]);
    expect(splitRange({ from: '2024-01-01', to: '2026-12-31' }, 4, 90)).toHaveLength(4);
  });
});
