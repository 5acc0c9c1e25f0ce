import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { topicBlocks, topics } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { TopicInput } from '../../../domain/directory/schemas';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/** Creates or updates a topic or a sub-topic of the rubricator (two levels). */
export async function saveTopic(tx: Tx, actor: Actor, input: TopicInput, id?: string) {
  await assertOwnedRef(tx, topicBlocks, input.blockId, actor.tenantId, 'blockId', 'Отраслевой блок');
  if (input.parentId) {
    const parent = await findOwned(tx, topics, input.parentId, actor.tenantId, 'Тематика верхнего уровня');
    if (parent.parentId) throw new AppError('validation', 'Тематика верхнего уровня: подтематика не может содержать подтематики', { parentId: 'Только два уровня' });
    if (id && parent.id === id) throw new AppError('validation', 'Тематика не может быть вложена в саму себя', { parentId: 'Цикл' });
  }
  const values = {
    code: input.code,
    name: input.name,
    parentId: input.parentId ?? null,
    blockId: input.blockId ?? null,
    priority: input.priority,
    sort: input.sort,
  };
  if (!id) {
    const [row] = await tx.insert(topics).values({ ...values, tenantId: actor.tenantId }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'topic', entityId: row.id, after: row });
    return row;
  }
  const before = await findOwned(tx, topics, id, actor.tenantId, 'Тематика');
  const [row] = await tx.update(topics).set({ ...values, updatedAt: new Date() }).where(eq(topics.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'topic', entityId: id, before, after: row });
  return row;
}
