import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Env } from './env';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import { seedRoles } from './seed/seed-roles';
import { isEmpty, seedDemo } from './seed/seed-demo';
import { generateDemoCases } from './seed/demo-cases/generate-demo-cases';
import { holdDataDir } from './ops/data-dir-lock';
import { assertNotHeld } from './ops/pglite-files';
import { ensureWorkTimelines } from './modules/analytics/work-timeline';

/** Opens the database (PGlite in DATA_DIR unless DATABASE_URL), migrates, and seeds on first run. */
export async function bootDatabase(env: Env, log: (msg: string) => void): Promise<{ database: Database; seeded: boolean }> {
  let database: Database;
  if (env.DATABASE_URL) {
    database = await openDatabase({ url: env.DATABASE_URL });
  } else {
    const dir = join(env.DATA_DIR, 'db');
    mkdirSync(dir, { recursive: true });
    // One process per PGlite folder: a second server, a backup or a restore would corrupt it.
    assertNotHeld(env.DATA_DIR);
    const release = holdDataDir(env.DATA_DIR);
    const opened = await openDatabase({ dataDir: dir });
    database = { ...opened, close: () => opened.close().finally(release) };
  }
  const applied = await migrate(database);
  if (applied.length) log(`Применены миграции: ${applied.length}`);
  await seedRoles(database.db);
  let seeded = false;
  if (env.DEMO === '1' && (await isEmpty(database))) {
    log('Первый запуск: загружаю демонстрационные данные…');
    const { municipalityId } = await seedDemo(database);
    if (env.DEMO_CASES > 0) {
      log(`Генерирую ${env.DEMO_CASES} демонстрационных обращений за несколько лет…`);
      const r = await generateDemoCases(database, { tenantId: municipalityId, count: env.DEMO_CASES, now: new Date() });
      log(`Готово: ${r.cases} обращений за ${(r.ms / 1000).toFixed(0)} с`);
    }
    seeded = true;
  }
  // Working time of each municipality (calendar × schedule × zone) for incidents' answer times in
  // working hours; counted again only when the calendar, a schedule or a zone changed.
  const rebuilt = await ensureWorkTimelines(database.db);
  if (rebuilt) log(`Рабочее время пересчитано для муниципалитетов: ${rebuilt}`);
  return { database, seeded };
}
