import { existsSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { seedRoles } from '../server/seed/seed-roles';
import { isEmpty, seedDemo } from '../server/seed/seed-demo';
import { generateDemoCases } from '../server/seed/demo-cases/generate-demo-cases';
import { tenants } from '../server/db/schema';
import { eq } from 'drizzle-orm';
import { ensureWorkTimelines } from '../server/modules/analytics/work-timeline';

export const BENCH_NOW = new Date('2026-11-20T07:00:00Z'); // a Friday, 11:00 in Саратов
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A benchmark database with `cases` generated demo cases, reused between runs (PGlite folder in
 * var/bench, PostgreSQL database mcu_bench_<cases>). Generation time is printed when it happens.
 */
export async function benchDatabase(kind: 'pglite' | 'postgres', cases: number, log: (s: string) => void): Promise<{ database: Database; tenantId: string }> {
  let database: Database;
  if (kind === 'pglite') {
    const dir = `var/bench/pglite-${cases}`;
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    database = await openDatabase({ dataDir: dir });
  } else {
    const name = `mcu_bench_${cases}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!exists) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
  }
  await migrate(database);
  await seedRoles(database.db);
  if (await isEmpty(database)) await seedDemo(database);
  await ensureWorkTimelines(database.db);
  const [t] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, 'krasnoarmeysky'));
  const [{ n }] = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM cases WHERE tenant_id = $1', [t.id]);
  if (Number(n) < cases) {
    const t0 = performance.now();
    let last = 0;
    await generateDemoCases(database, {
      tenantId: t.id,
      count: cases - Number(n),
      now: BENCH_NOW,
      seed: 7,
      history: cases <= 100_000,
      onProgress: (done) => {
        if (done - last >= 100_000) {
          last = done;
          log(`  ${kind}: сгенерировано ${done.toLocaleString('ru-RU')} обращений…`);
        }
      },
    });
    log(`  ${kind}: генерация ${(cases - Number(n)).toLocaleString('ru-RU')} обращений заняла ${((performance.now() - t0) / 1000).toFixed(0)} с`);
    await database.exec('ANALYZE');
  }
  return { database, tenantId: t.id };
}
