import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { freshDatabase, targets } from '../../test/databases';
import type { Database } from '../../db/client';
import { rows } from '../../db/rows';
import { CASE_STATUSES, OPEN_STATUSES } from '../../../domain/cases/status';
import { SUM_KEYS } from '../../../domain/analytics/measures';
import { at, buildFixture, insertCase, TZ, type Fixture } from './analytics-fixture';
import { daySumsMismatches } from './day-sums-check';
import { daySumsSelect, daySumsSource, pickShape, type DaySumsFilters, type DaySumsScope, type Shape } from './day-sums';
import { readSums, sumsSelect } from './case-sums';
import { and, filterConditions, localDay, receivedIn } from './filters';

const RANGE = { from: '2024-01-01', to: '2026-12-31' };
const SHAPE_DIMS: Record<Shape, string> = { 1: 'c.topic_id, c.settlement_id', 2: 'c.channel, c.regime, c.fast_track', 3: 'c.recipient_id', 4: 'c.topic_id, c.subtopic_id, c.settlement_id, c.locality_id' };

describe.each(targets())('daily tallies (case_day_sums) on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let f: Fixture;
  const exec = (q: SQL) => database.db.execute(q);

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
  });
  afterAll(async () => dispose());

  it('knows the open statuses exactly as the domain does', async () => {
    const found = await rows<{ s: string; open: boolean }>(database.db, sql`SELECT s, case_status_open(s) AS open FROM unnest(ARRAY[${sql.join(CASE_STATUSES.map((x) => sql`${x}`), sql`, `)}]::text[]) WITH ORDINALITY AS u(s, i) ORDER BY i`);
    expect(found.filter((r) => r.open).map((r) => r.s)).toEqual([...OPEN_STATUSES]);
  });

  it('stay equal to a fresh count of the cases after every kind of change', async () => {
    expect(await daySumsMismatches(database.db)).toEqual([]);
    const [{ n }] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM case_day_sums WHERE n <> 0`);
    expect(n).toBeGreaterThan(10);
    const one = await insertCase(database, f.A, { receivedAt: at('2026-11-10T23:30:00'), topicId: f.T1, settlementId: f.S1, recipientId: f.R1, answerDue: at('2026-12-10T18:00:00') });
    const steps: [string, SQL][] = [
      ['answered late, rated 5', sql`UPDATE cases SET status = 'answered', answered_at = ${at('2026-12-11T10:00:00')}, rating = 5 WHERE id = ${one}`],
      ['reopened and returned', sql`UPDATE cases SET status = 'reopened', reopen_count = 1, returns_count = 2 WHERE id = ${one}`],
      ['paused', sql`UPDATE cases SET status = 'in_work', answered_at = NULL, paused_since = ${at('2026-11-12T09:00:00')} WHERE id = ${one}`],
      ['moved to another topic, settlement and recipient', sql`UPDATE cases SET topic_id = ${f.T2}, settlement_id = ${f.S2}, recipient_id = ${f.R2}, auto_routed = true WHERE id = ${one}`],
      ['received a day later (local midnight)', sql`UPDATE cases SET received_at = ${at('2026-11-11T00:30:00')} WHERE id = ${one}`],
      ['fast track', sql`UPDATE cases SET fast_track = true, fast_track_due = ${at('2026-12-01T00:00:00')}, channel = 'letter', regime = 'FZ59' WHERE id = ${one}`],
      ['text only (no tally changes)', sql`UPDATE cases SET text = 'другой текст' WHERE id = ${one}`],
      ['many rows in one statement', sql`UPDATE cases SET rating = CASE WHEN rating IS NULL THEN 3 ELSE NULL END WHERE tenant_id = ${f.A} AND received_at >= ${at('2026-11-01T00:00:00')}`],
      ['to another municipality', sql`UPDATE cases SET tenant_id = ${f.B}, topic_id = NULL, settlement_id = NULL, recipient_id = NULL WHERE id = ${one}`],
      ['deleted', sql`DELETE FROM cases WHERE id = ${one}`],
      ['many inserted in one statement', sql`INSERT INTO cases (tenant_id, number, regime, channel, status, text, received_at, topic_id, answer_due)
          SELECT ${f.A}, 'BULK-' || g, 'MESSAGE', 'incident', 'registered', 'т', ${at('2026-11-05T12:00:00')}::timestamptz + g * interval '1 hour', ${f.T1}, ${at('2026-11-25T12:00:00')}
          FROM generate_series(1, 40) g`],
      ['the municipality changes its time zone', sql`UPDATE tenants SET time_zone = 'Asia/Yekaterinburg' WHERE id = ${f.A}`],
      ['and back', sql`UPDATE tenants SET time_zone = ${TZ} WHERE id = ${f.A}`],
    ];
    for (const [what, q] of steps) {
      await exec(q);
      expect(await daySumsMismatches(database.db), what).toEqual([]);
    }
  });

  it('roll back with the transaction that changed the cases', async () => {
    const before = await rows(database.db, sql`SELECT sum(n)::int AS n, sum(rating_sum)::int AS r FROM case_day_sums`);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE cases SET rating = 1 WHERE tenant_id = ${f.A}`);
        await tx.execute(sql`INSERT INTO cases (tenant_id, number, regime, channel, status, text, received_at) VALUES (${f.A}, 'RB-1', 'MESSAGE', 'pos', 'registered', 'т', ${at('2026-11-02T10:00:00')})`);
        throw new Error('откат');
      }),
    ).rejects.toThrow('откат');
    expect(await rows(database.db, sql`SELECT sum(n)::int AS n, sum(rating_sum)::int AS r FROM case_day_sums`)).toEqual(before);
    expect(await daySumsMismatches(database.db)).toEqual([]);
  });

  const scopes = (): [string, DaySumsScope, SQL][] => [
    ['municipality A', { tenantIds: [f.A], blockIds: [] }, sql`c.tenant_id = ${f.A}`],
    ['block K2 of A', { tenantIds: [f.A], blockIds: [f.K2] }, sql`c.tenant_id = ${f.A} AND c.topic_id IN (SELECT id FROM topics WHERE block_id IN (${f.K2}::uuid))`],
    ['the region (A and B)', { tenantIds: [f.A, f.B], blockIds: [] }, sql`c.tenant_id IN (${f.A}::uuid, ${f.B}::uuid)`],
  ];
  const filterSets = (): DaySumsFilters[] => [
    {},
    { channel: 'pos' },
    { regime: 'FZ59', fastTrack: '1' },
    { fastTrack: '0' },
    { recipientId: f.R1 },
    { settlementId: f.S1 },
    { blockId: f.K2 },
    { topicCode: 'roads' },
    { topicId: f.T1 },
    { topicId: f.T1a, localityId: f.L1 },
  ];

  it('give every tally exactly as a scan of the cases, at any «now», for every shape, scope and filter', async () => {
    let compared = 0;
    for (const now of [at('2026-01-01T00:00:00'), at('2026-11-20T11:00:00'), at('2026-12-01T12:00:00'), at('2031-01-01T00:00:00')]) {
      for (const [label, scope, caseScope] of scopes()) {
        for (const filters of filterSets()) {
          for (const shape of [1, 2, 3, 4] as Shape[]) {
            const dims = SHAPE_DIMS[shape];
            const columns = dims.split(', ').map((d) => d.slice(2));
            const picked = pickShape(scope, filters, columns);
            if (picked === null) continue;
            const d = sql.raw(dims);
            const source = daySumsSource({ shape: picked, scope, caseScope, filters, range: RANGE, timeZone: TZ, now, keys: SUM_KEYS });
            const fromSums = await rows(database.db, sql`SELECT concat_ws('|', c.tenant_id, c.day, ${d}) AS k, ${daySumsSelect()} FROM ${source} GROUP BY c.tenant_id, c.day, ${d}`);
            const conds = [caseScope, ...filterConditions(filters), receivedIn(RANGE, TZ)];
            if (filters.topicCode) conds.push(sql`c.topic_id IN (SELECT id FROM topics WHERE code = ${filters.topicCode})`);
            const fromCases = await rows(
              database.db,
              sql`SELECT concat_ws('|', c.tenant_id, ${localDay(TZ)}, ${d}) AS k, ${sumsSelect(now)} FROM cases c WHERE ${and(conds)} GROUP BY c.tenant_id, ${localDay(TZ)}, ${d}`,
            );
            const norm = (list: Record<string, unknown>[]) =>
              Object.fromEntries(list.map((r) => [r.k as string, readSums(r)]).filter(([, s]) => (s as { n: number }).n !== 0).map(([k, s]) => [k, { ...(s as object), answerSeconds: Math.round((s as { answerSeconds: number }).answerSeconds) }]));
            expect(norm(fromSums), `${label}, ${JSON.stringify(filters)}, форма ${picked}, now ${now.toISOString()}`).toEqual(norm(fromCases));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('are not used where they cannot say the filter or the grouping', () => {
    const scope = { tenantIds: [f.A], blockIds: [] };
    expect(pickShape(scope, { status: ['registered'] }, [])).toBeNull();
    expect(pickShape(scope, { topicId: f.T1, channel: 'pos' }, [])).toBeNull();
    expect(pickShape(scope, { localityId: f.L1 }, ['recipient_id'])).toBeNull();
    expect(pickShape(scope, { channel: 'pos' }, ['topic_id'])).toBeNull();
    expect(pickShape(scope, {}, ['subtopic_id', 'channel'])).toBeNull();
    expect(pickShape(scope, { topicId: f.T1 }, ['subtopic_id', 'locality_id'])).toBe(4);
    expect(pickShape(null, {}, [])).toBeNull();
    expect(pickShape({ tenantIds: [f.A], blockIds: [f.K2] }, { channel: 'pos' }, [])).toBeNull();
    expect(pickShape(scope, {}, ['channel', 'regime'])).toBe(2);
    expect(pickShape(scope, { recipientId: f.R1 }, ['recipient_id'])).toBe(3);
    expect(pickShape(scope, { blockId: f.K2 }, ['topic_id', 'settlement_id'])).toBe(1);
  });
});
