import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleInput, userInput } from '../../../domain/users/schemas';
import { activeInput } from '../../../domain/directory/schemas';
import { PERMISSIONS } from '../../../domain/auth/permissions';
import { actorOf } from '../../http/auth-plugin';
import { users } from '../../db/schema';
import { setActive } from '../../db/set-active';
import { listRoles, listUsers } from './users.repo';
import { saveUser } from './save-user';
import { saveRole } from './save-role';

const TAG = ['Пользователи и роли'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });
const codeParam = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, { error: 'Неверный код роли' }) });

export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const manage = { policy: 'users.manage' as const };

  r.get('/api/users', { config: manage, schema: { tags: TAG, summary: 'Пользователи МЦУ' } }, async (req) => ({ items: await listUsers(db, actorOf(req).tenantId) }));
  r.post('/api/users', { config: manage, schema: { tags: TAG, summary: 'Добавить пользователя', body: userInput } }, async (req) =>
    db.transaction((tx) => saveUser(tx, actorOf(req), req.body)),
  );
  r.put('/api/users/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить пользователя и его роли', params: idParam, body: userInput } }, async (req) =>
    db.transaction((tx) => saveUser(tx, actorOf(req), req.body, req.params.id)),
  );
  r.patch('/api/users/:id/active', { config: manage, schema: { tags: TAG, summary: 'Заблокировать или разблокировать пользователя', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setActive(tx, actorOf(req), users, 'user', 'Пользователь', req.params.id, req.body.isActive)),
  );

  r.get('/api/roles', { config: { policy: 'directory.read' }, schema: { tags: TAG, summary: 'Роли и их права' } }, async () => ({ items: await listRoles(db), permissions: PERMISSIONS }));
  r.post('/api/roles', { config: manage, schema: { tags: TAG, summary: 'Добавить роль', body: roleInput } }, async (req) => db.transaction((tx) => saveRole(tx, actorOf(req), req.body)));
  r.put('/api/roles/:code', { config: manage, schema: { tags: TAG, summary: 'Изменить роль', params: codeParam, body: roleInput } }, async (req) =>
    db.transaction((tx) => saveRole(tx, actorOf(req), req.body, req.params.code)),
  );
}
