import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './tx';
import type { Actor } from '../http/actor';
import { findOwned } from './owned';
import { recordAudit } from '../modules/audit/record-audit';

type ActivatableTable = PgTable & { id: PgColumn; tenantId: PgColumn; isActive: PgColumn };

/**
 * Deactivates or reactivates a reference row. Reference data is never deleted: cases and history
 * keep pointing at it, lists hide inactive rows from new choices.
 */
export async function setActive<T extends ActivatableTable>(tx: Tx, actor: Actor, table: T, entity: string, label: string, id: string, isActive: boolean) {
  const before = (await findOwned(tx, table, id, actor.tenantId, label)) as Record<string, unknown>;
  await tx.update(table as PgTable).set({ isActive } as never).where(eq(table.id, id));
  await recordAudit(tx, actor, { action: isActive ? 'activate' : 'deactivate', entity, entityId: id, before: { isActive: before.isActive }, after: { isActive } });
  return { id, isActive };
}
