import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { buildFixture, NOW, toSearch, type Fixture } from './analytics-fixture';

type Client = Awaited<ReturnType<typeof signIn>>;
interface Cell {
  value: number | null;
  count: number;
  n: number;
  prev: number | null;
  yoy: number | null;
  registerQuery: Record<string, unknown> | null;
}
interface Heatmap {
  rows: { id: string | null; total: Cell }[];
  columns: { id: string | null; population: number | null; total: Cell }[];
  cells: Cell[][];
  total: Cell;
  previous: { from: string; to: string };
  yearAgo: { from: string; to: string };
}

const PERIOD = 'from=2026-11-01&to=2026-11-14';

describe.each(targets())('heat map and map on %s', (target) => {
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

  const heatmap = async (client: Client, query: string): Promise<Heatmap> => {
    const res = await client.get(`/api/analytics/heatmap?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const cellOf = (h: Heatmap, row: string | null, col: string | null) => h.cells[h.rows.findIndex((r) => r.id === row)][h.columns.findIndex((c) => c.id === col)];

  it('counts topics × settlements with the previous period and a year earlier, and totals', async () => {
    const h = await heatmap(head, PERIOD);
    // Rows: topics by their order, then «без тематики» (c8). Columns: the biggest settlement first,
    // S2 with unknown population last, then «не указано» (c7).
    expect(h.rows.map((r) => r.id)).toEqual([f.T1, f.T2, null]);
    expect(h.columns.map((c) => c.id)).toEqual([f.S1, f.S3, f.S2, null]);
    expect(h.cells.map((r) => r.map((c) => c.count))).toEqual([
      [3, 0, 1, 0], // T1: c1 c2 c3 | – | c4 | –
      [2, 0, 0, 1], // T2: c5 (01.11 00:30 local) c6 | – | – | c7
      [0, 0, 1, 0], // –: c8
    ]);
    expect(h.previous).toEqual({ from: '2026-10-18', to: '2026-10-31' });
    expect(h.yearAgo).toEqual({ from: '2025-11-01', to: '2025-11-14' });
    expect(cellOf(h, f.T1, f.S1)).toMatchObject({ value: 3, prev: 2, yoy: 1 }); // prev: c9 (31.10 23:30) c11; yoy: c13
    expect(cellOf(h, f.T2, f.S1)).toMatchObject({ value: 2, prev: 1, yoy: 0 }); // prev: c12
    expect(cellOf(h, f.T1, f.S2)).toMatchObject({ value: 1, prev: 0, yoy: 1 }); // yoy: c14
    expect(h.rows.map((r) => r.total.count)).toEqual([4, 3, 1]);
    expect(h.columns.map((c) => c.total.count)).toEqual([5, 0, 2, 1]);
    expect(h.total).toMatchObject({ value: 8, count: 8, prev: 3, yoy: 2 }); // c10 (15.11 00:10 local) is outside
  });

  it('links every cell to the register with the same filters, and the register counts the same cases', async () => {
    const h = await heatmap(head, `${PERIOD}&channel=pos`);
    expect(cellOf(h, f.T1, f.S1).registerQuery).toEqual({ from: '2026-11-01', to: '2026-11-14', channel: 'pos', topicId: f.T1, settlementId: f.S1 });
    const plain = await heatmap(head, PERIOD);
    expect(cellOf(plain, null, f.S2).registerQuery).toBeNull(); // «без тематики» has no register filter
    for (const h2 of [h, plain, await heatmap(head, `${PERIOD}&topicId=${f.T1}&level=locality`)]) {
      const all = [...h2.cells.flat(), ...h2.rows.map((r) => r.total), ...h2.columns.map((c) => c.total), h2.total];
      for (const cell of all.filter((c) => c.registerQuery)) {
        const res = await head.get(`/api/cases/count?${toSearch(cell.registerQuery!)}`);
        expect(res.json().total, JSON.stringify(cell.registerQuery)).toBe(cell.count);
      }
    }
  });

  it('gives per 1,000 residents only where the population is known', async () => {
    const h = await heatmap(head, `${PERIOD}&measure=per1000`);
    expect(cellOf(h, f.T1, f.S1).value).toBeCloseTo(1.5, 10); // 3 / 2 000 × 1 000
    expect(cellOf(h, f.T1, f.S1).prev).toBeCloseTo(1, 10); // 2 / 2 000 × 1 000
    expect(cellOf(h, f.T1, f.S3).value).toBe(0);
    expect(cellOf(h, f.T1, f.S2).value).toBeNull(); // S2: population unknown, never invented
    expect(cellOf(h, f.T1, f.S2).count).toBe(1);
    expect(h.columns[0].total.value).toBeCloseTo(2.5, 10); // 5 / 2 000
    expect(h.rows[0].total.value).toBeCloseTo(0.4, 10); // 4 / 10 000 (the municipality)
    expect(h.total.value).toBeCloseTo(0.8, 10); // 8 / 10 000
  });

  it('gives the overdue share and the average rating with their bases', async () => {
    const o = await heatmap(head, `${PERIOD}&measure=overdue_share`);
    // T1×S1: due c1 c2 c3; overdue c2 (open, due 12.11) and c3 (answered 17.11 after 16.11)
    expect(cellOf(o, f.T1, f.S1)).toMatchObject({ count: 3, n: 3 });
    expect(cellOf(o, f.T1, f.S1).value).toBeCloseTo(2 / 3, 10);
    expect(cellOf(o, f.T1, f.S1).prev).toBeCloseTo(0.5, 10); // c9 in time, c11 late
    expect(cellOf(o, f.T1, f.S1).yoy).toBeNull(); // c13 had no due date
    expect(cellOf(o, f.T2, f.S1)).toMatchObject({ value: 0, n: 1 }); // c5 has no due date; c6 in time
    expect(o.total.value).toBeCloseTo(2 / 5, 10); // due: c1 c2 c3 c4 c6
    const r = await heatmap(head, `${PERIOD}&measure=avg_rating`);
    expect(cellOf(r, f.T1, f.S1)).toMatchObject({ value: 3.5, n: 2, prev: 2.5 }); // (5 + 2) / 2; (4 + 1) / 2
    expect(cellOf(r, f.T2, f.S1)).toMatchObject({ value: null, n: 0 });
    expect(r.total.value).toBeCloseTo(11 / 3, 10); // 5, 2, 4
  });

  it('drills down to sub-topics × localities', async () => {
    const h = await heatmap(head, `${PERIOD}&topicId=${f.T1}&level=locality`);
    expect(h.rows.map((r) => r.id)).toEqual([f.T1a, f.T1b, null]);
    expect(h.columns.map((c) => c.id)).toEqual([f.L1, f.L2, null]);
    expect(h.cells.map((r) => r.map((c) => c.count))).toEqual([
      [2, 0, 0], // T1a: c1 c2 at L1
      [0, 1, 0], // T1b: c4 at L2
      [0, 0, 1], // c3: no sub-topic, no locality
    ]);
    expect(cellOf(h, f.T1a, f.L1).registerQuery).toEqual({ from: '2026-11-01', to: '2026-11-14', topicId: f.T1a, localityId: f.L1 });
  });

  it('shows a block lead only the topics of the block', async () => {
    const lead = await signIn(app, 'block.a');
    const h = await heatmap(lead, PERIOD);
    expect(h.rows.map((r) => r.id)).toEqual([f.T2]);
    expect(h.total.count).toBe(3); // c5 c6 c7
  });

  it('refuses a reversed period with a Russian message', async () => {
    const res = await head.get('/api/analytics/heatmap?from=2026-11-14&to=2026-11-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Период/);
  });

  it('maps settlements, localities with coordinates and a grid of case points without lone points', async () => {
    const res = await head.get(`/api/analytics/map?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.settlements.map((s: { id: string; value: number }) => [s.id, s.value])).toEqual([
      [f.S1, 5],
      [f.S3, 0],
      [f.S2, 2],
      [null, 1],
    ]);
    const l1 = m.localities.find((l: { id: string }) => l.id === f.L1);
    expect(l1).toMatchObject({ count: 3, lat: 51, lon: 45.7, registerQuery: { from: '2026-11-01', to: '2026-11-14', localityId: f.L1 } }); // c1 c2 c6
    expect(m.localities.find((l: { id: string }) => l.id === f.L2)).toMatchObject({ count: 1, lat: null });
    // c1 c2 c6 fall into one 0.01° cell (shown at its centre); c4 alone is not shown.
    expect(m.grid.cells).toEqual([{ lat: 51.005, lon: 45.705, count: 3 }]);
    expect(m.grid).toMatchObject({ suppressed: 1, withoutPoint: 4, minCount: 3 });
    expect(JSON.stringify(m)).not.toMatch(/Тайная|СЕКРЕТНЫЙ/);
  });
});
