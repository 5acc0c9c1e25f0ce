/**
 * Generates demo cases for the demo district into a database, for a demo or a benchmark:
 *
 *   npx tsx scripts/generate-demo.ts --cases 1000000 [--database-url postgres://…] [--data-dir var]
 *     [--seed 1] [--no-history] [--now 2026-11-20T09:00:00Z] [--batch 2000] [--mode unnest|unnest-cte|values|drizzle]
 *
 * Without --database-url the embedded PGlite in <data-dir>/db is used (the folder the application
 * opens with DATA_DIR=<data-dir>). The database is migrated and the demo directory is seeded when
 * it is empty; the cases are added to what is there.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { tenants } from '../server/db/schema';
import { seedRoles } from '../server/seed/seed-roles';
import { isEmpty, seedDemo } from '../server/seed/seed-demo';
import { DEFAULT_DEMO_CASES, generateDemoCases } from '../server/seed/demo-cases/generate-demo-cases';
import type { InsertMode } from '../server/seed/demo-cases/insert-rows';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: String(DEFAULT_DEMO_CASES) },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string', default: 'var' },
    seed: { type: 'string', default: '1' },
    'no-history': { type: 'boolean', default: false },
    now: { type: 'string' },
    batch: { type: 'string', default: '2000' },
    mode: { type: 'string' },
    tenant: { type: 'string', default: 'krasnoarmeysky' },
  },
});

const count = Number(args.cases);
if (!Number.isInteger(count) || count < 1) fail('--cases: укажите целое число обращений ≥ 1');
const now = args.now ? new Date(args.now) : new Date();
if (Number.isNaN(now.getTime())) fail('--now: дата в формате ISO, например 2026-11-20T09:00:00Z');
const modes: InsertMode[] = ['unnest', 'unnest-cte', 'values', 'drizzle'];
if (args.mode && !modes.includes(args.mode as InsertMode)) fail(`--mode: одно из ${modes.join(', ')}`);

const opened = Date.now();
let database;
if (args['database-url']) {
  database = await openDatabase({ url: args['database-url'] });
} else {
  const dir = join(args['data-dir']!, 'db');
  mkdirSync(dir, { recursive: true });
  database = await openDatabase({ dataDir: dir });
}
try {
  await migrate(database);
  await seedRoles(database.db);
  if (await isEmpty(database)) {
    log('База пуста: загружаю демонстрационный справочник и пользователей…');
    await seedDemo(database);
  }
  const [tenant] = await database.db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.code, args.tenant!));
  if (!tenant) fail(`Нет муниципалитета с кодом ${args.tenant}`);
  const mode = (args.mode as InsertMode | undefined) ?? (database.kind === 'postgres' ? 'unnest-cte' : 'unnest');
  log(`${tenant.name}: генерирую ${count.toLocaleString('ru-RU')} обращений (база: ${database.kind}, история: ${args['no-history'] ? 'нет' : 'да'}, вставка: ${mode}, подготовка ${sec(Date.now() - opened)})`);

  const started = Date.now();
  let lastPrint = 0;
  const result = await generateDemoCases(database, {
    tenantId: tenant.id,
    count,
    now,
    seed: Number(args.seed),
    history: !args['no-history'],
    batchSize: Number(args.batch),
    insertMode: mode,
    onProgress: (done) => {
      const t = Date.now();
      if (t - lastPrint < 500 && done < count) return;
      lastPrint = t;
      const rate = done / ((t - started) / 1000);
      const eta = rate > 0 ? (count - done) / rate : 0;
      process.stdout.write(`\r  ${done.toLocaleString('ru-RU')} / ${count.toLocaleString('ru-RU')}  ${Math.round(rate).toLocaleString('ru-RU')} обращений/с  осталось ≈ ${sec(eta * 1000)}   `);
    },
  });
  process.stdout.write('\n');
  const rows = await database.query<{ cases: number; audit: number; answers: number; applicants: number }>(
    `SELECT (SELECT count(*) FROM cases WHERE tenant_id = $1)::int AS cases, (SELECT count(*) FROM audit_events WHERE tenant_id = $1 AND entity = 'case')::int AS audit,
            (SELECT count(*) FROM case_answers WHERE tenant_id = $1)::int AS answers, (SELECT count(*) FROM case_applicants WHERE tenant_id = $1)::int AS applicants`,
    [tenant.id],
  );
  const r = rows[0];
  log(`Готово: ${result.cases.toLocaleString('ru-RU')} обращений за ${sec(result.ms)} — ${Math.round(result.cases / (result.ms / 1000)).toLocaleString('ru-RU')} обращений/с`);
  log(`В базе: обращений ${r.cases.toLocaleString('ru-RU')}, записей журнала ${r.audit.toLocaleString('ru-RU')}, ответов ${r.answers.toLocaleString('ru-RU')}, заявителей ${r.applicants.toLocaleString('ru-RU')}`);
} finally {
  await database.close();
}

function sec(ms: number): string {
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(1)} с` : `${Math.floor(s / 60)} мин ${Math.round(s % 60)} с`;
}

function log(msg: string) {
  process.stdout.write(msg + '\n');
}

function fail(msg: string): never {
  process.stderr.write(msg + '\n');
  process.exit(2);
}
