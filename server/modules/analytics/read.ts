import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/rows';

/**
 * Rows of an aggregate over the cases, with two planner settings for this query only:
 * - JIT off: these scans take 50–300 ms, and compiling them cost up to 150 ms more than it saved
 *   in the 1-million-case benchmark (the estimate for grouping by a local day is far too high);
 * - work_mem 64 MB: the same estimate would otherwise choose a sort that spills to disk over a
 *   hash aggregate of a few thousand groups.
 * One short transaction per query keeps the queries of a request running side by side on the pool.
 */
export async function aggregateRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
    return rows<T>(tx, query);
  });
}
