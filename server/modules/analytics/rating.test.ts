import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { buildFixture, NOW, toSearch, type Fixture } from './analytics-fixture';

type Client = Awaited<ReturnType<typeof signIn>>;
const close = (v: number) => expect.closeTo(v, 4);

describe.each(targets())('rating and indicators on %s', (target) => {
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

  it('rates recipients with shares shrunk toward the municipality mean, and flags small samples', async () => {
    const res = await head.get('/api/analytics/rating?from=2026-06-01&to=2026-06-30');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.method).toMatchObject({ priorStrength: 10, minCases: 10, weights: { timeliness: 0.4, completeness: 0.3, satisfaction: 0.3 } });
    // Pooled means: in time 10+3+4 of 12+3+8; never returned 11+3+6 of 23; ratings 4–5: 4+1+2 of 6+1+4.
    expect(r.priors).toEqual({ timeliness: close(17 / 23), completeness: close(20 / 23), satisfaction: close(7 / 11) });
    expect(r.items.map((x: { recipient: { id: string } }) => x.recipient.id)).toEqual([f.R1, f.R3, f.R2]);
    const [r1, r3, r2] = r.items;
    // R1: (10 + 10·17/23)/22 = .790514, (11 + 10·20/23)/22 = .895257, (4 + 10·7/11)/16 = .647727
    // → 100 × (.4 × .790514 + .3 × .895257 + .3 × .647727) = 77.9101
    expect(r1).toMatchObject({ n: 12, lowData: false, rank: 1, score: close(77.9101), avgRating: close(22 / 6) });
    expect(r1.parts.timeliness).toMatchObject({ k: 10, n: 12, raw: close(10 / 12), shrunk: close(0.790514), weight: 0.4, points: close(31.6206) });
    expect(r1.parts.completeness).toMatchObject({ k: 11, n: 12, shrunk: close(0.895257) });
    expect(r1.parts.satisfaction).toMatchObject({ k: 4, n: 6, shrunk: close(0.647727) });
    // R3: (4 + 7.3913)/18, (6 + 8.69565)/18, (2 + 6.36364)/14 → 67.7288
    expect(r3).toMatchObject({ n: 10, lowData: false, rank: 2, score: close(67.7288) });
    // R2: 3 of 3 in time, but only 3 cases: shrunk to .799331, «мало данных», no rank.
    expect(r2).toMatchObject({ n: 3, lowData: true, rank: null, score: close(79.0459), previous: null, rankChange: null });
    expect(r2.parts.timeliness).toMatchObject({ raw: 1, shrunk: close(0.799331) });
    // Previous period (02.05–31.05): no ratings anywhere, so the weights renormalise to 4/7 and 3/7;
    // R1 100 × (4/7 × (5 + 7.5)/20 + 3/7) = 78.5714 (rank 2), R3 100 × (4/7 × 17.5/20 + 3/7) = 92.8571 (rank 1).
    expect(r.previousPeriod).toEqual({ from: '2026-05-02', to: '2026-05-31' });
    expect(r1.previous).toEqual({ n: 10, score: close(78.5714), rank: 2 });
    expect(r1.rankChange).toBe(1);
    expect(r3.previous).toEqual({ n: 10, score: close(92.8571), rank: 1 });
    expect(r3.rankChange).toBe(-1);
    expect(r1.registerQuery).toEqual({ from: '2026-06-01', to: '2026-06-30', recipientId: f.R1 });
    expect((await head.get(`/api/cases/count?${toSearch(r1.registerQuery)}`)).json().total).toBe(12);
  });

  it('seeds the usual indicators and computes them for a quarter against their targets', async () => {
    const res = await head.get('/api/analytics/indicators?period=2026-Q4');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ code: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    const byCode = Object.fromEntries(body.items.map((i: { code: string }) => [i.code, i]));
    expect(Object.keys(byCode)).toEqual(['answered_in_time', 'pos_avg_answer_days', 'pos_rating_4_5', 'auto_routed', 'fast_track_30']);
    // Answered with a due date in Q4: c1 c4 c6 c9 in time, c3 c11 late.
    expect(byCode.answered_in_time).toMatchObject({ value: close(4 / 6), n: 6, met: false, target: { value: 0.9, direction: 'gte' }, setBy: 'region', unit: 'share' });
    expect(byCode.answered_in_time.months).toEqual([
      { period: '2026-10', from: '2026-10-01', to: '2026-10-31', value: 0.5, n: 2, met: false }, // c9, c11
      { period: '2026-11', from: '2026-11-01', to: '2026-11-30', value: 0.75, n: 4, met: false },
      { period: '2026-12', from: '2026-12-01', to: '2026-12-31', value: null, n: 0, met: null },
    ]);
    expect(byCode.answered_in_time.previous).toEqual({ period: '2026-Q3', value: null, n: 0, met: null });
    // ПОС answered: c1 3 d, c9 3 d, c11 11 d → 17/3 ≤ 8.
    expect(byCode.pos_avg_answer_days).toMatchObject({ value: close(17 / 3), n: 3, met: true, registerQuery: { from: '2026-10-01', to: '2026-12-31', channel: 'pos' } });
    expect(byCode.pos_rating_4_5).toMatchObject({ value: close(2 / 3), n: 3, met: true }); // 5, 4, 1
    expect(byCode.auto_routed).toMatchObject({ value: 0.625, n: 8, met: null, target: null }); // 5 of 8 routed
    // Fast track decided: c1 c9 c11 in 30 days; c2 and c12 are open before their mark.
    expect(byCode.fast_track_30).toMatchObject({ value: 1, n: 3, met: true });
  });

  it('lets the МЦУ add its own indicator, but not change the ЦУР’s', async () => {
    const input = { code: 'roads_count', name: 'Обращения по дорогам', measure: 'count', filters: { topicId: f.T1 }, period: 'quarter', targetValue: 5, targetDirection: 'lte' };
    const created = await head.send('POST', '/api/analytics/indicators/definitions', input);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ setBy: 'curator', code: 'roads_count' });
    const item = (await head.get('/api/analytics/indicators?period=2026-Q4')).json().items.find((i: { code: string }) => i.code === 'roads_count');
    expect(item).toMatchObject({ value: 7, met: false, registerQuery: { from: '2026-10-01', to: '2026-12-31', topicId: f.T1 } }); // c1 c2 c3 c4 c9 c10 c11
    const defs = (await head.get('/api/analytics/indicators/definitions')).json();
    const regionSet = defs.items.find((d: { code: string }) => d.code === 'answered_in_time');
    expect((await head.send('PUT', `/api/analytics/indicators/definitions/${regionSet.id}`, { ...input, code: 'answered_in_time' })).statusCode).toBe(403);
    expect((await head.send('PATCH', `/api/analytics/indicators/definitions/${created.json().id}/active`, { isActive: false })).statusCode).toBe(200);
    expect((await head.get('/api/analytics/indicators?period=2026-Q4')).json().items.map((i: { code: string }) => i.code)).not.toContain('roads_count');
    const foreign = await head.send('POST', '/api/analytics/indicators/definitions', { ...input, code: 'foreign', filters: { settlementId: f.SB1 } });
    expect(foreign.statusCode).toBe(400);
    expect(Object.keys(foreign.json().error.fields)).toEqual(['filters.settlementId']);
    // Incidents' first response in working hours: the same tallies as the dashboard's figure.
    const hours = await head.send('POST', '/api/analytics/indicators/definitions', { ...input, code: 'incident_first_hours', measure: 'avg_first_response_working_hours', filters: {}, targetValue: 4 });
    expect(hours.statusCode, hours.body).toBe(200);
    const h = (await head.get('/api/analytics/indicators?period=2026-Q4')).json().items.find((i: { code: string }) => i.code === 'incident_first_hours');
    const dash = (await head.get('/api/analytics/dashboard?from=2026-10-01&to=2026-12-31')).json().timeliness.incident.avgFirstResponseWorkingHours;
    expect(h).toMatchObject({ unit: 'hours', value: dash.value, met: true });
    expect(h.value).toBeGreaterThan(0);
    const curator = await signIn(app, 'curator.a'); // no reports.manage
    expect((await curator.send('POST', '/api/analytics/indicators/definitions', { ...input, code: 'x' })).statusCode).toBe(403);
  });
});
