import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * The indicator «доля обращений с автоматизированной доставкой до конечного исполнителя»: the
 * share of the tenant's cases received in [from, to) that were routed automatically.
 */
export async function autoRoutedShare(db: Db, tenantId: string, from: Date, to: Date): Promise<{ total: number; autoRouted: number; share: number }> {
  const res = await db.execute(sql`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE auto_routed)::int AS auto
    FROM cases WHERE tenant_id = ${tenantId} AND received_at >= ${from.toISOString()} AND received_at < ${to.toISOString()}`);
  const [r] = (res as unknown as { rows: { total: number; auto: number }[] }).rows;
  const total = Number(r?.total ?? 0);
  const autoRouted = Number(r?.auto ?? 0);
  return { total, autoRouted, share: total ? autoRouted / total : 0 };
}
