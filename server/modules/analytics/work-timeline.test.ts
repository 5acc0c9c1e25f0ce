import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDatabase, targets } from '../../test/databases';
import type { Database } from '../../db/client';
import { rows } from '../../db/rows';
import { buildFixture, at, insertCase, type Fixture } from './analytics-fixture';
import { calendarGap, ensureWorkTimeline, ensureWorkTimelines } from './work-timeline';
import { daySumsMismatches } from './day-sums-check';
import { DEFAULT_WORK_SCHEDULE, type WorkSchedule } from '../../../domain/deadlines';

/**
 * Incidents' answer times in working seconds, stored per case by the trigger from the municipality's
 * timeline, and counted again when the schedule changes. Default schedule: Mon–Fri 08–17, lunch 12–13.
 */
describe.each(targets())('working time of incidents on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let f: Fixture;
  const TZ = 'Europe/Saratov';
  const seconds = async (id: string) =>
    (await rows<{ a: number | null; f: number | null }>(database.db, sql`SELECT answer_work_seconds AS a, first_answer_work_seconds AS f FROM cases WHERE id = ${id}`))[0];
  const incident = (received: string, answered: string | null, first: string | null, channel = 'incident') =>
    insertCase(database, f.A, { receivedAt: at(received), channel, status: answered ? 'answered' : 'in_work', answeredAt: answered ? at(answered) : null, firstAnsweredAt: first ? at(first) : null, topicId: f.T1, settlementId: f.S1 });

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
    await ensureWorkTimelines(database.db);
  });
  afterAll(async () => dispose());

  it('stores working seconds of an incident when it is received and answered, and only of incidents', async () => {
    // Thu 19.11.2026 12:00 (lunch) → Fri 20.11 12:00: Thu 13–17 (4 h) + Fri 08–12 (4 h); first reply Thu 15:00: 2 h.
    const c = await incident('2026-11-19T12:00', '2026-11-20T12:00', '2026-11-19T15:00');
    expect(await seconds(c)).toEqual({ a: 8 * 3600, f: 2 * 3600 });
    // Tue 03.11 is a shortened pre-holiday day (to 16:00), Wed 04.11 a holiday: 15:30 → Thu 05.11 09:00 = 0.5 h + 1 h.
    const h = await incident('2026-11-03T15:30', '2026-11-05T09:00', null);
    expect(await seconds(h)).toEqual({ a: 1.5 * 3600, f: null });
    const pos = await incident('2026-11-19T12:00', '2026-11-20T12:00', '2026-11-19T15:00', 'pos');
    expect(await seconds(pos)).toEqual({ a: null, f: null });
    // Answered later: the trigger counts it then; reopened (answer cleared): gone again.
    const open = await incident('2026-11-16T08:00', null, null);
    expect(await seconds(open)).toEqual({ a: null, f: null });
    await database.db.execute(sql`UPDATE cases SET answered_at = ${at('2026-11-16T17:00')}, status = 'answered' WHERE id = ${open}`);
    expect(await seconds(open)).toEqual({ a: 8 * 3600, f: null });
    await database.db.execute(sql`UPDATE cases SET answered_at = NULL, status = 'reopened' WHERE id = ${open}`);
    expect(await seconds(open)).toEqual({ a: null, f: null });
    // A year the production calendar does not cover: unknown, not guessed.
    const old = await incident('2023-06-01T10:00', '2023-06-02T10:00', null);
    expect(await seconds(old)).toEqual({ a: null, f: null });
    expect(await daySumsMismatches(database.db)).toEqual([]);
  });

  it('counts every incident again when the schedule changes, and the day sums follow', async () => {
    const c = await incident('2026-11-19T12:00', '2026-11-20T12:00', '2026-11-19T15:00');
    // 09:00–18:00 without lunch: Thu 12–18 (6 h) + Fri 09–12 (3 h); first reply 3 h.
    const schedule: WorkSchedule = { days: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, { start: '09:00', end: '18:00' }])) as WorkSchedule['days'] };
    await database.db.execute(sql`UPDATE tenants SET settings = coalesce(settings, '{}'::jsonb) || ${JSON.stringify({ workSchedule: schedule })}::jsonb WHERE id = ${f.A}`);
    expect(await ensureWorkTimeline(database.db, f.A, TZ, schedule)).toBe(true);
    expect(await ensureWorkTimeline(database.db, f.A, TZ, schedule)).toBe(false);
    expect(await seconds(c)).toEqual({ a: 9 * 3600, f: 3 * 3600 });
    expect(await daySumsMismatches(database.db)).toEqual([]);
    // Back to the default (as the seeds have it).
    await database.db.execute(sql`UPDATE tenants SET settings = settings - 'workSchedule' WHERE id = ${f.A}`);
    expect(await ensureWorkTimelines(database.db)).toBeGreaterThanOrEqual(1);
    expect(await seconds(c)).toEqual({ a: 8 * 3600, f: 2 * 3600 });
    expect(await ensureWorkTimeline(database.db, f.A, TZ, DEFAULT_WORK_SCHEDULE)).toBe(false);
    expect(await daySumsMismatches(database.db)).toEqual([]);
  });

  it('names the first year of a period the calendar lacks', () => {
    const now = new Date('2026-11-20T07:00:00Z');
    expect(calendarGap({ from: '2026-01-01', to: '2026-12-31' }, now, TZ)).toBeNull();
    expect(calendarGap({ from: '2023-12-01', to: '2024-01-31' }, now, TZ)).toBe('Нет данных производственного календаря на 2023 год');
  });
});
