import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from './client';
import { MIGRATIONS_DIR, migrate } from './migrate';
import { diffSchema } from './schema-diff';

/**
 * `npm run db:diff -- what-it-does`: applies the committed migrations to an in-memory PGlite,
 * compares with the Drizzle schema and writes the difference as a new timestamped migration.
 */
const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9-]+$/.test(name)) {
  process.stderr.write('Укажите имя миграции латиницей через дефис: npm run db:diff -- add-cases\n');
  process.exit(2);
}
const database = await openDatabase({ dataDir: null });
await migrate(database);
const statements = await diffSchema(database);
await database.close();
if (statements.length === 0) {
  process.stdout.write('Схема и миграции совпадают: новая миграция не нужна.\n');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const file = join(MIGRATIONS_DIR, `${stamp}-${name}.sql`);
  writeFileSync(file, statements.map((s) => s.trim().replace(/;?$/, ';')).join('\n') + '\n');
  process.stdout.write(`Записана миграция ${file} (${statements.length} операторов).\n`);
}
