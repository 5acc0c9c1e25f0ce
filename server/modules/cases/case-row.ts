import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { cases } from '../../db/schema';
import { AppError } from '../../errors';

export type CaseRow = typeof cases.$inferSelect;

/** Loads a case of the tenant for a change (row locked until the transaction ends). */
export async function lockCase(tx: Tx, tenantId: string, id: string): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, id), eq(cases.tenantId, tenantId))).for('update');
  if (!row) throw new AppError('not_found', 'Обращение не найдено');
  return row;
}

/** The fields of a case worth keeping in the audit trail (no text blobs, no search vector). */
export function auditView(c: Partial<CaseRow>) {
  const { search: _s, text: _t, ...rest } = c as Record<string, unknown>;
  return rest;
}
