import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { seedRoles } from '../seed/seed-roles';
import { seedDemo } from '../seed/seed-demo';

export type Target = 'pglite' | 'postgres';

/** The databases every DB test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function targets(): Target[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a new database on the PostgreSQL server
 * (dropped again by `dispose`). With `demo`, the demo tenants, directory and users are loaded.
 */
export async function freshDatabase(target: Target, options: { demo?: boolean } = {}): Promise<{ database: Database; dispose: () => Promise<void>; ids: { regionId: string; municipalityId: string } }> {
  let database: Database;
  let dispose: () => Promise<void>;
  if (target === 'pglite') {
    database = await openDatabase({ dataDir: null });
    dispose = () => database.close();
  } else {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `mcu_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, `CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
    dispose = async () => {
      await database.close();
      await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  }
  await migrate(database);
  await seedRoles(database.db);
  const ids = options.demo ? await seedDemo(database) : { regionId: '', municipalityId: '' };
  return { database, dispose, ids };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
