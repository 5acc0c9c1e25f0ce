import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import { caseAnswers, caseTokens, cases, tenants } from '../../db/schema';
import { rateInput } from '../../../domain/cases/schemas';
import { AppError } from '../../errors';
import { applicantActor } from '../../http/actor';
import { tokenId } from '../auth/session-token';
import { rateAnswer } from '../cases/actions/rate-answer';
import { findMyCaseInput } from '../../../domain/cases/find-my-case';
import { publicTenant } from '../intake/public/public-tenant';
import { findMyCase } from './find-my-case';
import { underTenant } from '../../http/tenant-scope';

const TAG = ['Для жителей'];
/** «Найти моё обращение»: few tries per address, so neither numbers nor contacts can be guessed. */
export const FIND_RATE = { max: 5, timeWindow: '10 minutes' } as const;
const tokenParam = z.object({ token: z.string().min(20).max(100) });

/** What the applicant sees through their secret link: status, answer, and the rating form. */
export async function publicCaseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;
  const { db } = database;
  /** The case of a secret link: its tenant is found as the owner, the case is read under it. */
  const find = async (token: string) => {
    const [t] = await db.select({ caseId: caseTokens.caseId, tenantId: cases.tenantId }).from(caseTokens).innerJoin(cases, eq(cases.id, caseTokens.caseId)).where(eq(caseTokens.tokenHash, tokenId(token)));
    if (!t) throw new AppError('not_found', 'Ссылка недействительна');
    return t;
  };
  const caseOf = async (caseId: string) => (await db.select().from(cases).where(eq(cases.id, caseId)))[0];
  r.get('/api/public/cases/:token', { config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: TAG, summary: 'Статус и ответ по секретной ссылке', params: tokenParam } }, async (req) => {
    const link = await find(req.params.token);
    return underTenant(database, link.tenantId, async () => {
      const c = await caseOf(link.caseId);
      const [answer] = await db.select({ text: caseAnswers.text, at: caseAnswers.reviewedAt }).from(caseAnswers).where(and(eq(caseAnswers.caseId, c.id), eq(caseAnswers.state, 'approved'))).orderBy(desc(caseAnswers.createdAt)).limit(1);
      const [t] = await db.select({ name: tenants.name, timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, c.tenantId));
      return { tenant: t, number: c.number, status: c.status, receivedAt: c.receivedAt, answerDue: c.answerDue, answer: answer ?? null, rating: c.rating, canRate: ['answered', 'closed'].includes(c.status) && c.rating == null };
    });
  });
  r.post('/api/public/cases/find', { config: { policy: 'public', rateLimit: FIND_RATE }, schema: { tags: TAG, summary: 'Найти моё обращение: номер и телефон или e-mail, указанные при обращении; ответ — новая секретная ссылка', body: findMyCaseInput } }, async (req) => {
    const tenant = await publicTenant(db, req.body.tenant);
    return underTenant(database, tenant.id, () => db.transaction((tx) => findMyCase(tx, tenant.id, req.body)));
  });
  r.post('/api/public/cases/:token/rate', { config: { policy: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: TAG, summary: 'Оценить ответ (1–5)', params: tokenParam, body: rateInput } }, async (req) => {
    const link = await find(req.params.token);
    return underTenant(database, link.tenantId, async () => {
      const c = await caseOf(link.caseId);
      if (c.rating != null) throw new AppError('conflict', 'Ответ уже оценён. Если проблема не решена, сообщите об этом через форму обращения.');
      const actor = applicantActor(c.tenantId, req.id);
      const row = await db.transaction((tx) => rateAnswer(tx, actor, c.id, req.body.rating, req.body.comment, app.deps.clock(), 'link'));
      return { status: row.status, rating: row.rating };
    });
  });
}
