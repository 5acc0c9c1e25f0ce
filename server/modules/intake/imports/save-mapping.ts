import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../db/tx';
import { channels, importJobs, importMappings } from '../../../db/schema';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record-audit';
import type { MappingInput } from '../mapping/fields';

/**
 * Creates or changes a saved mapping of a source. Saving under an existing name replaces that
 * mapping (the next file of the source is read the same way).
 */
export async function saveMapping(tx: Tx, actor: Actor, input: MappingInput, id?: string, preset: string | null = null) {
  const [channel] = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.tenantId, actor.tenantId), eq(channels.code, input.channel)));
  if (!channel) throw new AppError('validation', 'Канал: выберите из списка', { channel: 'Канал: выберите из списка' });
  const values = { name: input.name, channel: input.channel, mapping: input.mapping, options: input.options, updatedAt: new Date() };
  let row;
  if (id) {
    [row] = await tx.update(importMappings).set(values).where(and(eq(importMappings.id, id), eq(importMappings.tenantId, actor.tenantId))).returning();
    if (!row) throw new AppError('not_found', 'Сопоставление не найдено');
  } else {
    [row] = await tx
      .insert(importMappings)
      .values({ ...values, tenantId: actor.tenantId, preset, createdBy: actor.userId })
      .onConflictDoUpdate({ target: [importMappings.tenantId, importMappings.name], set: values })
      .returning();
  }
  await recordAudit(tx, actor, { action: id ? 'update' : 'save', entity: 'import_mapping', entityId: row.id, after: values });
  return row;
}

export async function deleteMapping(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(importMappings).where(and(eq(importMappings.id, id), eq(importMappings.tenantId, actor.tenantId)));
  if (!row) throw new AppError('not_found', 'Сопоставление не найдено');
  // Jobs keep their own copy of the mapping; they only lose the link.
  await tx.update(importJobs).set({ mappingId: null }).where(eq(importJobs.mappingId, id));
  await tx.delete(importMappings).where(eq(importMappings.id, id));
  await recordAudit(tx, actor, { action: 'delete', entity: 'import_mapping', entityId: id, before: row });
  return { ok: true };
}

export async function listMappings(db: Db, tenantId: string) {
  return db.select().from(importMappings).where(eq(importMappings.tenantId, tenantId)).orderBy(asc(importMappings.channel), asc(importMappings.name));
}
