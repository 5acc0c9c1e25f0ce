import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { classifierModels, classifyRules, localities, recipients, routingRules, settlements, topics } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { caseIdParam } from '../cases/cases.routes';
import { caseScope } from '../cases/case-scope';
import { keywordRuleInput, routingRuleInput } from '../../../domain/classify/rule-inputs';
import { classifySettingsInput, readClassifySettings, writeClassifySettings } from './classify-settings';
import { retrainStatus, startRetrain } from './retrain';
import { canConfigureRouting, recentCorrections } from './recent-corrections';
import { findPlace } from './territory-from-text';
import { suggestCase } from './suggest-case';
import { starterRules } from './starter-topics';
import { invalidateTenantClassifier, tenantClassifier } from './tenant-classifier';
import { classificationInput, updateClassification } from './update-classification';
import { relatedSuggestions } from './related-cases';

const TAG = ['Понимание текста'];
const suggestInput = z.object({
  text: z.string().max(20_000, { error: 'Текст: не длиннее 20 000 символов' }),
  address: z.string().max(500).nullish(),
  topicId: z.uuid().nullish(),
  subtopicId: z.uuid().nullish(),
  settlementId: z.uuid().nullish(),
});
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });
const ruleInput = keywordRuleInput;
const routingInput = routingRuleInput;

