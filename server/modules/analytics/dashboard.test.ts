import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { buildFixture, NOW, toSearch, type Fixture } from './analytics-fixture';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(targets())('dashboard on %s', (target) => {
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

  it('gives intake, timeliness, fast track, returns, satisfaction and repeats of the period (c1–c8)', async () => {
    const res = await head.get('/api/analytics/dashboard?from=2026-11-01&to=2026-11-14');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const period = { from: '2026-11-01', to: '2026-11-14' };
    expect(d.intake.total).toEqual({ value: 8, n: 8, registerQuery: period });
    expect(d.intake.byChannel.map((c: { code: string; count: number }) => [c.code, c.count])).toEqual([
      ['pos', 4], // c1 c2 c5 c7
      ['incident', 2], // c4 c6
      ['letter', 2], // c3 c8
    ]);
    expect(d.intake.byChannel[0]).toMatchObject({ share: 0.5, registerQuery: { ...period, channel: 'pos' } });
    expect(d.intake.byRegime.map((c: { code: string; count: number }) => [c.code, c.count])).toEqual([['MESSAGE', 7], ['FZ59', 1]]);
    // Answered with a due date: c1 c3 c4 c6; late: c3.
    expect(d.timeliness.inTimeShare).toMatchObject({ value: 0.75, n: 4, k: 3 });
    expect(d.timeliness.late).toEqual({ value: 1, n: 4, registerQuery: { ...period, deadline: 'late' } });
    // 3 d (c1) + 2 d 12.5 h (c3) + 1 d (c4) + 19 h (c6) = 7.3125 d over 4 answers.
    expect(d.timeliness.avgAnswerDays.value).toBeCloseTo(7.3125 / 4, 10);
    expect(d.timeliness.avgAnswerDays.n).toBe(4);
    // Due and answered or open: c1 c2 c3 c4 c6; overdue: c2 (open), c3 (late).
    expect(d.timeliness.overdueShare).toMatchObject({ value: 0.4, n: 5, k: 2 });
    // Working hours (Mon–Fri 08–17, lunch 12–13): c4 Thu 12:00 (lunch) → Fri 12:00 = 4 + 4 = 8 h,
    // first reply at 15:00 = 2 h; c6 Tue 15:00 → Wed 10:00 = 2 + 2 = 4 h, first reply 16:00 = 1 h.
    expect(d.timeliness.incident.avgAnswerWorkingHours).toMatchObject({ n: 2, registerQuery: { ...period, channel: 'incident' } });
    expect(d.timeliness.incident.avgAnswerWorkingHours.value).toBeCloseTo(6, 9);
    expect(d.timeliness.incident.avgFirstResponseWorkingHours.value).toBeCloseTo(1.5, 9);
    expect(d.timeliness.incident.note).toBeNull();
    // Fast track: c1 answered by its 30-day mark; c2's mark (03.12) has not come yet.
    expect(d.fastTrack.share).toEqual({ value: 1, n: 1, k: 1, registerQuery: { ...period, fastTrack: '1' } });
    expect(d.returns.share).toMatchObject({ value: 0.25, n: 4, k: 1 }); // c3
    expect(d.satisfaction.avgRating.value).toBeCloseTo(11 / 3, 10); // 5, 2, 4
    expect(d.satisfaction.share45).toMatchObject({ n: 3, k: 2, registerQuery: { ...period, rating: 'high' } });
    expect(d.satisfaction.share45.value).toBeCloseTo(2 / 3, 10);
    expect(d.satisfaction.low).toMatchObject({ value: 1, n: 3 });
    expect(d.repeat.share).toMatchObject({ value: 0.125, n: 8, k: 1 }); // c4
    expect(d.autoRouted.share).toMatchObject({ value: 0.6, n: 5, k: 3 }); // routed c1 c2 c3 c4 c6; auto c1 c2 c4
    const count = async (q: Record<string, unknown>) => (await head.get(`/api/cases/count?${toSearch(q)}`)).json().total;
    expect(await count(d.intake.total.registerQuery)).toBe(8);
    expect(await count(d.timeliness.late.registerQuery)).toBe(1);
    expect(await count(d.satisfaction.share45.registerQuery)).toBe(2);
    expect(await count(d.fastTrack.share.registerQuery)).toBe(2); // the mechanism's cases: c1 c2
  });

  it('lists open overdue cases now by recipient, whatever the period', async () => {
    const d = (await head.get('/api/analytics/dashboard?from=2026-11-01&to=2026-11-14')).json();
    expect(d.overdueNow.total).toMatchObject({ value: 1, registerQuery: { deadline: 'overdue' } });
    expect(d.overdueNow.byRecipient).toEqual([{ recipient: { id: f.R1, name: 'Получатель r1' }, count: 1, registerQuery: { deadline: 'overdue', recipientId: f.R1 } }]);
    expect((await head.get(`/api/cases/count?${toSearch(d.overdueNow.byRecipient[0].registerQuery)}`)).json().total).toBe(1);
  });

  it('gives trends by ISO week and by month, clipped to the period', async () => {
    const d = (await head.get('/api/analytics/dashboard?from=2026-11-01&to=2026-11-14')).json();
    const weeks = d.trends.weekly.map((w: { period: string; from: string; to: string; received: { value: number } }) => [w.period, w.from, w.to, w.received.value]);
    expect(weeks).toEqual([
      ['2026-W44', '2026-11-01', '2026-11-01', 1], // c5
      ['2026-W45', '2026-11-02', '2026-11-08', 4], // c1 c2 c4 c7
      ['2026-W46', '2026-11-09', '2026-11-14', 3], // c3 c6 c8
    ]);
    expect(d.trends.weekly[1].received.registerQuery).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(d.trends.weekly[1].inTimeShare.value).toBe(1); // c1, c4
    expect(d.trends.weekly[2].inTimeShare.value).toBe(0.5); // c3 late, c6 in time
    expect(d.trends.monthly).toHaveLength(1);
    expect(d.trends.monthly[0]).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-14', received: { value: 8 } });
  });

  it('narrows every figure by the filters, with the filters in the links', async () => {
    const d = (await head.get(`/api/analytics/dashboard?from=2026-11-01&to=2026-11-14&channel=incident`)).json();
    expect(d.intake.total).toEqual({ value: 2, n: 2, registerQuery: { from: '2026-11-01', to: '2026-11-14', channel: 'incident' } });
    expect(d.timeliness.incident.avgAnswerWorkingHours.value).toBeCloseTo(6, 9);
    const letters = (await head.get(`/api/analytics/dashboard?from=2026-11-01&to=2026-11-14&channel=letter`)).json();
    expect(letters.timeliness.incident).toBeNull();
    expect(letters.overdueNow.total.value).toBe(0);
  });

  it('gives the same figures over a long period scanned in pieces', async () => {
    const d = (await head.get('/api/analytics/dashboard?from=2025-11-01&to=2026-11-14')).json();
    // c1–c9, c11–c14, the spring history of growth detection (54 + 8 + 8) and the rating's May–June cases (45)
    expect(d.intake.total.value).toBe(128);
    expect((await head.get(`/api/cases/count?${toSearch(d.intake.total.registerQuery)}`)).json().total).toBe(128);
    expect(d.trends.monthly).toHaveLength(13);
    expect(d.trends.monthly.reduce((s: number, m: { received: { value: number } }) => s + m.received.value, 0)).toBe(128);
    expect(d.timeliness.incident.avgAnswerWorkingHours).toMatchObject({ n: 2, value: expect.closeTo(6, 9) });
  });
});
