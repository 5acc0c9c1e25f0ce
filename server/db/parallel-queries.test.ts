import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { rows } from './rows';
import { freshDatabase, targets } from '../test/databases';

/**
 * Independent reads of one transaction issued with Promise.all (the classifier's directory, a
 * roadmap's details) run one after another on its connection: each gets its own answer, an error in
 * one does not take another's, and pg's deprecated client-side queue (gone in pg@9) is never used.
 */
describe.each(targets())('parallel statements in one transaction (%s)', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await dispose();
  });

  it('gives each statement its own rows, in a transaction that sees its own writes', async () => {
    const got = await database.db.transaction(async (tx) => {
      await tx.execute(sql`CREATE TEMP TABLE par_probe (n int) ON COMMIT DROP`);
      await tx.execute(sql`INSERT INTO par_probe SELECT generate_series(1, 50)`);
      return Promise.all(Array.from({ length: 20 }, (_, i) => rows<{ c: number; i: number }>(tx, sql`SELECT count(*)::int AS c, ${i}::int AS i FROM par_probe WHERE n > ${i}`)));
    });
    expect(got.map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => ({ c: 50 - i, i })));
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((m) => /already executing a query/.test(m))).toEqual([]);
  });

  it('reports a failing statement to its own caller and rolls the transaction back', async () => {
    await database.exec('CREATE TABLE par_kept (n int)');
    const outcome = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO par_kept VALUES (1)`);
        const results = await Promise.allSettled([tx.execute(sql`SELECT 1/0`), tx.execute(sql`SELECT 2 AS two`)]);
        throw Object.assign(new Error('stop'), { results });
      })
      .catch((e: { results: PromiseSettledResult<unknown>[] }) => e.results);
    expect(outcome[0].status).toBe('rejected');
    expect(String((outcome[0] as PromiseRejectedResult).reason?.cause ?? (outcome[0] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    // The second statement ran after the failure inside the same transaction: it is refused, not mixed up.
    expect(outcome[1].status).toBe('rejected');
    expect(await database.query('SELECT count(*)::int AS c FROM par_kept')).toEqual([{ c: 0 }]);
  });
});
