import { resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, count, eq } from 'drizzle-orm';
import { freshDatabase, targets } from '../../../test/databases';
import { pinnedClock, signIn, testApp } from '../../../test/http';
import type { Database } from '../../../db/client';
import { cases, topics } from '../../../db/schema';
import { upload, waitForJob } from './import-test-kit';

/**
 * 59,889 real messages of «Наш Санкт-Петербург» (research data, never copied into the repository:
 * read from ../shared/data/appeals, see its README). Where the folder is absent the test is
 * skipped and its name says why.
 */
const DATA = resolve(process.cwd(), '../shared/data/appeals/spb_our_city_appeals.csv');
const present = existsSync(DATA);
const ROWS = 59_889;
const title = present ? 'real dataset (60k «Наш Санкт-Петербург» messages) on %s' : `real dataset on %s — SKIPPED: ${DATA} not found (research data folder absent)`;

describe.skipIf(!present).each(targets())(title, (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let tenantId: string;
  const clock = pinnedClock('2026-03-10T07:00:00Z');

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('imports every row through a saved mapping, then imports the same file again without a duplicate', { timeout: 900_000 }, async () => {
    const admin = await signIn(app, 'admin');
    const pos = await signIn(app, 'pos');
    // A channel is data: the portal becomes one.
    expect((await admin.send('POST', '/api/channels', { code: 'spb_portal', name: 'Портал «Наш Санкт-Петербург»', defaultRegime: 'MESSAGE' })).statusCode).toBe(200);
    const mapping = { sourceId: ['id'], receivedAt: ['created_at'], text: ['text'], address: ['address'], lat: ['latitude'], lon: ['longitude'], topic: ['category'] };
    const saved = await pos.send('POST', '/api/imports/mappings', { name: 'Наш Санкт-Петербург', channel: 'spb_portal', mapping, options: { timeZone: 'Europe/Moscow' } });
    expect(saved.statusCode).toBe(200);

    const data = readFileSync(DATA);
    const runOnce = async () => {
      const up = await upload(app, pos, 'spb_our_city_appeals.csv', data);
      expect(up.statusCode).toBe(200);
      const job = up.json();
      expect(job.progress.totalRows).toBe(ROWS);
      expect(job.suggestion).toMatchObject({ mappingId: saved.json().id, channel: 'spb_portal', mapping });
      const t0 = performance.now();
      const start = await pos.send('POST', `/api/imports/${job.id}/start`, { channel: job.suggestion.channel, mapping: job.suggestion.mapping, options: job.suggestion.options });
      expect(start.statusCode).toBe(200);
      const done = await waitForJob(pos, job.id);
      process.stdout.write(`  ${target}: ${ROWS} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      expect(done.status).toBe('done');
      return done;
    };

    const first = await runOnce();
    expect(first.counts).toEqual({ inserted: ROWS, updated: 0, unchanged: 0, quarantined: 0 });
    const [{ n }] = await database.db.select({ n: count() }).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, 'spb_portal')));
    expect(n).toBe(ROWS);
    // «Благоустройство» is in the rubricator (34,769 rows); the other 14 portal categories are not: left empty and reported.
    const [improvement] = await database.db.select().from(topics).where(and(eq(topics.tenantId, tenantId), eq(topics.code, 'improvement')));
    const [{ m }] = await database.db.select({ m: count() }).from(cases).where(and(eq(cases.channel, 'spb_portal'), eq(cases.topicId, improvement.id)));
    // The 34,769 «Благоустройство» rows keep it; rows of unknown categories may get it from the
    // classifier when it is confident (the same routing as any new case), never by dropping the source's.
    expect(m).toBeGreaterThanOrEqual(34_769);
    expect(m).toBeLessThan(34_769 + (ROWS - 34_769) / 10);
    const sum = (prefix: string) => first.warnings.filter((w: { key: string }) => w.key.startsWith(prefix)).reduce((s: number, w: { count: number }) => s + w.count, 0);
    expect(sum('topic:')).toBe(ROWS - 34_769);
    // 2020–2021 are outside the production calendar shipped (2024–2027): the rule terms are left empty and said so.
    expect(sum('calendar:')).toBe(ROWS);
    const [sample] = await database.db.select().from(cases).where(and(eq(cases.channel, 'spb_portal'), eq(cases.sourceId, '2947909')));
    expect(sample.receivedAt.toISOString()).toBe('2020-10-18T11:50:40.000Z'); // 14:50:40 in St Petersburg
    expect(sample).toMatchObject({ lat: 59.9943342, lon: 30.197107, answerDue: null });

    const second = await runOnce();
    expect(second.counts).toEqual({ inserted: 0, updated: 0, unchanged: ROWS, quarantined: 0 });
    const [{ n2 }] = await database.db.select({ n2: count() }).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, 'spb_portal')));
    expect(n2).toBe(ROWS);
  });
});
