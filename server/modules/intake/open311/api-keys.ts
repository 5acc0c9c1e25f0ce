import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../db/tx';
import { apiKeys } from '../../../db/schema';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record-audit';

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

const view = (k: typeof apiKeys.$inferSelect) => ({ id: k.id, name: k.name, prefix: k.prefix, isActive: k.isActive, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt });

/** A new key for an external system: shown once in the answer, kept only as its SHA-256. */
export async function createApiKey(tx: Tx, actor: Actor, name: string) {
  const key = `mcu_${randomBytes(24).toString('base64url')}`;
  const [row] = await tx.insert(apiKeys).values({ tenantId: actor.tenantId, name, keyHash: hash(key), prefix: key.slice(0, 10), createdBy: actor.userId }).returning();
  await recordAudit(tx, actor, { action: 'create', entity: 'api_key', entityId: row.id, after: { name, prefix: row.prefix } });
  return { ...view(row), key };
}

export async function setApiKeyActive(tx: Tx, actor: Actor, id: string, isActive: boolean) {
  const [row] = await tx.update(apiKeys).set({ isActive }).where(and(eq(apiKeys.id, id), eq(apiKeys.tenantId, actor.tenantId))).returning();
  if (!row) throw new AppError('not_found', 'Ключ API не найден');
  await recordAudit(tx, actor, { action: isActive ? 'activate' : 'deactivate', entity: 'api_key', entityId: id, after: { isActive } });
  return view(row);
}

export async function listApiKeys(db: Db, tenantId: string) {
  return (await db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt))).map(view);
}

/** The active key's tenant and name, or null. */
export async function verifyApiKey(db: Db, key: string, now: Date): Promise<{ tenantId: string; name: string } | null> {
  if (!key) return null;
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.keyHash, hash(key)), eq(apiKeys.isActive, true)));
  if (!row) return null;
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  return { tenantId: row.tenantId, name: row.name };
}
