import { resolve } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse';
import pg from 'pg';
import { openDatabase, type Database, type Queryable } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { users } from '../server/db/schema';
import { seedRoles } from '../server/seed/seed-roles';
import { seedDemo } from '../server/seed/seed-demo';
import { systemActor } from '../server/http/actor';
import { uploadImport } from '../server/modules/intake/imports/upload-import';
import { startImport } from '../server/modules/intake/imports/start-import';
import { ImportWorker } from '../server/modules/intake/imports/import-worker';
import { mb, printTable } from './lib';

const DATA = resolve(process.cwd(), '../shared/data/appeals/spb_our_city_appeals.csv');
const MAX_PARAMS = 65_535;
const MAPPING = { sourceId: ['id'], receivedAt: ['created_at'], text: ['text'], address: ['address'], lat: ['latitude'], lon: ['longitude'], topic: ['category'] };

type Target = 'pglite' | 'postgres';
const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('ru-RU');

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh, migrated database with the demo municipality (its rubricator and rules). */
async function freshDb(target: Target, url: string): Promise<{ database: Database; tenantId: string; drop: () => Promise<void> }> {
  let database: Database;
  let drop: () => Promise<void>;
  if (target === 'pglite') {
    database = await openDatabase({ dataDir: null });
    drop = () => database.close();
  } else {
    const name = `mcu_bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString() });
    drop = async () => {
      await database.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  }
  await migrate(database);
  await seedRoles(database.db);
  const { municipalityId } = await seedDemo(database);
  return { database, tenantId: municipalityId, drop };
}

/** Multi-row `INSERT … VALUES (…), (…)` in one transaction, each statement under 65,535 parameters. */
async function insertValues(conn: Queryable, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const per = Math.floor(MAX_PARAMS / columns.length);
  await conn.exec('BEGIN');
  for (let i = 0; i < rows.length; i += per) {
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + per).map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(',')})`);
    await conn.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${tuples.join(',')}`, params);
  }
  await conn.exec('COMMIT');
}

async function readRecords(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const rows: string[][] = [];
  let header: string[] = [];
  for await (const r of createReadStream(file).pipe(parse({ relax_column_count: true })) as AsyncIterable<string[]>) {
    if (!header.length) header = r;
    else rows.push(header.map((_, i) => r[i] ?? ''));
  }
  return { header, rows };
}

/**
 * Wall time, CPU time of this process (with PGlite it includes the database; on a shared machine
 * it is steadier than wall time) and the heap peak while `fn` runs (the import must not grow with the file).
 */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; peakHeap: number }> {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    const value = await fn();
    const c = process.cpuUsage(c0);
    return { value, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, peakHeap: peak };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The two bare inserts of the same rows, parsed beforehand (their parsing is not timed): into a
 * plain table of the import's database (the limit), and into `cases` of a second fresh database.
 * The parsed rows are released before the import runs, so its heap is its own.
 */
async function references(target: Target, url: string, file: string, database: Database) {
  const { header, rows } = await readRecords(file);
  await database.exec(`CREATE TABLE bench_raw (${header.map((h) => `"${h}" text`).join(', ')})`);
  const raw = await measure(() => database.session((c) => insertValues(c, 'bench_raw', header, rows)));
  await database.exec('DROP TABLE bench_raw');
  const b = await freshDb(target, url);
  const cols = ['id', 'tenant_id', 'number', 'regime', 'channel', 'source_id', 'received_at', 'status', 'text', 'address', 'lat', 'lon'];
  const h = (name: string) => header.indexOf(name);
  const caseRows = rows.map((r, i) => [randomUUID(), b.tenantId, `2020-${String(i + 1).padStart(6, '0')}`, 'MESSAGE', 'email', r[h('id')], `${r[h('created_at')]}+03:00`, 'received', r[h('text')], r[h('address')] || null, Number(r[h('latitude')]), Number(r[h('longitude')])]);
  const bare = await measure(() => b.database.session((c) => insertValues(c, 'cases', cols, caseRows)));
  await b.drop();
  return { n: rows.length, raw, bare };
}

/** The middle value (the lower of the two middle ones for an even count). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

type Measured = Awaited<ReturnType<typeof measure>>;

/** The import of the file into the database of `a`: upload (stored in the database), then the worker from the stored file. */
async function importOnce(a: { database: Database; tenantId: string }, data: Buffer, worker: ImportWorker) {
  const [user] = await a.database.db.select().from(users).where(eq(users.login, 'pos'));
  const actor = { ...systemActor(a.tenantId), userId: user.id, requestId: 'bench' };
  const up = await measure(() => uploadImport(a.database.db, actor, { name: 'spb_our_city_appeals.csv', data }));
  await a.database.db.transaction((tx) => startImport(tx, actor, up.value.id, { channel: 'email', mapping: MAPPING, options: { status: 'received', defaultRegime: 'MESSAGE', timeZone: 'Europe/Moscow' } }));
  const run = await measure(() => worker.drain());
  const [job] = await a.database.query<{ status: string; inserted: number; unchanged: number; error: string | null }>('SELECT status, inserted, unchanged, error FROM import_jobs WHERE id = $1', [up.value.id]);
  if (job.status !== 'done') throw new Error(`импорт не завершён: ${job.status} ${job.error}`);
  return { up, run, job };
}

/**
 * Rows per second of the spreadsheet import on the 60 thousand real «Наш Санкт-Петербург» messages,
 * on PGlite and on PostgreSQL (a fresh database each), next to the limit for writing these rows: a
 * bare multi-row INSERT of the same rows into `cases` of a fresh database of the same kind (its
 * indexes, the Russian full-text GIN index, foreign keys and triggers, no import logic; the aim is
 * at least half of it). Also, for reference, a bare INSERT into a plain table of the import's database.
 * Each measurement is repeated `repeat` times, the bare insert and the import one after the other
 * (a machine whose speed drifts slows both alike): the table shows medians, and the range of the
 * share over the repetitions.
 */
export async function benchIntake(opts: { file?: string; databaseUrl?: string; targets?: Target[]; chunkRows?: number; repeat?: number } = {}): Promise<void> {
  const file = opts.file ?? DATA;
  if (!existsSync(file)) {
    process.stdout.write(`\nИмпорт: пропущено — нет файла ${file} (папка исследовательских данных отсутствует)\n`);
    return;
  }
  const url = opts.databaseUrl ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const data = readFileSync(file);
  const repeat = Math.max(1, opts.repeat ?? 1);
  const out: (string | number)[][] = [];
  let n = 0;
  for (const target of opts.targets ?? (['pglite', 'postgres'] as Target[])) {
    const runs: { raw: Measured; bare: Measured; up: Measured; first: Measured; second: Measured; inserted: number; unchanged: number }[] = [];
    for (let i = 0; i < repeat; i++) {
      const a = await freshDb(target, url);
      const refs = await references(target, url, file, a.database);
      n = refs.n;
      const worker = new ImportWorker(a.database, () => new Date(), { error: (o: unknown) => console.error(o), info: () => undefined }, { chunkRows: opts.chunkRows });
      const first = await importOnce(a, data, worker);
      const second = await importOnce(a, data, worker);
      runs.push({ raw: refs.raw, bare: refs.bare, up: first.up, first: first.run, second: second.run, inserted: first.job.inserted, unchanged: second.job.unchanged });
      await a.drop();
    }
    const pick = (k: 'raw' | 'bare' | 'up' | 'first' | 'second') => ({ ms: median(runs.map((r) => r[k].ms)), cpuMs: median(runs.map((r) => r[k].cpuMs)), peakHeap: Math.max(...runs.map((r) => r[k].peakHeap)) });
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    const share = (k: 'raw' | 'bare' | 'first' | 'second', of: 'raw' | 'bare') => {
      const xs = runs.map((r) => r[of].ms / r[k].ms);
      return repeat > 1 ? `${pct(median(xs))} (${pct(Math.min(...xs))}–${pct(Math.max(...xs))})` : pct(xs[0]);
    };
    const row = (what: string, k: 'raw' | 'bare' | 'up' | 'first' | 'second', heap: boolean) => {
      const m = pick(k);
      const shares = k === 'up' ? ['—', '—'] : [share(k, 'bare'), share(k, 'raw')];
      out.push([target, what, fmt(n), (m.ms / 1000).toFixed(1), (m.cpuMs / 1000).toFixed(1), fmt(rate(n, m.ms)), ...shares, heap ? mb(m.peakHeap) : '—']);
    };
    row('голый INSERT … VALUES в cases (предел для этих строк: индексы, GIN, внешние ключи, триггеры)', 'bare', false);
    row('голый INSERT … VALUES в простую таблицу (справка)', 'raw', false);
    row(`импорт: загрузка файла (${mb(data.length)}: проверка, разбор, хранение в БД)`, 'up', true);
    row(`импорт: обработка, новые обращения (${fmt(median(runs.map((r) => r.inserted)))})`, 'first', true);
    row(`импорт того же файла повторно (без изменений: ${fmt(median(runs.map((r) => r.unchanged)))})`, 'second', true);
  }
  printTable(
    `Импорт таблиц: реальные 59 889 сообщений «Наш Санкт-Петербург» (CSV 45 МБ), строк в секунду${repeat > 1 ? `; медианы ${repeat} повторов` : ''}`,
    ['база', 'что', 'строк', 'время, с', 'CPU Node, с', 'строк/с', 'доля от голой вставки в cases', 'доля от вставки в простую таблицу', 'пик кучи Node'],
    out,
  );
  process.stdout.write('Цель — не меньше 50 % от голой вставки в cases: это те же строки в ту же таблицу с теми же индексами и триггерами, без логики импорта.\n');
  process.stdout.write('Доля — отношение скорости к скорости голой вставки того же повтора (в скобках — наименьшая и наибольшая по повторам). CPU Node — процессорное время этого процесса, со всеми его потоками (с PGlite в него входит и сама база). Строк/с — по времени по часам.\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  await benchIntake({ targets: arg('targets')?.split(',') as Target[] | undefined, chunkRows: arg('chunk') ? Number(arg('chunk')) : undefined, repeat: arg('repeat') ? Number(arg('repeat')) : undefined });
}
