import { describe, expect, it } from 'vitest';
import { computeEffect, effectSpan } from './effect';

/** n cases on each of the given days. */
const on = (days: string[], n = 1) => days.map((day) => ({ day, n }));
const range = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('computeEffect', () => {
  it('compares equal windows before and after, adjusted by last year’s season', () => {
    // Measure done 01.06.2026, today 01.07.2026 → 30 full days after (01.06–30.06), 30 before (02.05–31.05).
    // 2026: 2 a day before (60), 1 every other day after (15). 2025: 1 a day before (30), 1 a day after (30): season flat.
    const daily = [...on(range('2026-05-02', 30), 2), ...on(range('2026-06-01', 30).filter((_, i) => i % 2 === 0)), ...on(range('2025-05-02', 60))];
    const e = computeEffect({ at: '2026-06-01', today: '2026-07-01', daily });
    expect(e.days).toBe(30);
    expect(e.before).toEqual({ from: '2026-05-02', to: '2026-05-31', count: 60 });
    expect(e.after).toEqual({ from: '2026-06-01', to: '2026-06-30', count: 15 });
    expect(e.lastYear.before).toEqual({ from: '2025-05-02', to: '2025-05-31', count: 30 });
    expect(e.lastYear.after).toEqual({ from: '2025-06-01', to: '2025-06-30', count: 30 });
    expect(e.lastYear.ratio).toBe(1);
    expect(e.expectedAfter).toBe(60);
    expect(e.change).toBe(-45);
    expect(e.changePct).toBe(-0.75);
    expect(e.verdict).toBe('down');
    // Weeks −5…4 (30 days → 5 weeks each side), clipped to the windows.
    expect(e.weeks.map((w) => w.offset)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4]);
    expect(e.weeks[0]).toEqual({ offset: -5, from: '2026-04-27', count: 2 * 2, lastYear: 2 }); // 02.05–03.05 only
    expect(e.weeks[4]).toEqual({ offset: -1, from: '2026-05-25', count: 14, lastYear: 7 });
    expect(e.weeks[5]).toEqual({ offset: 0, from: '2026-06-01', count: 4, lastYear: 7 }); // 1, 3, 5, 7 June
    expect(e.weeks.reduce((s, w) => s + w.count, 0)).toBe(75);
  });

  it('does not call a seasonal drop an effect', () => {
    // Before 40, after 20; but a year earlier the same season also halved (40 → 20): expected 20, so «flat».
    const daily = [...on(range('2026-05-02', 20), 2), ...on(range('2026-06-01', 20)), ...on(range('2025-05-02', 20), 2), ...on(range('2025-06-01', 20))];
    const e = computeEffect({ at: '2026-06-01', today: '2026-07-01', daily });
    expect(e.lastYear.ratio).toBe(0.5);
    expect(e.expectedAfter).toBe(20);
    expect(e.verdict).toBe('flat');
  });

  it('says «up» when complaints grew beyond the season', () => {
    const daily = [...on(range('2026-05-02', 10)), ...on(range('2026-06-01', 25))];
    const e = computeEffect({ at: '2026-06-01', today: '2026-07-01', daily });
    expect(e.lastYear.ratio).toBeNull(); // no history a year earlier: the season is taken as flat
    expect(e.verdict).toBe('up');
  });

  it('is too early within two weeks and too few below five cases', () => {
    expect(computeEffect({ at: '2026-06-20', today: '2026-07-01', daily: on(range('2026-06-01', 30), 3) }).verdict).toBe('too_early');
    const future = computeEffect({ at: '2026-07-05', today: '2026-07-01', daily: [] });
    expect(future.days).toBe(0);
    expect(future.weeks).toEqual([]);
    expect(future.verdict).toBe('too_early');
    expect(computeEffect({ at: '2026-06-01', today: '2026-07-01', daily: on(['2026-05-10', '2026-06-10']) }).verdict).toBe('too_few');
  });

  it('caps the windows at windowDays and spans both years', () => {
    const e = computeEffect({ at: '2026-03-01', today: '2026-11-20', daily: [], windowDays: 91 });
    expect(e.after).toEqual({ from: '2026-03-01', to: '2026-05-30', count: 0 });
    expect(e.before.from).toBe('2025-11-30');
    expect(effectSpan('2026-03-01', '2026-11-20')).toEqual({ from: '2024-11-30', to: '2026-05-30' });
  });
});
