import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { auditEvents, users } from '../../db/schema';

const query = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  r.get('/api/audit', { config: { policy: 'audit.read' }, schema: { tags: ['Журнал'], summary: 'Журнал изменений (кто, что, когда)', querystring: query } }, async (req) => {
    const q = req.query;
    const where: SQL[] = [eq(auditEvents.tenantId, actorOf(req).tenantId)];
    if (q.entity) where.push(eq(auditEvents.entity, q.entity));
    if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
    if (q.before) where.push(lt(auditEvents.id, q.before));
    const items = await db
      .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, entity: auditEvents.entity, entityId: auditEvents.entityId, before: auditEvents.before, after: auditEvents.after, actor: users.fullName })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(q.limit);
    return { items };
  });
}
