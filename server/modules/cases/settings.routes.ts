import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { channels, deadlineRules, topics } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import { recordAudit } from '../audit/record-audit';
import { code, requiredText } from '../../../domain/validation/fields';
import { REGIMES } from '../../../domain/cases/status';

const TAG = ['Настройки сроков и каналов'];
const UNITS = ['calendar_days', 'working_days', 'working_hours'] as const;
const KINDS = ['registration', 'forwarding', 'interim_answer', 'answer', 'fast_track'] as const;
const ruleInput = z.object({
  regime: z.enum(REGIMES, { error: 'Режим: выберите из списка' }),
  channel: z.string().max(64).nullable().optional(),
  topicId: z.uuid({ error: 'Тематика: выберите из списка' }).nullable().optional(),
  kind: z.enum(KINDS, { error: 'Вид срока: выберите из списка' }),
  unit: z.enum(UNITS, { error: 'Единица: выберите из списка' }),
  amount: z.number({ error: 'Величина: число' }).positive({ error: 'Величина: больше нуля' }).max(365, { error: 'Величина: не более 365' }),
  shiftToWorkingDay: z.boolean().default(false),
  atRiskUnit: z.enum(UNITS, { error: 'Единица «под угрозой»: выберите из списка' }),
  atRiskAmount: z.number({ error: '«Под угрозой» за: число' }).min(0).max(365),
  isActive: z.boolean().default(true),
});
const channelInput = z.object({ code: code('Код канала'), name: requiredText('Наименование канала'), defaultRegime: z.enum(REGIMES, { error: 'Режим по умолчанию: выберите из списка' }), isActive: z.boolean().default(true) });

/** Deadline rules and channels are data that the МЦУ administrator edits (R-IN-2, R-RT-2). */
export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const manage = { policy: 'settings.manage' as const };
  r.get('/api/deadline-rules', { config: { policy: 'directory.read' }, schema: { tags: TAG, summary: 'Правила сроков' } }, async (req) => ({
    items: await db.select().from(deadlineRules).where(eq(deadlineRules.tenantId, actorOf(req).tenantId)).orderBy(asc(deadlineRules.regime), asc(deadlineRules.kind)),
  }));
  r.post('/api/deadline-rules', { config: manage, schema: { tags: TAG, summary: 'Добавить правило срока', body: ruleInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      await assertOwnedRef(tx, topics, req.body.topicId, a.tenantId, 'topicId', 'Тематика');
      const [row] = await tx.insert(deadlineRules).values({ ...req.body, channel: req.body.channel ?? null, topicId: req.body.topicId ?? null, tenantId: a.tenantId }).returning();
      await recordAudit(tx, a, { action: 'create', entity: 'deadline_rule', entityId: row.id, after: row });
      return row;
    }),
  );
  r.put('/api/deadline-rules/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить правило срока (действует для новых обращений)', params: z.object({ id: z.uuid() }), body: ruleInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await findOwned(tx, deadlineRules, req.params.id, a.tenantId, 'Правило срока');
      await assertOwnedRef(tx, topics, req.body.topicId, a.tenantId, 'topicId', 'Тематика');
      const [row] = await tx.update(deadlineRules).set({ ...req.body, channel: req.body.channel ?? null, topicId: req.body.topicId ?? null, updatedAt: new Date() }).where(eq(deadlineRules.id, req.params.id)).returning();
      await recordAudit(tx, a, { action: 'update', entity: 'deadline_rule', entityId: row.id, before, after: row });
      return row;
    }),
  );
  r.post('/api/channels', { config: manage, schema: { tags: TAG, summary: 'Добавить канал поступления', body: channelInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const [row] = await tx.insert(channels).values({ ...req.body, tenantId: a.tenantId }).returning();
      await recordAudit(tx, a, { action: 'create', entity: 'channel', entityId: row.id, after: row });
      return row;
    }),
  );
  r.put('/api/channels/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить канал', params: z.object({ id: z.uuid() }), body: channelInput } }, async (req) =>
    db.transaction(async (tx) => {
      const a = actorOf(req);
      const before = await findOwned(tx, channels, req.params.id, a.tenantId, 'Канал');
      const [row] = await tx.update(channels).set(req.body).where(and(eq(channels.id, req.params.id))).returning();
      await recordAudit(tx, a, { action: 'update', entity: 'channel', entityId: row.id, before, after: row });
      return row;
    }),
  );
}
