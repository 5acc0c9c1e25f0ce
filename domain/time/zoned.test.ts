import { describe, expect, it } from 'vitest';
import {
  addDaysIso, diffDaysIso, endOfLocalDay, localDate, localParts, parseIsoDate, weekdayIso, zonedTimeToUtc, zoneOffsetMs,
} from './zoned';

const iso = (d: Date) => d.toISOString();

describe('localDate / localParts', () => {
  it.each([
    // instant, zone, local date: Saratov is UTC+4, so 20:00Z is already the next day
    ['2026-01-11T19:59:59.999Z', 'Europe/Saratov', '2026-01-11'],
    ['2026-01-11T20:00:00.000Z', 'Europe/Saratov', '2026-01-12'],
    ['2026-03-29T22:30:00Z', 'Europe/Berlin', '2026-03-30'], // CEST +2 after the March change
    ['2026-03-28T22:30:00Z', 'Europe/Berlin', '2026-03-28'], // CET +1 before it
    ['2026-03-08T04:30:00Z', 'America/New_York', '2026-03-07'], // EST −5
    ['2025-12-31T18:30:00Z', 'Asia/Kolkata', '2026-01-01'], // +5:30
  ])('%s in %s is %s', (instant, tz, date) => {
    expect(localDate(new Date(instant), tz)).toBe(date);
  });

  it('gives wall-clock parts with weekday and milliseconds', () => {
    // 14:30:15.250Z + 4 h = 18:30:15.250 on Friday 06.03.2026
    expect(localParts(new Date('2026-03-06T14:30:15.250Z'), 'Europe/Saratov')).toEqual({
      date: '2026-03-06', year: 2026, month: 3, day: 6, hour: 18, minute: 30, second: 15, millisecond: 250, weekday: 5,
    });
    // midnight must be hour 0, never 24
    expect(localParts(new Date('2026-01-11T20:00:00Z'), 'Europe/Saratov').hour).toBe(0);
  });

  it('follows the Berlin DST jump on 29.03.2026 (01:00Z: 02:00 CET → 03:00 CEST)', () => {
    const before = localParts(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin');
    const after = localParts(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin');
    expect([before.hour, before.minute, before.second]).toEqual([1, 59, 59]);
    expect([after.hour, after.minute]).toEqual([3, 0]);
    expect(zoneOffsetMs(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(zoneOffsetMs(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
  });
});

describe('zonedTimeToUtc', () => {
  it.each([
    ['2026-01-12', '08:00', 'Europe/Saratov', '2026-01-12T04:00:00.000Z'], // +4 all year
    ['2026-07-13', '08:00', 'Europe/Saratov', '2026-07-13T04:00:00.000Z'], // still +4 in summer
    ['2026-03-06', '23:59:59.999', 'Europe/Saratov', '2026-03-06T19:59:59.999Z'],
    ['2026-03-28', '12:00', 'Europe/Berlin', '2026-03-28T11:00:00.000Z'], // CET +1
    ['2026-03-30', '12:00', 'Europe/Berlin', '2026-03-30T10:00:00.000Z'], // CEST +2
    ['2026-03-29', '01:30', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'], // just before the jump
    ['2026-03-29', '03:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'], // first CEST moment
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'], // gap: moved forward = 03:30 CEST
    ['2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'], // repeated hour: earlier (CEST) one
    ['2026-10-25', '03:00', 'Europe/Berlin', '2026-10-25T02:00:00.000Z'], // after the fall-back, CET
    ['2026-03-07', '12:00', 'America/New_York', '2026-03-07T17:00:00.000Z'], // EST −5
    ['2026-03-08', '12:00', 'America/New_York', '2026-03-08T16:00:00.000Z'], // EDT −4 (change at 02:00)
    ['2026-01-01', '00:00', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z'], // +5:30
  ])('%s %s in %s is %s', (date, time, tz, expected) => {
    expect(iso(zonedTimeToUtc(date, time, tz))).toBe(expected);
  });

  it('round-trips every quarter hour across the Berlin spring weekend', () => {
    for (let t = Date.parse('2026-03-28T00:00:00Z'); t < Date.parse('2026-03-31T00:00:00Z'); t += 900_000) {
      const p = localParts(new Date(t), 'Europe/Berlin');
      const hhmm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
      expect(zonedTimeToUtc(p.date, hhmm, 'Europe/Berlin').getTime()).toBe(t);
    }
  });

  it.each([
    ['2026-02-30', '10:00', 'Europe/Saratov', 'Некорректная дата'],
    ['2026-02-10', '24:30', 'Europe/Saratov', 'Некорректное время'],
    ['2026-02-10', '9:00', 'Europe/Saratov', 'Некорректное время'],
    ['2026-02-10', '09:00', 'Mars/Olympus', 'Неизвестный часовой пояс'],
  ])('rejects %s %s %s', (date, time, tz, message) => {
    expect(() => zonedTimeToUtc(date, time, tz)).toThrow(message);
  });
});

describe('endOfLocalDay', () => {
  it.each([
    ['2026-01-28', 'Europe/Saratov', '2026-01-28T19:59:59.999Z'],
    ['2026-03-28', 'Europe/Berlin', '2026-03-28T22:59:59.999Z'], // CET
    ['2026-03-29', 'Europe/Berlin', '2026-03-29T21:59:59.999Z'], // 23-hour day, ends in CEST
    ['2026-10-25', 'Europe/Berlin', '2026-10-25T22:59:59.999Z'], // 25-hour day, ends in CET
  ])('%s in %s ends at %s', (date, tz, expected) => {
    expect(iso(endOfLocalDay(date, tz))).toBe(expected);
  });
});

describe('civil date arithmetic', () => {
  it.each([
    ['2025-12-29', 3, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-04-30', 30, '2026-05-30'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDaysIso(date, n)).toBe(expected);
    expect(diffDaysIso(date, expected)).toBe(n);
  });

  it.each([
    ['2026-03-08', 7],
    ['2026-03-09', 1],
    ['2025-11-01', 6],
    ['2026-06-12', 5],
  ])('weekday of %s is %i', (date, weekday) => {
    expect(weekdayIso(date)).toBe(weekday);
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-2-3')).toThrow(RangeError);
  });
});
