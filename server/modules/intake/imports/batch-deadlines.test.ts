import { describe, expect, it } from 'vitest';
import { DEFAULT_WORK_SCHEDULE, localDate, type DeadlineContext } from '../../../../domain/deadlines';
import { zonedTimeToUtc } from '../../../../domain/time/zoned';
import { computeCaseDeadlines } from '../../cases/deadlines/compute-case-deadlines';
import { productionCalendar } from '../../cases/deadlines/production-calendar';
import { DEFAULT_RULES, type StoredRule } from '../../cases/deadlines/deadline-rules';
import { ZoneCache } from '../table/zone-cache';
import { BatchDeadlines } from './batch-deadlines';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const rules: StoredRule[] = [
  ...DEFAULT_RULES.map((r) => ({ ...r, topicId: null, isActive: true })),
  // Topic rules of every shape: working hours with an at-risk in working hours, calendar days shifted to a working day.
  { regime: 'MESSAGE', channel: null, topicId: 't-heat', kind: 'answer', unit: 'working_hours', amount: 6.5, shiftToWorkingDay: false, atRiskUnit: 'working_hours', atRiskAmount: 2, isActive: true },
  { regime: 'MESSAGE', channel: 'web', topicId: 't-road', kind: 'answer', unit: 'calendar_days', amount: 5, shiftToWorkingDay: true, atRiskUnit: 'calendar_days', atRiskAmount: 1, isActive: true },
];

describe('batch deadlines', () => {
  for (const timeZone of ['Europe/Saratov', 'Europe/Berlin']) {
    it(`equal computeCaseDeadlines instant for instant on random cases (${timeZone})`, () => {
      const ctx: DeadlineContext = { calendar: productionCalendar(), timeZone, schedule: DEFAULT_WORK_SCHEDULE };
      const batch = new BatchDeadlines({ ctx, rules });
      const next = rng(42);
      const from = Date.UTC(2024, 0, 1);
      const span = Date.UTC(2027, 10, 1) - from;
      for (let i = 0; i < 3000; i++) {
        const receivedAt = new Date(from + Math.floor(next() * span / 60_000) * 60_000 + (next() < 0.1 ? 1234 : 0));
        const registeredAt = next() < 0.5 ? null : new Date(receivedAt.getTime() + Math.floor(next() * 3 * 86_400_000));
        const regime = next() < 0.3 ? 'FZ59' : 'MESSAGE';
        const channel = ['pos', 'incident', 'web', 'letter'][Math.floor(next() * 4)];
        const topicId = [null, 't-heat', 't-road'][Math.floor(next() * 3)];
        const key = { regime, channel, topicId, parentTopicId: null, fastTrack: next() < 0.5 };
        const expected = computeCaseDeadlines(key, { receivedAt, registeredAt }, rules, ctx);
        const { missingYears, ...got } = batch.compute(key, receivedAt, registeredAt);
        expect(missingYears).toEqual([]);
        expect(got, `${receivedAt.toISOString()} ${JSON.stringify(key)}`).toEqual(expected);
      }
    });
  }

  it('leaves terms empty and names the year when the production calendar has no data for it', () => {
    const ctx: DeadlineContext = { calendar: productionCalendar(), timeZone: 'Europe/Saratov', schedule: DEFAULT_WORK_SCHEDULE };
    const batch = new BatchDeadlines({ ctx, rules });
    const d = batch.compute({ regime: 'MESSAGE', channel: 'pos', topicId: null, fastTrack: true }, new Date('2020-10-18T11:50:40Z'), null);
    expect(d.answerDue).toBeNull();
    expect(d.registrationDue).toBeNull();
    expect(d.fastTrackDue).not.toBeNull(); // 30 calendar days need no calendar
    expect(d.missingYears).toEqual([2020]);
    const fromFile = batch.compute({ regime: 'MESSAGE', channel: 'pos', topicId: null, fastTrack: false }, new Date('2020-10-18T11:50:40Z'), null, new Date('2020-10-28T20:59:59.999Z'));
    expect(fromFile.answerDue!.toISOString()).toBe('2020-10-28T20:59:59.999Z');
  });

  it('zone cache agrees with domain/time across clock changes', () => {
    const zone = new ZoneCache('Europe/Berlin');
    for (let t = Date.UTC(2026, 2, 28); t < Date.UTC(2026, 2, 30); t += 7 * 60_000) {
      expect(zone.localDay(new Date(t))).toBe(localDate(new Date(t), 'Europe/Berlin'));
    }
    // Zones with half-hour offsets, a half-hour clock change, a change at midnight; instants near local midnights.
    const next = rng(11);
    for (const tz of ['Europe/Saratov', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'America/St_Johns', 'Pacific/Chatham']) {
      const cache = new ZoneCache(tz);
      for (let i = 0; i < 4000; i++) {
        const t = Date.UTC(2000, 0, 1) + Math.floor(next() * 30 * 365) * 86_400_000 + Math.floor(next() * 96) * 15 * 60_000 + Math.floor(next() * 3) * 60_000 - 60_000;
        expect(cache.localDay(new Date(t)), `${tz} ${new Date(t).toISOString()}`).toBe(localDate(new Date(t), tz));
      }
    }
    for (const [date, time] of [['2026-03-29', '01:30:00'], ['2026-03-29', '02:30:00'], ['2026-03-29', '03:30:00'], ['2026-10-25', '02:30:00'], ['2026-06-01', '12:00:00']]) {
      expect(zone.instant(date, time)).toEqual(zonedTimeToUtc(date, time, 'Europe/Berlin'));
    }
  });
});
