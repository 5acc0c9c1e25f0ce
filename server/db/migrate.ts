import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Queryable } from './client';

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url).pathname;
const NAME = /^\d{14}-[a-z0-9-]+\.sql$/;

/** The committed migrations, in the order they apply: `YYYYMMDDHHMMSS-what-it-does.sql`. */
export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      if (!NAME.test(name)) throw new Error(`Имя миграции не по правилу YYYYMMDDHHMMSS-what.sql: ${name}`);
      return { name, sql: readFileSync(join(dir, name), 'utf8') };
    });
}

/**
 * Forward-only migrations applied at boot, each in its own transaction. On PostgreSQL a session
 * advisory lock makes concurrent app processes wait for the first one to finish.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  return database.session(async (conn) => {
    const locked = database.kind === 'postgres';
    if (locked) await conn.query('SELECT pg_advisory_lock(7262001)');
    try {
      return await applyPending(conn, dir);
    } finally {
      if (locked) await conn.query('SELECT pg_advisory_unlock(7262001)');
    }
  });
}

async function applyPending(conn: Queryable, dir: string): Promise<string[]> {
  await conn.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await conn.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (done.has(m.name)) continue;
    try {
      await conn.exec(`BEGIN;\n${m.sql}\n;\nINSERT INTO schema_migrations(name) VALUES ('${m.name}');\nCOMMIT;`);
    } catch (e) {
      await conn.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`Миграция ${m.name} не применена: ${(e as Error).message}`);
    }
    applied.push(m.name);
  }
  return applied;
}
