import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq, or } from 'drizzle-orm';
import { localityInput, settlementInput } from '../../../domain/territory/schemas';
import { activeInput } from '../../../domain/directory/schemas';
import { actorOf } from '../../http/auth-plugin';
import { localities, settlements, tenants } from '../../db/schema';
import { setActive } from '../../db/set-active';
import { AppError } from '../../errors';
import { getTenant, listLocalities, listSettlements } from './territory.repo';
import { saveSettlement } from './save-settlement';
import { saveLocality } from './save-locality';
import { importGazetteer } from './import-gazetteer';

const TAG = ['Территория'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });

export async function territoryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const read = { policy: 'directory.read' as const };
  const manage = { policy: 'directory.manage' as const };

  r.get('/api/tenants', { config: read, schema: { tags: TAG, summary: 'Свой МЦУ или ЦУР и подчинённые муниципалитеты' } }, async (req) => {
    const actor = actorOf(req);
    const rows = await db
      .select({ id: tenants.id, code: tenants.code, kind: tenants.kind, name: tenants.name, oktmo: tenants.oktmo, population: tenants.population, timeZone: tenants.timeZone, parentId: tenants.parentId })
      .from(tenants)
      .where(or(eq(tenants.id, actor.tenantId), eq(tenants.parentId, actor.tenantId)));
    return { items: rows };
  });

  r.get('/api/territory', { config: read, schema: { tags: TAG, summary: 'Поселения и населённые пункты' } }, async (req) => {
    const actor = actorOf(req);
    const tenant = await getTenant(db, actor.tenantId);
    const [s, l] = await Promise.all([listSettlements(db, actor.tenantId), listLocalities(db, actor.tenantId)]);
    return {
      tenant: { id: tenant.id, name: tenant.name, oktmo: tenant.oktmo, population: tenant.population, timeZone: tenant.timeZone },
      settlements: s.map(({ boundary, ...rest }) => ({ ...rest, hasBoundary: boundary != null })),
      localities: l,
    };
  });

  r.get('/api/territory/geo', { config: read, schema: { tags: TAG, summary: 'Границы района и поселений (GeoJSON)' } }, async (req) => {
    const actor = actorOf(req);
    const tenant = await getTenant(db, actor.tenantId);
    const s = await listSettlements(db, actor.tenantId);
    const features = [
      ...(tenant.boundary ? [{ type: 'Feature', properties: { kind: 'district', name: tenant.name }, geometry: tenant.boundary }] : []),
      ...s.filter((x) => x.boundary).map((x) => ({ type: 'Feature', properties: { kind: 'settlement', code: x.code, name: x.name }, geometry: x.boundary })),
    ];
    return { type: 'FeatureCollection', features };
  });

  r.post('/api/settlements', { config: manage, schema: { tags: TAG, summary: 'Добавить поселение', body: settlementInput } }, async (req) =>
    db.transaction((tx) => saveSettlement(tx, actorOf(req), req.body)),
  );
  r.put('/api/settlements/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить поселение', params: idParam, body: settlementInput } }, async (req) =>
    db.transaction((tx) => saveSettlement(tx, actorOf(req), req.body, req.params.id)),
  );
  r.patch('/api/settlements/:id/active', { config: manage, schema: { tags: TAG, summary: 'Отключить или включить поселение', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setActive(tx, actorOf(req), settlements, 'settlement', 'Поселение', req.params.id, req.body.isActive)),
  );

  r.post('/api/localities', { config: manage, schema: { tags: TAG, summary: 'Добавить населённый пункт', body: localityInput } }, async (req) =>
    db.transaction((tx) => saveLocality(tx, actorOf(req), req.body)),
  );
  r.put('/api/localities/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить населённый пункт', params: idParam, body: localityInput } }, async (req) =>
    db.transaction((tx) => saveLocality(tx, actorOf(req), req.body, req.params.id)),
  );
  r.patch('/api/localities/:id/active', { config: manage, schema: { tags: TAG, summary: 'Отключить или включить населённый пункт', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setActive(tx, actorOf(req), localities, 'locality', 'Населённый пункт', req.params.id, req.body.isActive)),
  );

  r.post('/api/territory/import', { config: manage, schema: { tags: TAG, summary: 'Загрузить справочник населённых пунктов (CSV или GeoJSON)', consumes: ['multipart/form-data'] } }, async (req) => {
    const file = await req.file();
    if (!file) throw new AppError('validation', 'Файл: выберите файл для загрузки', { file: 'Выберите файл' });
    const data = await file.toBuffer();
    if (data.length === 0) throw new AppError('validation', 'Файл пуст', { file: 'Файл пуст' });
    return db.transaction((tx) => importGazetteer(tx, actorOf(req), { name: file.filename, data }));
  });
}

