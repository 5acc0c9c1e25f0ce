import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activeInput } from '../../../domain/directory/schemas';
import {
  analyticsFilters, dismissSignalInput, heatmapQuery, indicatorInput, mapQuery, periodQuery, ratingQuery, restoreSignalInput, signalsQuery,
} from '../../../domain/analytics/schemas';
import { INDICATOR_MEASURES, MEASURE_UNITS } from '../../../domain/analytics/measures';
import { actorOf } from '../../http/auth-plugin';
import { AppError } from '../../errors';
import { municipalHeatmap } from './heatmap';
import { municipalMap } from './map';
import { weeklySignals } from './signals';
import { dismissSignal, restoreSignal } from './dismiss-signal';
import { municipalDashboard } from './dashboard';
import { recipientRating } from './rating';
import { municipalIndicators } from './indicator-values';
import { listDefinitions, presentDefinition } from './indicator-definitions';
import { saveCuratorIndicator } from './save-indicator';
import { setIndicatorActive } from './set-indicator-active';
import { regionAnalyticsRoutes } from './region.routes';

const TAG = ['Аналитика'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });

/** The municipality's «Тепловая карта», «Обзор МЦУ», «Рейтинг» and «Показатели»; the ЦУР's in region.routes.ts. */
export async function analyticsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const read = { policy: 'analytics.read' as const };
  const manage = { policy: 'reports.manage' as const };

  r.get('/api/analytics/heatmap', { config: read, schema: { tags: TAG, summary: 'Тепловая карта: тематики × территории за период', querystring: heatmapQuery } }, async (req) =>
    municipalHeatmap(db, actorOf(req), req.query, clock()),
  );
  r.get('/api/analytics/map', { config: read, schema: { tags: TAG, summary: 'Карта: значения по поселениям, населённые пункты, сетка точек', querystring: mapQuery } }, async (req) =>
    municipalMap(db, actorOf(req), req.query, clock()),
  );
  r.get('/api/analytics/signals', { config: read, schema: { tags: TAG, summary: 'Сигналы роста за неделю', querystring: signalsQuery } }, async (req) =>
    weeklySignals(db, actorOf(req), req.query, clock()),
  );
  r.post('/api/analytics/signals/dismiss', { config: { policy: 'problems.manage' }, schema: { tags: TAG, summary: 'Отложить сигнал роста (с причиной)', body: dismissSignalInput } }, async (req) =>
    db.transaction((tx) => dismissSignal(tx, actorOf(req), req.body, clock())),
  );
  r.post('/api/analytics/signals/restore', { config: { policy: 'problems.manage' }, schema: { tags: TAG, summary: 'Вернуть отложенный сигнал', body: restoreSignalInput } }, async (req) =>
    db.transaction((tx) => restoreSignal(tx, actorOf(req), req.body.signalKey)),
  );
  r.get('/api/analytics/dashboard', { config: read, schema: { tags: TAG, summary: 'Обзор МЦУ: поступление, сроки, качество, удовлетворённость', querystring: analyticsFilters } }, async (req) =>
    municipalDashboard(db, actorOf(req), req.query, clock()),
  );
  r.get('/api/analytics/rating', { config: read, schema: { tags: TAG, summary: 'Рейтинг ответственных получателей', querystring: ratingQuery } }, async (req) =>
    recipientRating(db, actorOf(req), req.query, clock()),
  );
  r.get('/api/analytics/indicators', { config: read, schema: { tags: TAG, summary: 'Показатели эффективности за период', querystring: periodQuery } }, async (req) =>
    municipalIndicators(db, actorOf(req), req.query.period, clock()),
  );
  r.get('/api/analytics/indicators/definitions', { config: read, schema: { tags: TAG, summary: 'Показатели: определения' } }, async (req) => {
    const actor = actorOf(req);
    if (actor.tenantKind !== 'municipality') throw new AppError('forbidden', 'Показатели муниципалитета: для ЦУР откройте раздел «Регион»');
    const items = await listDefinitions(db, [actor.tenantId]);
    return { items: items.map(presentDefinition), measures: INDICATOR_MEASURES.map((m) => ({ code: m, unit: MEASURE_UNITS[m] })) };
  });
  r.post('/api/analytics/indicators/definitions', { config: manage, schema: { tags: TAG, summary: 'Добавить показатель муниципалитета', body: indicatorInput } }, async (req) =>
    db.transaction((tx) => saveCuratorIndicator(tx, actorOf(req), req.body, clock())),
  );
  r.put('/api/analytics/indicators/definitions/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить показатель муниципалитета', params: idParam, body: indicatorInput } }, async (req) =>
    db.transaction((tx) => saveCuratorIndicator(tx, actorOf(req), req.body, clock(), req.params.id)),
  );
  r.patch('/api/analytics/indicators/definitions/:id/active', { config: manage, schema: { tags: TAG, summary: 'Отключить или включить показатель муниципалитета', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setIndicatorActive(tx, actorOf(req), req.params.id, req.body.isActive, 'curator', clock())),
  );

  await app.register(regionAnalyticsRoutes);
}
