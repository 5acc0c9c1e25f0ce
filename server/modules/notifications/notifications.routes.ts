import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { notifications } from '../../db/schema';

const TAG = ['Уведомления'];

export async function notificationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  r.get('/api/notifications', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Мои уведомления', querystring: z.object({ unread: z.enum(['1', '0']).optional() }) } }, async (req) => {
    const actor = actorOf(req);
    const where = and(eq(notifications.userId, actor.userId!), req.query.unread === '1' ? isNull(notifications.readAt) : undefined);
    const items = await db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(100);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, actor.userId!), isNull(notifications.readAt)));
    return { items, unread: Number(n) };
  });
  r.post('/api/notifications/read-all', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Отметить все прочитанными', body: z.strictObject({}).nullish() } }, async (req) => {
    await db.update(notifications).set({ readAt: app.deps.clock() }).where(and(eq(notifications.userId, actorOf(req).userId!), isNull(notifications.readAt)));
    return { ok: true };
  });
  r.post(
    '/api/notifications/read',
    { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Отметить прочитанными', body: z.object({ ids: z.array(z.uuid({ error: 'Уведомления: неверная ссылка' }), { error: 'Уведомления: ожидается список' }).max(500) }) } },
    async (req) => {
      const actor = actorOf(req);
      if (req.body.ids.length) await db.update(notifications).set({ readAt: app.deps.clock() }).where(and(eq(notifications.userId, actor.userId!), inArray(notifications.id, req.body.ids)));
      return { ok: true };
    },
  );
}
