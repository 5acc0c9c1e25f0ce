import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { pdDestructionActs } from '../../db/schema';
import { notFound } from '../../errors';
import { retentionPolicyInput } from '../../../domain/retention/rules';
import { attachment } from '../exports/exports.routes';
import { readRetentionPolicy, saveRetentionPolicy } from './retention-policy';
import { destroyExpiredPd, listActs } from './destroy-expired-pd';
import { asOwner } from '../../db/request-scope';

const TAG = ['Хранение персональных данных'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор акта' }) });

/** Retention rules per class of personal data, the destruction acts and their files (приказ № 179). */
export async function retentionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  r.get('/api/pd-retention/policy', { config: { policy: 'settings.manage' }, schema: { tags: TAG, summary: 'Сроки хранения персональных данных по категориям' } }, async (req) =>
    readRetentionPolicy(db, actorOf(req).tenantId),
  );
  r.put('/api/pd-retention/policy', { config: { policy: 'settings.manage' }, schema: { tags: TAG, summary: 'Изменить сроки хранения и ответственных за уничтожение', body: retentionPolicyInput } }, async (req) =>
    db.transaction((tx) => saveRetentionPolicy(tx, actorOf(req), req.body, clock())),
  );
  r.post('/api/pd-retention/run', { config: { policy: 'settings.manage' }, schema: { tags: TAG, summary: 'Уничтожить персональные данные с истёкшим сроком сейчас (обычно — ежесуточная задача)', body: z.strictObject({}).nullish() } }, async (req) =>
    // The journals' retention exceptions are the owner's (mcu_app may only append to them); the
    // run is limited to the actor's municipality by its own filters, as the nightly job is.
    asOwner(() => destroyExpiredPd(database, actorOf(req).tenantId, clock())),
  );
  r.get('/api/pd-retention/acts', { config: { policy: 'audit.read' }, schema: { tags: TAG, summary: 'Акты об уничтожении персональных данных' } }, async (req) => ({
    items: await listActs(database, actorOf(req).tenantId),
  }));
  const file = (kind: 'act' | 'log') => async (req: { params: { id: string } } & Parameters<typeof actorOf>[0], reply: Parameters<typeof attachment>[0]) => {
    const [act] = await db.select().from(pdDestructionActs).where(and(eq(pdDestructionActs.id, req.params.id), eq(pdDestructionActs.tenantId, actorOf(req).tenantId)));
    if (!act) throw notFound('Акт');
    if (kind === 'act') attachment(reply, `Акт об уничтожении ПД № ${act.number}.docx`, DOCX);
    else attachment(reply, `Выгрузка журнала к акту № ${act.number}.xlsx`, XLSX);
    return reply.send(kind === 'act' ? act.actDocx : act.logXlsx);
  };
  r.get('/api/pd-retention/acts/:id/act.docx', { config: { policy: 'audit.read' }, schema: { tags: TAG, summary: 'Скачать акт (DOCX)', params: idParam } }, file('act'));
  r.get('/api/pd-retention/acts/:id/log.xlsx', { config: { policy: 'audit.read' }, schema: { tags: TAG, summary: 'Скачать выгрузку из журнала к акту (XLSX)', params: idParam } }, file('log'));
}
