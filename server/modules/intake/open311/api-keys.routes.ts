import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../http/auth-plugin';
import { activeInput } from '../../../../domain/directory/schemas';
import { requiredText } from '../../../../domain/validation/fields';
import { createApiKey, listApiKeys, setApiKeyActive } from './api-keys';

const TAG = ['Ключи API'];

/** Keys of external systems (Open311 clients), managed by administrators. */
export async function apiKeysRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const config = { policy: 'settings.manage' as const };
  r.get('/api/api-keys', { config, schema: { tags: TAG, summary: 'Ключи внешних систем (Open311)' } }, async (req) => ({ items: await listApiKeys(db, actorOf(req).tenantId) }));
  r.post('/api/api-keys', { config, schema: { tags: TAG, summary: 'Выдать ключ внешней системе (ключ показывается один раз)', body: z.object({ name: requiredText('Название системы', 200) }) } }, async (req) =>
    db.transaction((tx) => createApiKey(tx, actorOf(req), req.body.name)),
  );
  r.patch('/api/api-keys/:id/active', { config, schema: { tags: TAG, summary: 'Отключить или включить ключ', params: z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) }), body: activeInput } }, async (req) =>
    db.transaction((tx) => setApiKeyActive(tx, actorOf(req), req.params.id, req.body.isActive)),
  );
}
