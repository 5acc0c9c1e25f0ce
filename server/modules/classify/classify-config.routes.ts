import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asc, desc, eq } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { classifierModels, classifyRules, recipients, routingRules, settlements, topics } from '../../db/schema';
import { assertOwnedRef } from '../../db/owned';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { keywordRuleInput, routingRuleInput } from '../../../domain/classify/rule-inputs';
import { classifySettingsInput, readClassifySettings, writeClassifySettings } from './classify-settings';
import { retrainStatus, startRetrain } from './retrain';
import { canConfigureRouting, recentCorrections } from './recent-corrections';
import { starterRules } from './starter-topics';
import { invalidateTenantClassifier } from './tenant-classifier';
import { ownedRuleRoutes, type OwnedRuleSpec } from './owned-rule-crud';

const TAG = ['Понимание текста'];

const keywordRules: OwnedRuleSpec<typeof classifyRules, typeof keywordRuleInput> = {
  table: classifyRules,
  entity: 'classify_rule',
  label: 'Правило',
  input: keywordRuleInput,
  checkRefs: (tx, tenantId, body) => assertOwnedRef(tx, topics, body.topicId, tenantId, 'topicId', 'Тематика'),
};
const routingRuleSpec: OwnedRuleSpec<typeof routingRules, typeof routingRuleInput> = {
  table: routingRules,
  entity: 'routing_rule',
  label: 'Правило маршрутизации',
  input: routingRuleInput,
  checkRefs: async (tx, tenantId, body) => {
    await assertOwnedRef(tx, topics, body.topicId, tenantId, 'topicId', 'Тематика');
    await assertOwnedRef(tx, settlements, body.settlementId, tenantId, 'settlementId', 'Поселение');
    await assertOwnedRef(tx, recipients, body.recipientId, tenantId, 'recipientId', 'Получатель');
  },
};

/** Routing configuration: settings and retraining, corrections, keyword rules, routing rules. */
export async function classifyConfigRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  // The administrator or the МЦУ's leads (route and review cases) configure routing; checked in preHandler.
  const manage = { policy: 'authenticated' as const };
  const configurer = async (req: FastifyRequest) => {
    if (!canConfigureRouting(actorOf(req))) throw new AppError('forbidden', 'Недостаточно прав: настройку маршрутизации ведут администратор и руководители МЦУ');
  };

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

  r.get('/api/routing-rules', { config: manage, preHandler: configurer, schema: { tags: TAG, summary: 'Правила маршрутизации' } }, async (req) => ({
    items: await db.select().from(routingRules).where(eq(routingRules.tenantId, actorOf(req).tenantId)).orderBy(desc(routingRules.priority), asc(routingRules.updatedAt)),
  }));
  const rulesGuard = { tags: TAG, preHandler: configurer };
  ownedRuleRoutes(app, db, keywordRules, { ...rulesGuard, base: '/api/classify/rules', summaries: { create: 'Добавить ключевые слова тематики', update: 'Изменить ключевые слова', delete: 'Удалить ключевые слова' } });
  ownedRuleRoutes(app, db, routingRuleSpec, { ...rulesGuard, base: '/api/routing-rules', summaries: { create: 'Добавить правило маршрутизации', update: 'Изменить правило маршрутизации', delete: 'Удалить правило маршрутизации' } });
}
