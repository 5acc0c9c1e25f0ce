import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { generateDemoCases } from '../../seed/demo-cases/generate-demo-cases';
import { autoRoutedShare } from './auto-routed-share';

type Client = Awaited<ReturnType<typeof signIn>>;
interface Named { id: string; code: string; name: string; parentId?: string | null }

describe.each(targets())('understanding the text on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client, operator: Client, head: Client;
  let tenantId: string;
  let topics: Named[], recipients: Named[], settlements: Named[];
  const clock = pinnedClock('2026-04-30T07:00:00Z');
  const code = (list: Named[], c: string) => list.find((x) => x.code === c)!.id;
  const message = (text: string, extra: Record<string, unknown> = {}) => ({ regime: 'MESSAGE', channel: 'reception', receivedAt: '2026-04-30T10:30:00+04:00', text, ...extra });

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
    await generateDemoCases(database, { tenantId, count: 3000, now: new Date('2026-04-01T00:00:00Z'), history: false });
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    [admin, operator, head] = await Promise.all(['admin', 'operator', 'head'].map((l) => signIn(app, l)));
    topics = (await operator.get('/api/topics')).json().items;
    recipients = (await operator.get('/api/recipients')).json().items;
    settlements = (await operator.get('/api/territory')).json().settlements;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('suggests by keyword rules before any model is trained', async () => {
    const c = (await operator.send('POST', '/api/cases', message('Огромная яма на дороге, разбит асфальт'))).json();
    expect(c.subtopicId).toBe(code(topics, 'roads.potholes'));
    const s = (await operator.get(`/api/cases/${c.id}/suggestions`)).json();
    expect(s.topic[0]).toMatchObject({ subtopicId: code(topics, 'roads.potholes'), source: 'правило' });
  });

  it('finds the place in the text on creation and puts the locality’s coordinates', async () => {
    const c = (await operator.send('POST', '/api/cases', message('В Золотом на улице Мира не горят фонари'))).json();
    expect(c.settlementId).toBe(code(settlements, 'zolotovskoe'));
    expect(c.lat).toBeCloseTo(50.826, 2);
  });

  it('suggests while the operator types and finds the place in the text', async () => {
    const res = await operator.send('POST', '/api/classify/suggest', { text: 'В Золотом на улице Мира не горят фонари' });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.topic.length).toBeGreaterThan(0);
    expect(s.place).toMatchObject({ settlementId: code(settlements, 'zolotovskoe'), settlementName: expect.any(String) });
    const c = (await operator.send('POST', '/api/cases', message('В Золотом на улице Мира не горят фонари'))).json();
    expect((await operator.get(`/api/cases/${c.id}/suggestions`)).json().place.settlementId).toBe(code(settlements, 'zolotovskoe'));
  });

  it('keeps rules and settings to the administrator', async () => {
    expect((await operator.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.9, routeOrder: 'rules_first' })).statusCode).toBe(403);
    const bad = await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 2, routeOrder: 'rules_first' });
    expect(bad.statusCode).toBe(400);
    const rule = (await admin.send('POST', '/api/classify/rules', { topicId: code(topics, 'culture.libraries'), keywords: ['библиотекарь', 'читальный зал'] })).json();
    expect((await admin.get('/api/classify/rules')).json().items).toHaveLength(1);
    const c = (await operator.send('POST', '/api/cases', message('Читальный зал закрыт, библиотекарь не выходит'))).json();
    expect(c.subtopicId).toBe(code(topics, 'culture.libraries'));
    expect((await admin.send('DELETE', `/api/classify/rules/${rule.id}`)).statusCode).toBe(200);
  });

  it('retrains in a worker thread: HTTP answers while it trains, one retraining at a time', async () => {
    const start = await admin.send('POST', '/api/classify/retrain', {});
    expect(start.statusCode).toBe(200);
    expect(start.json().retrain.running.since).toBeDefined();
    let finished = false;
    const waitDone = async () => {
      for (;;) {
        const s = (await admin.get('/api/classify/settings')).json();
        if (!s.retrain.running) return s;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const done = waitDone().then((s) => ((finished = true), s));
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(finished).toBe(false);
    const again = await admin.send('POST', '/api/classify/retrain', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/уже идёт/);
    const settings = await done;
    expect(settings.retrain.lastError).toBeNull();
    expect(settings).toMatchObject({ autoRouteThreshold: 0.85, routeOrder: 'rules_first' });
    expect(settings.models.map((m: { target: string }) => m.target).sort()).toEqual(['recipient', 'topic']);
    const topicModel = settings.models.find((m: { target: string }) => m.target === 'topic');
    process.stdout.write(`[${target}] retrain on ${topicModel.nExamples} cases: ${JSON.stringify(settings.models.map((m: { target: string; metrics: unknown }) => [m.target, m.metrics]))}\n`);
    expect(topicModel.metrics.nTest).toBeGreaterThan(0);
    expect(topicModel.nExamples).toBeGreaterThan(topicModel.metrics.nTest);
    expect(topicModel.metrics.accuracy).toBeGreaterThan(0.5);
    // Only administrators and the МЦУ's leads configure routing.
    expect((await operator.send('POST', '/api/classify/retrain', {})).statusCode).toBe(403);
  }, 600_000);

  it('suggests top-3 topics and recipients by the model, fast', async () => {
    const c = (await operator.send('POST', '/api/cases', message('Не вывозят мусор с контейнерной площадки, переполнены баки', { recipientId: code(recipients, 'admin-kamenskoe') }))).json();
    await operator.get(`/api/cases/${c.id}/suggestions`);
    const started = performance.now();
    const n = 20;
    for (let i = 0; i < n; i++) await operator.get(`/api/cases/${c.id}/suggestions`);
    const perCall = (performance.now() - started) / n;
    process.stdout.write(`[${target}] GET suggestions: ${perCall.toFixed(1)} ms per call\n`);
    const s = (await operator.get(`/api/cases/${c.id}/suggestions`)).json();
    expect(s.topic).toHaveLength(3);
    expect(s.topic[0]).toMatchObject({ topicId: code(topics, 'waste'), source: 'модель' });
    expect(s.recipient.length).toBeGreaterThan(0);
    expect(s.recipient[0].source).toBe('модель');
    expect(s.recipient[0].p).toBeGreaterThan(0);
  });

  it('routes automatically above the threshold and leaves the case for staff below it', async () => {
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.5, routeOrder: 'model_first' });
    const sure = (await operator.send('POST', '/api/cases', message('Не вывозят мусор с контейнерной площадки, переполнены баки, свалка'))).json();
    expect(sure.status).toBe('assigned');
    expect(sure.autoRouted).toBe(true);
    expect(sure.routingReason).toMatch(/^модель, [01]\.\d\d$/);
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 1, routeOrder: 'model_first' });
    const unsure = (await operator.send('POST', '/api/cases', message('Прошу разобраться с ситуацией и принять меры'))).json();
    expect(unsure.status).toBe('registered');
    expect(unsure.autoRouted).toBe(false);
    const share = await autoRoutedShare(database.db, tenantId, new Date('2026-04-30T00:00:00Z'), new Date('2026-05-01T00:00:00Z'));
    expect(share.autoRouted).toBe(1);
    expect(share.share).toBeCloseTo(1 / share.total, 6);
  });

  it('lets a routing rule win over the model where configured (rules first)', async () => {
    const text = 'Не вывозят мусор с контейнерной площадки в Каменском, переполнены баки';
    const waste = code(topics, 'waste');
    const kamenskoe = code(settlements, 'kamenskoe');
    const target = code(recipients, 'admin-krasnoarmeysk');
    expect((await operator.send('POST', '/api/routing-rules', { topicId: waste, settlementId: kamenskoe, recipientId: target, priority: 10 })).statusCode).toBe(403);
    const rule = (await head.send('POST', '/api/routing-rules', { topicId: waste, settlementId: kamenskoe, recipientId: target, priority: 10 })).json();
    expect(rule.id).toBeDefined();
    expect((await head.get('/api/routing-rules')).json().items.map((r: { id: string }) => r.id)).toContain(rule.id);
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.5, routeOrder: 'rules_first' });
    const c = (await operator.send('POST', '/api/cases', message(text, { topicId: waste }))).json();
    expect(c).toMatchObject({ status: 'assigned', recipientId: target, autoRouted: true });
    expect(c.routingReason).toBe('правило: Обращение с ТКО × Каменское');
    const s = (await operator.get(`/api/cases/${c.id}/suggestions`)).json();
    expect(s.recipient[0]).toMatchObject({ recipientId: target, source: 'правило', p: 1 });
    expect(s.route.reason).toBe('правило: Обращение с ТКО × Каменское');
    // Elsewhere the rule does not apply.
    const elsewhere = (await operator.get(`/api/cases/${(await operator.send('POST', '/api/cases', message('Не вывозят мусор, переполнены баки в Сплавнухе', { topicId: waste }))).json().id}/suggestions`)).json();
    expect(elsewhere.recipient[0].reason).not.toMatch(/Каменское/);
    await admin.send('DELETE', `/api/routing-rules/${rule.id}`);
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.85, routeOrder: 'rules_first' });
  });

  it('learns from corrections: a corrected topic changes the next suggestion for a similar text', async () => {
    const text = 'Бродячие собаки у контейнерной площадки разрывают мусорные пакеты';
    const animals = code(topics, 'improvement.stray_animals');
    const before = (await operator.get(`/api/cases/${(await operator.send('POST', '/api/cases', message(text))).json().id}/suggestions`)).json();
    expect(before.topic[0].subtopicId).not.toBe(animals);
    const variants = [text, 'Собаки разрывают мусорные пакеты у контейнеров', 'Стая собак у мусорной площадки, пакеты разорваны', 'У контейнеров бродячие собаки растаскивают мусор', 'Собаки у баков разрывают пакеты с мусором', 'Бродячие собаки на контейнерной площадке, мусор по всей улице'];
    for (const v of variants) {
      const c = (await operator.send('POST', '/api/cases', message(v))).json();
      const res = await operator.send('PUT', `/api/cases/${c.id}/classification`, { subtopicId: animals });
      expect(res.statusCode).toBe(200);
      expect(res.json().topicId).toBe(code(topics, 'improvement'));
    }
    const corrections = (await head.get('/api/classify/corrections?limit=20')).json().items;
    expect(corrections[0]).toMatchObject({ field: 'topic', chosen: animals, chosenName: expect.any(String), user: expect.any(String) });
    await admin.send('POST', '/api/classify/retrain', { wait: true });
    const fresh = (await operator.send('POST', '/api/cases', message('Бродячие собаки у контейнерной площадки разрывают пакеты с мусором'))).json();
    const after = (await operator.get(`/api/cases/${fresh.id}/suggestions`)).json();
    expect(after.topic[0].subtopicId).toBe(animals);
  }, 600_000);

  it('records a correction when staff reassign an auto-routed case', async () => {
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.5, routeOrder: 'model_first' });
    const c = (await operator.send('POST', '/api/cases', message('Не вывозят мусор с контейнерной площадки, переполнены баки, свалка'))).json();
    expect(c.autoRouted).toBe(true);
    const other = recipients.find((r) => r.id !== c.recipientId && r.code === 'admin-splavnukhinskoe') ?? recipients.find((r) => r.id !== c.recipientId)!;
    expect((await operator.send('POST', `/api/cases/${c.id}/assign`, { recipientId: other.id })).statusCode).toBe(200);
    const rows = await database.query<{ field: string; suggested: string; chosen: string }>('SELECT field, suggested, chosen FROM classify_corrections WHERE case_id = $1', [c.id]);
    expect(rows).toEqual([{ field: 'recipient', suggested: c.recipientId, chosen: other.id }]);
    await admin.send('PUT', '/api/classify/settings', { autoRouteThreshold: 0.85, routeOrder: 'rules_first' });
  });

  it('suggests related cases with close texts and the same place', async () => {
    const a = (await operator.send('POST', '/api/cases', message('В Сплавнухе по улице Садовой прорвало трубу, течёт вода'))).json();
    const b = (await operator.send('POST', '/api/cases', { ...message('Сплавнуха, ул. Садовая: прорвало трубу водопровода, вода течёт по дороге'), channel: 'phone' })).json();
    const res = await operator.get(`/api/cases/${a.id}/related-suggestions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ id: b.id, samePlace: 'street' });
  });
});
