import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, targets } from '../test/databases';
import { diffSchema } from './schema-diff';
import { listMigrations, migrate } from './migrate';
import type { Database } from './client';

describe.each(targets())('migrations on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
  });
  afterAll(() => dispose());

  it('bring the database exactly to the Drizzle schema (no drift)', async () => {
    expect(await diffSchema(database)).toEqual([]);
  });

  it('are recorded and not applied twice', async () => {
    const rows = await database.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(database)).toEqual([]);
  });
});

describe('migration files', () => {
  it('are named YYYYMMDDHHMMSS-what-it-does.sql with unique timestamps', () => {
    const names = listMigrations().map((m) => m.name);
    const stamps = names.map((n) => n.slice(0, 14));
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
