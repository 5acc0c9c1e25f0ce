import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { buildFixture, NOW, toSearch, type Fixture } from './analytics-fixture';

type Client = Awaited<ReturnType<typeof signIn>>;

/** P(X ≥ k) for Poisson(λ), by plain summation (independent of the code under test). */
function tail(k: number, lambda: number): number {
  let p = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += p;
    p *= lambda / (i + 1);
  }
  return 1 - below;
}

describe.each(targets())('growth signals on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let f: Fixture;

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
    app = await testApp(database, pinnedClock(NOW), { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    head = await signIn(app, 'head.a');
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('finds the planted burst with the expected count its history and season give', async () => {
    const res = await head.get('/api/analytics/signals?week=2026-W20');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.week).toEqual({ code: '2026-W20', from: '2026-05-11', to: '2026-05-17' });
    expect(body.items).toHaveLength(1);
    const s = body.items[0];
    // Recent: T2×S2 had 1 a week in weeks 12–19 → 1. Season 2025: weeks 19/20/21 gave 2/3/1 → 2,
    // scaled by the trend: all cases in weeks 12–19 of 2026 (6×8 + 8 = 56) over those of 2025
    // (5×8 + 2 = 42) = 4/3 → 8/3. 2024 has no history. Expected = ½ × 8/3 + ½ × 1 = 11/6.
    expect(s.expected).toBeCloseTo(11 / 6, 10);
    expect(s.observed).toBe(8);
    expect(s.ratio).toBeCloseTo(8 / (11 / 6), 10);
    expect(s.basis.recentMean).toBe(1);
    expect(s.basis.seasonal).toBeCloseTo(8 / 3, 10);
    expect(s.basis.seasons).toEqual([{ year: 2025, mean: 2, trend: expect.closeTo(4 / 3, 10), scaled: expect.closeTo(8 / 3, 10) }]);
    // P(X ≥ 6 | 11/6) = 1.1 % ≥ 1 %, P(X ≥ 7) = 0.29 % < 1 %: 7 cases or more are unusual.
    expect(s.threshold).toBe(7);
    expect(s.pValue).toBeCloseTo(tail(8, 11 / 6), 12);
    expect(s.signalKey).toBe(`2026-W20:${f.T2}:${f.S2}`);
    expect(s.topic).toEqual({ id: f.T2, name: 'Тематика housing' });
    expect(s.settlement).toEqual({ id: f.S2, name: 'Поселение s2' });
    expect(s.registerQuery).toEqual({ from: '2026-05-11', to: '2026-05-17', topicId: f.T2, settlementId: f.S2 });
    expect((await head.get(`/api/cases/count?${toSearch(s.registerQuery)}`)).json().total).toBe(8);
    expect(s.series.map((p: { count: number }) => p.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 8]);
    // The factors: what is new in the cell this week, against its usual weekly level.
    expect(s.factors.subtopics).toEqual([
      { key: f.T2a, name: 'Тематика housing.heating', count: 6, usual: 0 },
      { key: null, name: null, count: 2, usual: 1 },
    ]);
    expect(s.factors.channels).toEqual([
      { key: 'pos', name: 'ПОС', count: 5, usual: 0 },
      { key: 'incident', name: 'Инцидент Менеджмент', count: 3, usual: 0 },
    ]);
    expect(s.factors.localities).toEqual([{ key: f.L2, name: 'Пункт l2', count: 8, usual: 0 }]);
    expect(s.factors.streets).toEqual([{ key: 'Пункт l2, ул. Школьная', name: 'Пункт l2, ул. Школьная', count: 4, usual: 0 }]);
    expect(s.dismissed).toBeNull();
  });

  it('gives no signal for a steady cell or an ordinary week', async () => {
    // T1×S1 had 6 cases in week 20 as every week: expected ½ × 5 × 4/3 + ½ × 6 = 19/3, threshold 14.
    const w20 = (await head.get('/api/analytics/signals?week=2026-W20')).json();
    expect(w20.items.map((s: { topic: { id: string } }) => s.topic.id)).not.toContain(f.T1);
    const w19 = await head.get('/api/analytics/signals?week=2026-W19');
    expect(w19.json().items).toEqual([]);
    // The default week: the last complete ISO week before Friday 20.11.2026 — week 46, nothing unusual.
    const dflt = (await head.get('/api/analytics/signals')).json();
    expect(dflt.week).toEqual({ code: '2026-W46', from: '2026-11-09', to: '2026-11-15' });
    expect(dflt.items).toEqual([]);
  });

  it('sets a signal aside with a reason and brings it back', async () => {
    const key = `2026-W20:${f.T2}:${f.S2}`;
    const res = await head.send('POST', '/api/analytics/signals/dismiss', { signalKey: key, reason: 'Плановое отключение, жители предупреждены' });
    expect(res.statusCode, res.body).toBe(200);
    const s = (await head.get('/api/analytics/signals?week=2026-W20')).json().items[0];
    expect(s.dismissed).toMatchObject({ reason: 'Плановое отключение, жители предупреждены', by: 'Сотрудник head.a' });
    expect((await head.send('POST', '/api/analytics/signals/restore', { signalKey: key })).statusCode).toBe(200);
    expect((await head.get('/api/analytics/signals?week=2026-W20')).json().items[0].dismissed).toBeNull();
    const bad = await head.send('POST', '/api/analytics/signals/dismiss', { signalKey: 'не ключ', reason: 'x' });
    expect(bad.statusCode).toBe(400);
    const curator = await signIn(app, 'curator.a'); // reads, but does not manage problems
    expect((await curator.send('POST', '/api/analytics/signals/dismiss', { signalKey: key, reason: 'x' })).statusCode).toBe(403);
  });
});
