import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { recipients, recipientTopics, settlements, topics } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { RecipientInput } from '../../../domain/directory/schemas';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/** Creates or updates an ответственный получатель with its competence (topics). */
export async function saveRecipient(tx: Tx, actor: Actor, input: RecipientInput, id?: string) {
  await assertOwnedRef(tx, recipients, input.parentId, actor.tenantId, 'parentId', 'Вышестоящая организация');
  await assertOwnedRef(tx, settlements, input.settlementId, actor.tenantId, 'settlementId', 'Поселение');
  if (id && input.parentId) await assertNoCycle(tx, id, input.parentId);
  const topicIds = [...new Set(input.topicIds)];
  if (topicIds.length) {
    const found = await tx.select({ id: topics.id }).from(topics).where(and(inArray(topics.id, topicIds), eq(topics.tenantId, actor.tenantId)));
    if (found.length !== topicIds.length) throw new AppError('validation', 'Тематики: выберите значения из списка', { topicIds: 'Неизвестная тематика' });
  }
  const values = {
    code: input.code,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    parentId: input.parentId ?? null,
    settlementId: input.settlementId ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    note: input.note ?? null,
  };
  let before: unknown = null;
  let row: typeof recipients.$inferSelect;
  if (!id) {
    [row] = await tx.insert(recipients).values({ ...values, tenantId: actor.tenantId }).returning();
  } else {
    before = await findOwned(tx, recipients, id, actor.tenantId, 'Получатель');
    [row] = await tx.update(recipients).set({ ...values, updatedAt: new Date() }).where(eq(recipients.id, id)).returning();
    await tx.delete(recipientTopics).where(eq(recipientTopics.recipientId, id));
  }
  if (topicIds.length) await tx.insert(recipientTopics).values(topicIds.map((topicId) => ({ recipientId: row.id, topicId })));
  await recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'recipient', entityId: row.id, before, after: { ...row, topicIds } });
  return { ...row, topicIds };
}

/** A recipient cannot be placed under itself or under one of its own subordinates. */
async function assertNoCycle(tx: Tx, id: string, parentId: string) {
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === id) throw new AppError('validation', 'Вышестоящая организация: нельзя подчинить получателя самому себе или своему подразделению', { parentId: 'Цикл в иерархии' });
    const [p] = await tx.select({ parentId: recipients.parentId }).from(recipients).where(eq(recipients.id, cursor));
    cursor = p?.parentId ?? null;
  }
}
