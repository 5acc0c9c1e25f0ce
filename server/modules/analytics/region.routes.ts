import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activeInput } from '../../../domain/directory/schemas';
import { indicatorInput, periodQuery, regionFilters, regionHeatmapQuery, regionIndicatorInput } from '../../../domain/analytics/schemas';
import { actorOf } from '../../http/auth-plugin';
import { municipalityRating, regionDashboard, regionHeatmap, regionIndicators } from './region';
import { regionView } from './scope';
import { listDefinitions, presentDefinition } from './indicator-definitions';
import { createRegionIndicator, updateRegionIndicator } from './save-region-indicator';
import { setIndicatorActive } from './set-indicator-active';
import { regionGeoJson } from './region-geo';

const TAG = ['Регион (ЦУР)'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });

/** The ЦУР's consolidated analytics over its municipalities: aggregates only (R-RA-3). */
export async function regionAnalyticsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const read = { policy: 'region.read' as const };
  const manage = { policy: 'region.manage' as const };

  r.get('/api/analytics/region/heatmap', { config: read, schema: { tags: TAG, summary: 'Тепловая карта региона: тематики × муниципалитеты', querystring: regionHeatmapQuery } }, async (req) =>
    regionHeatmap(db, actorOf(req), req.query, clock()),
  );
  r.get('/api/analytics/region/geo', { config: read, schema: { tags: TAG, summary: 'Карта региона: границы муниципальных образований (GeoJSON)' } }, async (req) =>
    regionGeoJson(db, actorOf(req)),
  );
  r.get('/api/analytics/region/dashboard', { config: read, schema: { tags: TAG, summary: 'Сводка региона и показатели по муниципалитетам', querystring: regionFilters } }, async (req) =>
    regionDashboard(db, actorOf(req), req.query, clock()),
  );
  r.get('/api/analytics/region/rating', { config: read, schema: { tags: TAG, summary: 'Рейтинг муниципалитетов региона', querystring: regionFilters } }, async (req) =>
    municipalityRating(db, actorOf(req), req.query, clock()),
  );
  r.get('/api/analytics/region/indicators', { config: read, schema: { tags: TAG, summary: 'Показатели муниципалитетов за период', querystring: periodQuery } }, async (req) =>
    regionIndicators(db, actorOf(req), req.query.period, clock()),
  );
  r.get('/api/analytics/region/indicators/definitions', { config: read, schema: { tags: TAG, summary: 'Показатели муниципалитетов региона: определения' } }, async (req) => {
    const v = await regionView(db, actorOf(req));
    const items = await listDefinitions(db, v.municipalities.map((m) => m.id));
    return { items: items.map(presentDefinition) };
  });
  r.post('/api/analytics/region/indicators/definitions', { config: manage, schema: { tags: TAG, summary: 'Установить показатель муниципалитетам региона', body: regionIndicatorInput } }, async (req) =>
    db.transaction((tx) => createRegionIndicator(tx, actorOf(req), req.body)),
  );
  r.put('/api/analytics/region/indicators/definitions/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить показатель, установленный ЦУР', params: idParam, body: indicatorInput } }, async (req) =>
    db.transaction((tx) => updateRegionIndicator(tx, actorOf(req), req.params.id, req.body, clock())),
  );
  r.patch('/api/analytics/region/indicators/definitions/:id/active', { config: manage, schema: { tags: TAG, summary: 'Отключить или включить показатель, установленный ЦУР', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setIndicatorActive(tx, actorOf(req), req.params.id, req.body.isActive, 'region', clock())),
  );
}
