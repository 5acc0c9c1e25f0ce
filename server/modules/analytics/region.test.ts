import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { tenants } from '../../db/schema';
import { buildFixture, NOW, SECRET_ADDRESS, SECRET_TEXT, TZ, type Fixture } from './analytics-fixture';

type Client = Awaited<ReturnType<typeof signIn>>;
const close = (v: number) => expect.closeTo(v, 6);
const PERIOD = 'from=2026-11-01&to=2026-11-14';

/** Region answers carry aggregates only: no case texts, addresses, people or register links. */
function assertAggregatesOnly(body: unknown) {
  const json = JSON.stringify(body);
  expect(json).not.toContain(SECRET_TEXT);
  expect(json).not.toContain(SECRET_ADDRESS);
  expect(json).not.toContain('Сотрудник'); // users' names
  expect(json).not.toMatch(/"registerQuery":\{/);
}

describe.each(targets())('region view and isolation on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let region: Client, headA: Client, headB: Client;
  let f: Fixture;

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
    app = await testApp(database, pinnedClock(NOW), { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    [region, headA, headB] = await Promise.all(['region', 'head.a', 'head.b'].map((l) => signIn(app, l)));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('aggregates the heat map over the municipalities by topic code', async () => {
    const res = await region.get(`/api/analytics/region/heatmap?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h.rows.map((r: { code: string | null }) => r.code)).toEqual(['roads', 'housing', null]);
    expect(h.columns.map((c: { id: string }) => c.id)).toEqual([f.A, f.B]);
    expect(h.cells.map((r: { count: number }[]) => r.map((c) => c.count))).toEqual([
      [4, 2], // A: c1–c4; B: b1 b2
      [3, 0], // c5 c6 c7
      [1, 0], // c8
    ]);
    expect(h.total.count).toBe(10);
    const per1000 = (await region.get(`/api/analytics/region/heatmap?${PERIOD}&measure=per1000`)).json();
    expect(per1000.cells[0]).toEqual([expect.objectContaining({ value: close(0.4) }), expect.objectContaining({ value: close(0.4) })]); // 4/10 000, 2/5 000
    expect(per1000.total.value).toBeCloseTo((10 / 15000) * 1000, 10);
    const one = (await region.get(`/api/analytics/region/heatmap?${PERIOD}&municipalityId=${f.A}`)).json();
    expect(one.columns.map((c: { id: string | null }) => c.id)).toEqual([f.S1, f.S3, f.S2, null]);
    expect(one.total.count).toBe(8);
    for (const body of [h, per1000, one]) assertAggregatesOnly(body);
  });

  it('gives the consolidated dashboard and the figures of each municipality', async () => {
    const res = await region.get(`/api/analytics/region/dashboard?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.intake.total.value).toBe(10);
    expect(d.timeliness.inTimeShare).toMatchObject({ value: 0.8, n: 5 }); // A 3 of 4, B 1 of 1
    expect(d.timeliness.incident.avgAnswerWorkingHours.value).toBeCloseTo(6, 9);
    expect(d.byMunicipality).toEqual([
      { municipality: { id: f.A, name: 'Тенант test-a' }, received: 8, per1000: 0.8, inTimeShare: 0.75, rating45Share: close(2 / 3), avgRating: close(11 / 3), overdueNow: 1 },
      { municipality: { id: f.B, name: 'Тенант test-b' }, received: 2, per1000: 0.4, inTimeShare: 1, rating45Share: 1, avgRating: 5, overdueNow: 0 },
    ]);
    expect(d.overdueNow.total.value).toBe(1);
    assertAggregatesOnly(d);
  });

  it('rates the municipalities with the same fair method', async () => {
    const r = (await region.get(`/api/analytics/region/rating?${PERIOD}`)).json();
    expect(r.priors.timeliness).toBeCloseTo(0.8, 10);
    const a = r.items.find((x: { municipality: { id: string } }) => x.municipality.id === f.A);
    expect(a).toMatchObject({ n: 8, lowData: true, rank: null, per1000: 0.8 });
    expect(a.parts.timeliness.shrunk).toBeCloseTo((3 + 10 * 0.8) / (4 + 10), 10);
    assertAggregatesOnly(r);
  });

  it('shows each municipality’s indicators and the region’s pooled value', async () => {
    const res = await region.get('/api/analytics/region/indicators?period=2026-Q4');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const inTime = body.indicators.find((i: { code: string }) => i.code === 'answered_in_time');
    expect(inTime.values.map((v: { municipalityId: string; value: number }) => [v.municipalityId, v.value])).toEqual([
      [f.A, close(4 / 6)],
      [f.B, 1],
    ]);
    expect(inTime.region).toEqual({ value: close(5 / 7), n: 7 });
    assertAggregatesOnly(body);
  });

  it('lets the ЦУР set indicators for its municipalities only', async () => {
    const input = { code: 'region_count', name: 'Число обращений', measure: 'count', filters: { channel: 'pos' }, period: 'quarter', targetValue: null };
    const created = await region.send('POST', '/api/analytics/region/indicators/definitions', input);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().items.map((d: { tenantId: string; setBy: string }) => [d.tenantId, d.setBy]).sort()).toEqual([[f.A, 'region'], [f.B, 'region']].sort());
    const id = created.json().items.find((d: { tenantId: string }) => d.tenantId === f.A).id;
    expect((await region.send('PUT', `/api/analytics/region/indicators/definitions/${id}`, { ...input, targetValue: 3, targetDirection: 'lte' })).statusCode).toBe(200);
    expect((await headA.send('PUT', `/api/analytics/indicators/definitions/${id}`, input)).statusCode).toBe(403);
    const local = await region.send('POST', '/api/analytics/region/indicators/definitions', { ...input, code: 'local', filters: { topicId: f.T1 } });
    expect(local.statusCode).toBe(400);
    const [other] = await database.db.insert(tenants).values({ code: 'other-m', kind: 'municipality', name: 'Чужой', timeZone: TZ }).returning({ id: tenants.id });
    const foreign = await region.send('POST', '/api/analytics/region/indicators/definitions', { ...input, code: 'foreign', municipalityIds: [other.id] });
    expect(foreign.statusCode).toBe(400);
  });

  it('keeps municipalities apart and the views to their own users', async () => {
    const b = (await headB.get(`/api/analytics/heatmap?${PERIOD}`)).json();
    expect(b.total.count).toBe(2);
    expect(b.columns.map((c: { id: string }) => c.id)).toEqual([f.SB1]);
    const a = (await headA.get(`/api/analytics/dashboard?${PERIOD}`)).json();
    expect(a.intake.total.value).toBe(8);
    expect((await headA.get(`/api/analytics/heatmap?${PERIOD}&settlementId=${f.SB1}`)).json().total.count).toBe(0);
    expect((await headA.get(`/api/analytics/rating?${PERIOD}`)).json().items.every((x: { recipient: { name: string } }) => x.recipient.name.startsWith('Получатель'))).toBe(true);
    expect((await headB.get('/api/analytics/rating?from=2026-06-01&to=2026-06-30')).json().items).toEqual([]);
    expect((await headA.get(`/api/analytics/region/heatmap?${PERIOD}`)).statusCode).toBe(403);
    expect((await headA.get(`/api/analytics/region/dashboard?${PERIOD}`)).statusCode).toBe(403);
    expect((await region.get(`/api/analytics/heatmap?${PERIOD}`)).statusCode).toBe(403);
    expect((await region.get(`/api/analytics/region/heatmap?${PERIOD}&municipalityId=${f.S1}`)).statusCode).toBe(404);
  });
});
