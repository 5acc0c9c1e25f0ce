import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { topicBlocks } from '../../db/schema';
import { findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { TopicBlockInput } from '../../../domain/directory/schemas';
import { recordAudit } from '../audit/record-audit';

/** Creates or updates an отраслевой блок (п. 1.3 of the decree: the municipality adds its own). */
export async function saveTopicBlock(tx: Tx, actor: Actor, input: TopicBlockInput, id?: string) {
  if (!id) {
    const [row] = await tx.insert(topicBlocks).values({ ...input, tenantId: actor.tenantId }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'topic_block', entityId: row.id, after: row });
    return row;
  }
  const before = await findOwned(tx, topicBlocks, id, actor.tenantId, 'Отраслевой блок');
  const [row] = await tx.update(topicBlocks).set({ ...input, updatedAt: new Date() }).where(eq(topicBlocks.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'topic_block', entityId: id, before, after: row });
  return row;
}
