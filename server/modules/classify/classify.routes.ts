import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { classifierModels, classifyRules, recipients, routingRules, settlements, topics } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { caseIdParam } from '../cases/cases.routes';
import { caseScope } from '../cases/case-scope';
import { classifySettingsInput, readClassifySettings, writeClassifySettings } from './classify-settings';
import { retrainTenant } from './retrain';
import { suggestCase } from './suggest-case';
import { invalidateTenantClassifier, tenantClassifier } from './tenant-classifier';
import { classificationInput, updateClassification } from './update-classification';
import { relatedSuggestions } from './related-cases';

const TAG = ['Понимание текста'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });
const ruleInput = z.object({
  topicId: z.uuid({ error: 'Тематика: выберите из списка' }),
  keywords: z.array(z.string().trim().min(1, { error: 'Ключевое слово: пустое' }).max(100), { error: 'Ключевые слова: список' }).min(1, { error: 'Ключевые слова: добавьте хотя бы одно' }).max(100),
  weight: z.number().min(0.1, { error: 'Вес: не меньше 0,1' }).max(10, { error: 'Вес: не больше 10' }).default(1),
  isActive: z.boolean().default(true),
});
const routingInput = z.object({
  topicId: z.uuid({ error: 'Тематика: выберите из списка' }),
  settlementId: z.uuid({ error: 'Поселение: выберите из списка' }).nullable().default(null),
  recipientId: z.uuid({ error: 'Получатель: выберите из списка' }),
  priority: z.number().int({ error: 'Приоритет: целое число' }).min(0).max(1000).default(0),
  isActive: z.boolean().default(true),
});

