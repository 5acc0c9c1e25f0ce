import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recipients, recipientTopics, topicBlocks, topics } from '../../db/schema';

export async function listRecipients(db: Db, tenantId: string) {
  const rows = await db.select().from(recipients).where(eq(recipients.tenantId, tenantId)).orderBy(asc(recipients.name));
  const ids = rows.map((r) => r.id);
  const links = ids.length ? await db.select().from(recipientTopics).where(inArray(recipientTopics.recipientId, ids)) : [];
  const byRecipient = new Map<string, string[]>();
  for (const l of links) byRecipient.set(l.recipientId, [...(byRecipient.get(l.recipientId) ?? []), l.topicId]);
  return rows.map((r) => ({ ...r, topicIds: byRecipient.get(r.id) ?? [] }));
}

export async function listTopics(db: Db, tenantId: string) {
  return db.select().from(topics).where(eq(topics.tenantId, tenantId)).orderBy(asc(topics.sort), asc(topics.name));
}

export async function listBlocks(db: Db, tenantId: string) {
  return db.select().from(topicBlocks).where(eq(topicBlocks.tenantId, tenantId)).orderBy(asc(topicBlocks.name));
}
