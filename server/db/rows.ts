import type { SQL } from 'drizzle-orm';

interface Executes {
  execute(q: SQL): Promise<unknown>;
}

/** Rows of a raw SQL query, the same on PGlite and node-postgres (both return `{ rows }`). */
export async function rows<T = Record<string, unknown>>(db: Executes, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as { rows: T[] };
  return res.rows;
}