/** Suggestions, corrections, keyword and routing rules, settings and retraining (issue «Понимание текста»). */
export async function classifyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const manage = { policy: 'settings.manage' as const };

  r.get('/api/cases/:id/suggestions', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Подсказки: тематика и получатель (топ-3 с вероятностью)', params: caseIdParam } }, async (req) => {
    const a = actorOf(req);
    const res = await db.execute(sql`SELECT c.text, c.topic_id, c.subtopic_id, c.settlement_id FROM cases c WHERE c.id = ${req.params.id} AND ${caseScope(a)}`);
    const [c] = (res as unknown as { rows: { text: string; topic_id: string | null; subtopic_id: string | null; settlement_id: string | null }[] }).rows;
    if (!c) throw new AppError('not_found', 'Обращение не найдено');
    const s = suggestCase(await tenantClassifier(db, a.tenantId), { text: c.text, topicId: c.topic_id, subtopicId: c.subtopic_id, settlementId: c.settlement_id });
    return { topic: s.topic, recipient: s.recipient, route: s.route };
  });
  r.get('/api/cases/:id/related-suggestions', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Похожие обращения (±14 дней, близкий текст и место)', params: caseIdParam } }, async (req) => ({
    items: await relatedSuggestions(db, actorOf(req), req.params.id),
  }));
  r.put('/api/cases/:id/classification', { config: { policy: 'cases.route' }, schema: { tags: TAG, summary: 'Изменить тематику и место обращения', params: caseIdParam, body: classificationInput } }, async (req) =>
    db.transaction((tx) => updateClassification(tx, actorOf(req), req.params.id, req.body)),
  );

  r.get('/api/classify/settings', { config: manage, schema: { tags: TAG, summary: 'Настройки автомаршрутизации' } }, async (req) => {
    const tenantId = actorOf(req).tenantId;
    const models = await db.select({ target: classifierModels.target, version: classifierModels.version, trainedAt: classifierModels.trainedAt, nExamples: classifierModels.nExamples, metrics: classifierModels.metrics })
      .from(classifierModels).where(eq(classifierModels.tenantId, tenantId)).orderBy(asc(classifierModels.target), desc(classifierModels.version));
    return { ...(await readClassifySettings(db, tenantId)), models };
  });
  r.put('/api/classify/settings', { config: manage, schema: { tags: TAG, summary: 'Изменить порог и порядок автомаршрутизации', body: classifySettingsInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await readClassifySettings(tx, a.tenantId);
      await writeClassifySettings(tx, a.tenantId, req.body);
      await recordAudit(tx, a, { action: 'update', entity: 'classify_settings', entityId: a.tenantId, before, after: req.body });
      invalidateTenantClassifier(a.tenantId);
      return req.body;
    }),
  );
  r.post('/api/classify/retrain', { config: manage, schema: { tags: TAG, summary: 'Переобучить модели на подтверждённых обращениях и исправлениях', body: z.strictObject({}).nullish() } }, async (req) => {
    const a = actorOf(req);
    const results = await retrainTenant(db, a.tenantId, clock());
    await db.transaction((tx) => recordAudit(tx, a, { action: 'retrain', entity: 'classifier', entityId: a.tenantId, after: { results } }));
    return { results };
  });

  r.get('/api/classify/rules', { config: manage, schema: { tags: TAG, summary: 'Ключевые слова тематик' } }, async (req) => ({
    items: await db.select().from(classifyRules).where(eq(classifyRules.tenantId, actorOf(req).tenantId)).orderBy(asc(classifyRules.updatedAt)),
  }));
  r.post('/api/classify/rules', { config: manage, schema: { tags: TAG, summary: 'Добавить ключевые слова тематики', body: ruleInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      await assertOwnedRef(tx, topics, req.body.topicId, a.tenantId, 'topicId', 'Тематика');
      const [row] = await tx.insert(classifyRules).values({ ...req.body, tenantId: a.tenantId }).returning();
      await recordAudit(tx, a, { action: 'create', entity: 'classify_rule', entityId: row.id, after: row });
      invalidateTenantClassifier(a.tenantId);
      return row;
    }),
  );
  r.put('/api/classify/rules/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить ключевые слова', params: idParam, body: ruleInput } }, async (req) =>
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
  r.delete('/api/classify/rules/:id', { config: manage, schema: { tags: TAG, summary: 'Удалить ключевые слова', params: idParam } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await findOwned(tx, classifyRules, req.params.id, a.tenantId, 'Правило');
      await tx.delete(classifyRules).where(and(eq(classifyRules.id, req.params.id), eq(classifyRules.tenantId, a.tenantId)));
      await recordAudit(tx, a, { action: 'delete', entity: 'classify_rule', entityId: before.id, before });
      invalidateTenantClassifier(a.tenantId);
      return { ok: true };
    }),
  );

  r.get('/api/routing-rules', { config: manage, schema: { tags: TAG, summary: 'Правила маршрутизации' } }, async (req) => ({
    items: await db.select().from(routingRules).where(eq(routingRules.tenantId, actorOf(req).tenantId)).orderBy(desc(routingRules.priority), asc(routingRules.updatedAt)),
  }));
  const checkRouting = async (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], tenantId: string, body: z.infer<typeof routingInput>) => {
    await assertOwnedRef(tx, topics, body.topicId, tenantId, 'topicId', 'Тематика');
    await assertOwnedRef(tx, settlements, body.settlementId, tenantId, 'settlementId', 'Поселение');
    await assertOwnedRef(tx, recipients, body.recipientId, tenantId, 'recipientId', 'Получатель');
  };
  r.post('/api/routing-rules', { config: manage, schema: { tags: TAG, summary: 'Добавить правило маршрутизации', body: routingInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      await checkRouting(tx, a.tenantId, req.body);
      const [row] = await tx.insert(routingRules).values({ ...req.body, tenantId: a.tenantId }).returning();
      await recordAudit(tx, a, { action: 'create', entity: 'routing_rule', entityId: row.id, after: row });
      invalidateTenantClassifier(a.tenantId);
      return row;
    }),
  );
  r.put('/api/routing-rules/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить правило маршрутизации', params: idParam, body: routingInput } }, async (req) =>
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
  r.delete('/api/routing-rules/:id', { config: manage, schema: { tags: TAG, summary: 'Удалить правило маршрутизации', params: idParam } }, async (req) =>
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
