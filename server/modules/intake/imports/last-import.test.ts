import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../../test/databases';
import { pinnedClock, signIn, testApp } from '../../../test/http';
import type { Database } from '../../../db/client';
import { importFile } from './import-test-kit';

type Client = Awaited<ReturnType<typeof signIn>>;

/** The line above the ПОС coordinator's register: the last import of the source and its counts. */
describe.each(targets())('last import of a source on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let pos: Client, operator: Client;
  const clock = pinnedClock('2026-04-30T07:00:00Z');

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database, clock);
    [pos, operator] = await Promise.all(['pos', 'operator'].map((l) => signIn(app, l)));
  }, 400_000);
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const csv = (rows: string[][]) => Buffer.from(['Номер;Дата;Текст', ...rows.map((r) => r.join(';'))].join('\r\n'), 'utf8');
  const start = { channel: 'pos', mapping: { sourceId: ['Номер'], receivedAt: ['Дата'], text: ['Текст'] } };

  it('shows the latest import of the channel with new, updated and quarantined rows', async () => {
    expect((await pos.get('/api/imports/last?channel=pos')).json()).toEqual({ job: null });
    await importFile(app, pos, 'pos-1.csv', csv([['P-1', '29.04.2026 10:00', 'Яма на дороге'], ['P-2', '29.04.2026 11:00', 'Не горит фонарь']]), start);
    clock.advance(60_000);
    const { done } = await importFile(app, pos, 'pos-2.csv', csv([['P-1', '29.04.2026 10:00', 'Яма на дороге у школы'], ['P-2', '29.04.2026 11:00', 'Не горит фонарь'], ['P-3', 'вчера', 'Нет даты'], ['P-4', '29.04.2026 12:00', 'Мусор']]), start);
    const last = (await pos.get('/api/imports/last?channel=pos')).json().job;
    expect(last).toMatchObject({ id: done.id, fileName: 'pos-2.csv', status: 'done', inserted: 1, updated: 1, unchanged: 1, quarantined: 1 });
    expect(last.finishedAt).not.toBeNull();
    expect(Object.keys(last).sort()).toEqual(['createdAt', 'fileName', 'finishedAt', 'id', 'inserted', 'quarantined', 'status', 'unchanged', 'updated']);
    expect((await pos.get('/api/imports/last?channel=incident')).json()).toEqual({ job: null });
    expect((await operator.get('/api/imports/last?channel=pos')).statusCode).toBe(403);
  }, 600_000);
});
