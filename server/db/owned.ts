import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './tx';
import { AppError } from '../errors';

type TenantTable = PgTable & { id: PgColumn; tenantId: PgColumn };

/** Loads a row by id inside the tenant, or fails with a Russian «не найден». */
export async function findOwned<T extends TenantTable>(tx: Tx, table: T, id: string, tenantId: string, label: string): Promise<T['$inferSelect']> {
  const rows = await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.tenantId, tenantId)) as SQL);
  if (!rows[0]) throw new AppError('not_found', `${label}: запись не найдена`);
  return rows[0] as T['$inferSelect'];
}

/** Checks that an optional reference points at a row of the same tenant. */
export async function assertOwnedRef<T extends TenantTable>(tx: Tx, table: T, id: string | null | undefined, tenantId: string, field: string, label: string): Promise<void> {
  if (!id) return;
  const rows = await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.tenantId, tenantId)) as SQL);
  if (!rows[0]) throw new AppError('validation', `${label}: выберите значение из списка`, { [field]: `${label}: выберите значение из списка` });
}
