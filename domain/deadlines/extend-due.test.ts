import { describe, expect, it } from 'vitest';
import { DueExtensionError, extendDue } from './extend-due';

const iso = (local: string) => new Date(local).toISOString();
// Answer due at the end of Wed 15.04.2026 in Saratov (UTC+4).
const DUE = new Date('2026-04-15T23:59:59.999+04:00');

describe('extendDue (59-ФЗ ст. 12 ч. 2)', () => {
  it.each([
    [30, undefined, '2026-05-15T23:59:59.999+04:00'], // 15.04 + 30 = 15.05
    [1, undefined, '2026-04-16T23:59:59.999+04:00'],
    [30, 'Europe/Saratov', '2026-05-15T23:59:59.999+04:00'], // same in local arithmetic
  ])('+%i days (zone %s) → %s', (days, timeZone, expected) => {
    expect(extendDue(DUE, days, { maxDays: 30, timeZone }).toISOString()).toBe(iso(expected));
  });

  it('keeps the local wall time across DST when given the zone', () => {
    const berlinDue = new Date('2026-03-20T23:59:59.999+01:00');
    // 20.03 + 10 = 30.03, after the change to CEST (+2)
    expect(extendDue(berlinDue, 10, { timeZone: 'Europe/Berlin' }).toISOString()).toBe(iso('2026-03-30T23:59:59.999+02:00'));
    // without a zone: plain 24-hour steps, one hour off in local time (documented)
    expect(extendDue(berlinDue, 10).toISOString()).toBe(iso('2026-03-31T00:59:59.999+02:00'));
  });

  it.each([0, 31, -1, 1.5, Number.NaN])('rejects %s days', (days) => {
    expect(() => extendDue(DUE, days, { maxDays: 30 })).toThrow(DueExtensionError);
    expect(() => extendDue(DUE, days)).toThrow('от 1 до 30');
  });

  it('honours a smaller maximum and reports it', () => {
    expect(extendDue(DUE, 10, { maxDays: 10 }).toISOString()).toBe(iso('2026-04-25T23:59:59.999+04:00'));
    try {
      extendDue(DUE, 11, { maxDays: 10 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DueExtensionError);
      expect((e as DueExtensionError).message).toBe('Срок можно продлить на целое число календарных дней от 1 до 10; указано: 11');
      expect([(e as DueExtensionError).days, (e as DueExtensionError).maxDays]).toEqual([11, 10]);
    }
  });
});
