import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { freshDatabase, targets } from '../test/databases';

/** The audit trail and the PD access log refuse UPDATE, DELETE and TRUNCATE at the database level. */
describe.each(targets())('append-only logs on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    await database.query(`INSERT INTO audit_events (tenant_id, action, entity, entity_id, after) VALUES ($1, 'create', 'case', 'x', '{"a":1}')`, [ids.municipalityId]);
    await database.query(`INSERT INTO pd_access_log (tenant_id, action, purpose) VALUES ($1, 'view', 'проверка')`, [ids.municipalityId]);
  }, 300_000);
  afterAll(() => dispose());

  for (const table of ['audit_events', 'pd_access_log']) {
    it(`${table}: accepts inserts, refuses changes and deletion even for the database owner`, async () => {
      const [{ n }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      expect(n).toBeGreaterThan(0);
      if (target === 'postgres') {
        const [{ su }] = await database.query<{ su: boolean }>(`SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`);
        expect(su, 'the test connects as a superuser').toBe(true);
      }
      const column = table === 'audit_events' ? 'action' : 'purpose';
      await expect(database.query(`UPDATE ${table} SET ${column} = 'подмена'`)).rejects.toThrow(/только дополняется/);
      await expect(database.query(`DELETE FROM ${table}`)).rejects.toThrow(/только дополняется/);
      await expect(database.query(`TRUNCATE ${table}`)).rejects.toThrow(/только дополняется/);
      await expect(database.db.transaction(async (tx) => tx.execute(`DELETE FROM ${table} WHERE id = (SELECT min(id) FROM ${table})` as never))).rejects.toThrow();
      const [{ m }] = await database.query<{ m: number }>(`SELECT count(*)::int AS m FROM ${table}`);
      expect(m).toBe(n);
      expect((await database.query<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} = 'подмена'`)).length).toBe(0);
    });
  }
});
