import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { at, buildFixture, insertCase, NOW, type Fixture } from '../analytics/analytics-fixture';

type Client = Awaited<ReturnType<typeof signIn>>;

/**
 * The register's full-text search matches through the text index first and orders the hits after
 * (list-cases.ts): the pages must still be exactly the matching cases, newest first, with filters,
 * keyset paging and the other orders — and a word absent from the filtered cell finds nothing.
 */
describe.each(targets())('register full-text search on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let f: Fixture;
  const snow: string[] = [];

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
    for (let i = 0; i < 23; i++) {
      const d = String(1 + i).padStart(2, '0');
      const settlementId = i % 2 ? f.S1 : f.S2;
      const id = await insertCase(database, f.A, { receivedAt: at(`2026-10-${d}T10:00`), topicId: f.T1, settlementId, text: `Не убран снег во дворе, случай ${i}` });
      if (settlementId === f.S1) snow.push(id);
      await insertCase(database, f.A, { receivedAt: at(`2026-10-${d}T11:00`), topicId: f.T1, settlementId, text: `Яма на дороге ${i}` });
    }
    await insertCase(database, f.B, { receivedAt: at('2026-10-05T10:00'), text: 'Снег не убран (другой муниципалитет)' });
    app = await testApp(database, pinnedClock(NOW), { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    head = await signIn(app, 'head.a');
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('pages through exactly the matching cases, newest first, by keyset', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await head.get(`/api/cases?q=${encodeURIComponent('снег')}&settlementId=${f.S1}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((c: { id: string }) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...snow].reverse());
  });

  it('keeps the other orders and finds nothing for a word absent from the filtered cases', async () => {
    const asc = (await head.get(`/api/cases?q=${encodeURIComponent('снегом')}&settlementId=${f.S1}&sort=received_asc&limit=50`)).json();
    expect(asc.items.map((c: { id: string }) => c.id)).toEqual(snow);
    const second = (await head.get(`/api/cases?q=${encodeURIComponent('снег')}&settlementId=${f.S1}&sort=received_asc&limit=5&cursor=5`)).json();
    expect(second.items.map((c: { id: string }) => c.id)).toEqual(snow.slice(5, 10));
    const none = (await head.get(`/api/cases?q=${encodeURIComponent('автобус')}&settlementId=${f.S1}`)).json();
    expect(none.items).toEqual([]);
    // A term alone takes the ordered walk: the same cases, newest first, across pages.
    const alone: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await head.get(`/api/cases?q=${encodeURIComponent('снег')}&limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json();
      alone.push(...page.items.map((c: { id: string }) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(alone).toHaveLength(23);
    expect(alone.filter((id) => snow.includes(id))).toEqual([...snow].reverse());
    const count = (await head.get(`/api/cases/count?q=${encodeURIComponent('снег')}`)).json();
    expect(count.total).toBe(23);
  });
});
