import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';

/**
 * Reserves `count` consecutive case numbers of the tenant for the year and returns the first
 * formatted one's sequence. The counter row is locked for the transaction, so numbers are never
 * reused and never skipped by a rolled-back import (the reservation rolls back with it).
 */
export async function reserveCaseNumbers(tx: Tx, tenantId: string, year: number, count = 1): Promise<number> {
  const res = await tx.execute(sql`
    INSERT INTO case_counters (tenant_id, year, value) VALUES (${tenantId}, ${year}, ${count})
    ON CONFLICT (tenant_id, year) DO UPDATE SET value = case_counters.value + ${count}
    RETURNING value`);
  const rows = (res as unknown as { rows: { value: number }[] }).rows;
  return Number(rows[0].value) - count + 1;
}

export function formatCaseNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(6, '0')}`;
}