/** Suggestions, corrections, keyword and routing rules, settings and retraining (issue «Понимание текста»). */
export async function classifyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  // The administrator or the МЦУ's leads (route and review cases) configure routing; checked in preHandler.
  const manage = { policy: 'authenticated' as const };
  const configurer = async (req: FastifyRequest) => {
    if (!canConfigureRouting(actorOf(req))) throw new AppError('forbidden', 'Недостаточно прав: настройку маршрутизации ведут администратор и руководители МЦУ');
  };

  r.get('/api/cases/:id/suggestions', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Подсказки: тематика и получатель (топ-3 с вероятностью)', params: caseIdParam } }, async (req) => {
    const a = actorOf(req);
    const res = await db.execute(sql`SELECT c.text, c.address, c.topic_id, c.subtopic_id, c.settlement_id FROM cases c WHERE c.id = ${req.params.id} AND ${caseScope(a)}`);
    const [c] = (res as unknown as { rows: { text: string; address: string | null; topic_id: string | null; subtopic_id: string | null; settlement_id: string | null }[] }).rows;
    if (!c) throw new AppError('not_found', 'Обращение не найдено');
    const t = await tenantClassifier(db, a.tenantId);
    const s = suggestCase(t, { text: c.text, topicId: c.topic_id, subtopicId: c.subtopic_id, settlementId: c.settlement_id });
    return { topic: s.topic, recipient: s.recipient, route: s.route, place: await placeWithNames(findPlace(t.gazetteer, c.text, c.address)) };
  });
  const placeWithNames = async (p: ReturnType<typeof findPlace>) => {
    if (!p.settlementId && !p.localityId && !p.street) return null;
    const [loc] = p.localityId ? await db.select({ name: localities.name, settlementId: localities.settlementId }).from(localities).where(eq(localities.id, p.localityId)) : [];
    const settlementId = p.settlementId ?? loc?.settlementId ?? null;
    const [st] = settlementId ? await db.select({ name: settlements.name }).from(settlements).where(eq(settlements.id, settlementId)) : [];
    return { ...p, settlementId, settlementName: st?.name ?? null, localityName: loc?.name ?? null };
  };
  r.post('/api/classify/suggest', { config: { policy: 'cases.register' }, schema: { tags: TAG, summary: 'Подсказки по тексту при регистрации: тематика, место, получатель', body: suggestInput } }, async (req) => {
    const a = actorOf(req);
    const t = await tenantClassifier(db, a.tenantId);
    const place = findPlace(t.gazetteer, req.body.text, req.body.address);
    const settlementId = req.body.settlementId ?? place.settlementId;
    const s = suggestCase(t, { text: req.body.text, topicId: req.body.topicId, subtopicId: req.body.subtopicId, settlementId });
    return { topic: s.topic, recipient: s.recipient, route: s.route, place: await placeWithNames(place) };
  });
  r.get('/api/cases/:id/related-suggestions', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Похожие обращения (±14 дней, близкий текст и место)', params: caseIdParam } }, async (req) => ({
    items: await relatedSuggestions(db, actorOf(req), req.params.id),
  }));
  r.put('/api/cases/:id/classification', { config: { policy: 'cases.route' }, schema: { tags: TAG, summary: 'Изменить тематику и место обращения', params: caseIdParam, body: classificationInput } }, async (req) =>
    db.transaction((tx) => updateClassification(tx, actorOf(req), req.params.id, req.body)),
  );

  r.get('/api/classify/settings', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Настройки автомаршрутизации' } }, async (req) => {
    const tenantId = actorOf(req).tenantId;
    const models = await db.select({ target: classifierModels.target, version: classifierModels.version, trainedAt: classifierModels.trainedAt, nExamples: classifierModels.nExamples, metrics: classifierModels.metrics })
      .from(classifierModels).where(eq(classifierModels.tenantId, tenantId)).orderBy(asc(classifierModels.target), desc(classifierModels.version));
    return { ...(await readClassifySettings(db, tenantId)), models, retrain: retrainStatus(tenantId) };
  });
  r.get('/api/classify/corrections', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Последние исправления подсказок', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) } }, async (req) => ({
    items: await recentCorrections(db, actorOf(req).tenantId, req.query.limit),
  }));
  r.put('/api/classify/settings', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Изменить порог и порядок автомаршрутизации', body: classifySettingsInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await readClassifySettings(tx, a.tenantId);
      await writeClassifySettings(tx, a.tenantId, req.body);
      await recordAudit(tx, a, { action: 'update', entity: 'classify_settings', entityId: a.tenantId, before, after: req.body });
      invalidateTenantClassifier(a.tenantId);
      return req.body;
    }),
  );
  r.post('/api/classify/retrain', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Переобучить модели (в отдельном потоке; wait — дождаться результата)', body: z.strictObject({ wait: z.boolean().optional() }).nullish() } }, async (req) => {
    const a = actorOf(req);
    const done = startRetrain(db, a.tenantId, clock(), a.userId).then(async (results) => {
      await db.transaction((tx) => recordAudit(tx, a, { action: 'retrain', entity: 'classifier', entityId: a.tenantId, after: { results } }));
      return results;
    });
    if (req.body?.wait) return { results: await done, retrain: retrainStatus(a.tenantId) };
    done.catch((err: unknown) => req.log.error({ err }, 'классификатор: переобучение не удалось'));
    return { results: null, retrain: retrainStatus(a.tenantId) };
  });

  r.get('/api/classify/rules', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Ключевые слова тематик: свои и встроенные' } }, async (req) => {
    const tenantId = actorOf(req).tenantId;
    const codes = await db.select({ id: topics.id, code: topics.code }).from(topics).where(eq(topics.tenantId, tenantId));
    return {
      items: await db.select().from(classifyRules).where(eq(classifyRules.tenantId, tenantId)).orderBy(asc(classifyRules.updatedAt)),
      starter: starterRules(new Map(codes.map((c) => [c.code, c.id]))).map((r) => ({ topicId: r.label, keywords: r.keywords })),
    };
  });
  r.post('/api/classify/rules', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Добавить ключевые слова тематики', body: ruleInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      await assertOwnedRef(tx, topics, req.body.topicId, a.tenantId, 'topicId', 'Тематика');
      const [row] = await tx.insert(classifyRules).values({ ...req.body, tenantId: a.tenantId }).returning();
      await recordAudit(tx, a, { action: 'create', entity: 'classify_rule', entityId: row.id, after: row });
      invalidateTenantClassifier(a.tenantId);
      return row;
    }),
  );
  r.put('/api/classify/rules/:id', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Изменить ключевые слова', params: idParam, body: ruleInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await findOwned(tx, classifyRules, req.params.id, a.tenantId, 'Правило');
      await assertOwnedRef(tx, topics, req.body.topicId, a.tenantId, 'topicId', 'Тематика');
      const [row] = await tx.update(classifyRules).set({ ...req.body, updatedAt: new Date() }).where(eq(classifyRules.id, req.params.id)).returning();
      await recordAudit(tx, a, { action: 'update', entity: 'classify_rule', entityId: row.id, before, after: row });
      invalidateTenantClassifier(a.tenantId);
      return row;
    }),
  );
  r.delete('/api/classify/rules/:id', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Удалить ключевые слова', params: idParam } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await findOwned(tx, classifyRules, req.params.id, a.tenantId, 'Правило');
      await tx.delete(classifyRules).where(and(eq(classifyRules.id, req.params.id), eq(classifyRules.tenantId, a.tenantId)));
      await recordAudit(tx, a, { action: 'delete', entity: 'classify_rule', entityId: before.id, before });
      invalidateTenantClassifier(a.tenantId);
      return { ok: true };
    }),
  );

  r.get('/api/routing-rules', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Правила маршрутизации' } }, async (req) => ({
    items: await db.select().from(routingRules).where(eq(routingRules.tenantId, actorOf(req).tenantId)).orderBy(desc(routingRules.priority), asc(routingRules.updatedAt)),
  }));
  const checkRouting = async (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], tenantId: string, body: z.infer<typeof routingInput>) => {
    await assertOwnedRef(tx, topics, body.topicId, tenantId, 'topicId', 'Тематика');
    await assertOwnedRef(tx, settlements, body.settlementId, tenantId, 'settlementId', 'Поселение');
    await assertOwnedRef(tx, recipients, body.recipientId, tenantId, 'recipientId', 'Получатель');
  };
  r.post('/api/routing-rules', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Добавить правило маршрутизации', body: routingInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      await checkRouting(tx, a.tenantId, req.body);
      const [row] = await tx.insert(routingRules).values({ ...req.body, tenantId: a.tenantId }).returning();
      await recordAudit(tx, a, { action: 'create', entity: 'routing_rule', entityId: row.id, after: row });
      invalidateTenantClassifier(a.tenantId);
      return row;
    }),
  );
  r.put('/api/routing-rules/:id', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Изменить правило маршрутизации', params: idParam, body: routingInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await findOwned(tx, routingRules, req.params.id, a.tenantId, 'Правило маршрутизации');
      await checkRouting(tx, a.tenantId, req.body);
      const [row] = await tx.update(routingRules).set({ ...req.body, updatedAt: new Date() }).where(eq(routingRules.id, req.params.id)).returning();
      await recordAudit(tx, a, { action: 'update', entity: 'routing_rule', entityId: row.id, before, after: row });
      invalidateTenantClassifier(a.tenantId);
      return row;
    }),
  );
  r.delete('/api/routing-rules/:id', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Удалить правило маршрутизации', params: idParam } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await findOwned(tx, routingRules, req.params.id, a.tenantId, 'Правило маршрутизации');
      await tx.delete(routingRules).where(and(eq(routingRules.id, req.params.id), eq(routingRules.tenantId, a.tenantId)));
      await recordAudit(tx, a, { action: 'delete', entity: 'routing_rule', entityId: before.id, before });
      invalidateTenantClassifier(a.tenantId);
      return { ok: true };
    }),
  );
}
