import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq, or } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { savedViews } from '../../db/schema';
import { AppError } from '../../errors';
import { requiredText } from '../../../domain/validation/fields';

const TAG = ['Реестр'];
const viewInput = z.object({
  name: requiredText('Название вида', 100),
  query: z.string({ error: 'Фильтры: обязательное поле' }).max(2000, { error: 'Фильтры: слишком длинные' }),
  shared: z.boolean({ error: 'Общий вид: да или нет' }).default(false),
});

/** Saved register views: a name and the URL filters, personal or shared with the МЦУ. */
export async function savedViewsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  r.get('/api/views', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Сохранённые виды реестра' } }, async (req) => {
    const a = actorOf(req);
    return { items: await db.select().from(savedViews).where(and(eq(savedViews.tenantId, a.tenantId), or(eq(savedViews.userId, a.userId!), eq(savedViews.shared, true)))).orderBy(asc(savedViews.name)) };
  });
  r.post('/api/views', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Сохранить вид реестра', body: viewInput } }, async (req) => {
    const a = actorOf(req);
    const [row] = await db.insert(savedViews).values({ tenantId: a.tenantId, userId: a.userId!, name: req.body.name, query: req.body.query.replace(/^\?/, ''), shared: req.body.shared }).returning();
    return row;
  });
  r.delete('/api/views/:id', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Удалить сохранённый вид', params: z.object({ id: z.uuid() }) } }, async (req) => {
    const a = actorOf(req);
    const res = await db.delete(savedViews).where(and(eq(savedViews.id, req.params.id), eq(savedViews.userId, a.userId!))).returning({ id: savedViews.id });
    if (!res.length) throw new AppError('not_found', 'Вид не найден или принадлежит другому пользователю');
    return { ok: true };
  });
}
