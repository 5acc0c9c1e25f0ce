import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { freshDatabase, targets } from '../../../test/databases';
import { pinnedClock, signIn, testApp } from '../../../test/http';
import type { Database } from '../../../db/client';
import { auditEvents, caseSuggestions, cases } from '../../../db/schema';
import { importFile } from './import-test-kit';

type Client = Awaited<ReturnType<typeof signIn>>;
interface Named { id: string; code: string; name: string }

/**
 * Imported rows go through the same intake decision as any new case: place, topic, auto-routing;
 * alike when the file is planned on the main thread and when the mapping thread plans it ahead.
 */
const paths = [
  ['в основном потоке', String(1024 ** 3)],
  ['в рабочем потоке', '0'],
] as const;
describe.each(targets().flatMap((t) => paths.map(([path, from]) => [t, path, from] as const)))('imported cases are classified and routed on %s, planned %s', (target, _path, workerFromBytes) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client, pos: Client;
  let tenantId: string;
  const clock = pinnedClock('2026-04-30T07:00:00Z');

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000', IMPORT_WORKER_FROM_BYTES: workerFromBytes });
    [admin, pos] = await Promise.all(['admin', 'pos'].map((l) => signIn(app, l)));
  }, 400_000);
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const csv = (rows: string[][]) => Buffer.from(['Номер;Дата;Текст;Тема', ...rows.map((r) => r.join(';'))].join('\r\n'), 'utf8');
  const mapping = { sourceId: ['Номер'], receivedAt: ['Дата'], text: ['Текст'], topic: ['Тема'] };

  it('fills the topic and place from the text, keeps the suggestion, and auto-routes above the threshold', async () => {
    const topics: Named[] = (await admin.get('/api/topics')).json().items;
    const settlements: Named[] = (await admin.get('/api/territory')).json().settlements;
    const recipients: Named[] = (await admin.get('/api/recipients')).json().items;
    const code = (list: Named[], c: string) => list.find((x) => x.code === c)!.id;
    const rule = (await admin.send('POST', '/api/routing-rules', { topicId: code(topics, 'waste'), settlementId: code(settlements, 'kamenskoe'), recipientId: code(recipients, 'admin-krasnoarmeysk'), priority: 10 })).json();
    expect(rule.id).toBeDefined();
    expect((await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.5, routeOrder: 'rules_first' })).statusCode).toBe(200);

    const file = csv([
      ['CL-1', '29.04.2026 10:00', 'Огромная яма на дороге, разбит асфальт', ''],
      ['CL-2', '29.04.2026 11:00', 'Не вывозят мусор с контейнерной площадки в Каменском, переполнены баки', 'Обращение с ТКО'],
    ]);
    const { done } = await importFile(app, pos, 'classify.csv', file, { channel: 'email', mapping });
    expect(done.counts).toMatchObject({ inserted: 2, quarantined: 0 });

    const rows = await database.db.select().from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, 'email'), inArray(cases.sourceId, ['CL-1', 'CL-2'])));
    const pothole = rows.find((r) => r.sourceId === 'CL-1')!;
    const waste = rows.find((r) => r.sourceId === 'CL-2')!;
    expect(pothole.subtopicId).toBe(code(topics, 'roads.potholes'));
    expect(pothole.answerDue).not.toBeNull();
    expect(waste).toMatchObject({ status: 'assigned', recipientId: code(recipients, 'admin-krasnoarmeysk'), autoRouted: true, settlementId: code(settlements, 'kamenskoe') });
    expect(waste.routingReason).toBe('правило: Обращение с ТКО × Каменское');
    expect(waste.registeredAt).not.toBeNull();

    const kept = await database.db.select().from(caseSuggestions).where(inArray(caseSuggestions.caseId, [pothole.id, waste.id]));
    expect(kept.find((s) => s.caseId === pothole.id)?.topicLabel).toBe(code(topics, 'roads.potholes'));
    expect(kept.find((s) => s.caseId === waste.id)?.recipientLabel).toBe(code(recipients, 'admin-krasnoarmeysk'));
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'case'), eq(auditEvents.entityId, waste.id)));
    expect(audit).toMatchObject({ action: 'register', after: expect.objectContaining({ status: 'assigned', autoRouted: true }) });

    // The same file again: nothing new, nothing re-routed, no second suggestion.
    const again = await importFile(app, pos, 'classify.csv', file, { channel: 'email', mapping });
    expect(again.done.counts).toMatchObject({ inserted: 0, unchanged: 2 });
    expect(await database.db.select().from(caseSuggestions).where(inArray(caseSuggestions.caseId, [pothole.id, waste.id]))).toHaveLength(kept.length);
    expect(again.done.receivedFrom).toBe('2026-04-29T06:00:00.000Z');
    expect(again.done.receivedTo).toBe('2026-04-29T07:00:00.000Z');

    await admin.send('DELETE', `/api/routing-rules/${rule.id}`);
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.85, routeOrder: 'rules_first' });
  });

  it('leaves the case for staff below the threshold (only the suggestion is kept)', async () => {
    expect((await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 1, routeOrder: 'model_first' })).statusCode).toBe(200);
    const { done } = await importFile(app, pos, 'unsure.csv', csv([['CL-3', '29.04.2026 12:00', 'Не горят фонари на улице, темно вечером', '']]), { channel: 'email', mapping });
    expect(done.counts.inserted).toBe(1);
    const [c] = await database.db.select().from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.sourceId, 'CL-3')));
    expect(c).toMatchObject({ status: 'received', recipientId: null, autoRouted: false });
    const [s] = await database.db.select().from(caseSuggestions).where(eq(caseSuggestions.caseId, c.id));
    expect(s?.topicLabel).toBeTruthy();
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.85, routeOrder: 'rules_first' });
  });
});
