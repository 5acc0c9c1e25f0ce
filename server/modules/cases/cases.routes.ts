import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { registerCaseInput } from '../../../domain/cases/schemas';
import { registerQuery } from '../../../domain/cases/register-query';
import { actorOf } from '../../http/auth-plugin';
import { channels, users } from '../../db/schema';
import { getTenant } from '../territory/territory.repo';
import { countCases, listCases } from './list-cases';
import { getCaseCard } from './get-case-card';
import { readApplicant } from './read-applicant';
import { registerCase } from './actions/register-case';

const TAG = ['Реестр'];
export const caseIdParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор обращения' }) });

export async function casesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const readable = { policy: 'authenticated' as const };

  r.get('/api/cases', { config: readable, schema: { tags: TAG, summary: 'Реестр: страница обращений по фильтрам', querystring: registerQuery } }, async (req) => {
    const actor = actorOf(req);
    const tenant = await getTenant(db, actor.tenantId);
    return listCases(database, actor, req.query, clock(), tenant.timeZone);
  });
  r.get('/api/cases/count', { config: readable, schema: { tags: TAG, summary: 'Число обращений по фильтрам (до 10 000)', querystring: registerQuery } }, async (req) => {
    const actor = actorOf(req);
    const tenant = await getTenant(db, actor.tenantId);
    return countCases(database, actor, req.query, clock(), tenant.timeZone);
  });
  r.get('/api/inbox', { config: readable, schema: { tags: TAG, summary: 'Мои поручения: по сроку', querystring: z.object({ scope: z.enum(['me', 'unit']).default('me') }) } }, async (req) => {
    const actor = actorOf(req);
    const tenant = await getTenant(db, actor.tenantId);
    const open = ['assigned', 'in_work', 'interim_answered', 'answer_prepared', 'returned', 'reopened'] as const;
    const base = registerQuery.parse({ status: [...open], sort: 'due_asc', limit: 200 });
    const q = req.query.scope === 'me' ? { ...base, executorId: 'me' as const } : base;
    return listCases(database, actor, q, clock(), tenant.timeZone);
  });
  r.post('/api/cases', { config: { policy: 'cases.register' }, schema: { tags: TAG, summary: 'Зарегистрировать обращение (приём, письмо, телефон)', body: registerCaseInput } }, async (req) =>
    db.transaction((tx) => registerCase(tx, actorOf(req), req.body, clock())),
  );
  r.get('/api/cases/:id', { config: readable, schema: { tags: TAG, summary: 'Карточка обращения', params: caseIdParam } }, async (req) => getCaseCard(db, actorOf(req), req.params.id, clock()));
  r.get(
    '/api/cases/:id/applicant',
    { config: { policy: 'pd.read' }, schema: { tags: TAG, summary: 'Персональные данные заявителя (чтение записывается в журнал)', params: caseIdParam, querystring: z.object({ purpose: z.string().max(200).default('рассмотрение обращения') }) } },
    async (req) => db.transaction((tx) => readApplicant(tx, actorOf(req), req.params.id, req.query.purpose)),
  );
  r.get(
    '/api/recipients/:id/executors',
    { config: { policy: 'cases.route' }, schema: { tags: TAG, summary: 'Исполнители получателя (для назначения)', params: caseIdParam } },
    async (req) => {
      const a = actorOf(req);
      if (a.recipientIds.length && !a.recipientIds.includes(req.params.id)) return { items: [] };
      const items = await db.select({ id: users.id, fullName: users.fullName, position: users.position }).from(users).where(and(eq(users.tenantId, a.tenantId), eq(users.recipientId, req.params.id), eq(users.isActive, true))).orderBy(asc(users.fullName));
      return { items };
    },
  );
  r.get('/api/channels', { config: { policy: 'directory.read' }, schema: { tags: TAG, summary: 'Каналы поступления' } }, async (req) => ({
    items: await db.select().from(channels).where(and(eq(channels.tenantId, actorOf(req).tenantId))).orderBy(asc(channels.name)),
  }));
}
