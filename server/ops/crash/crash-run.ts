import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../db/client';
import { startServer, type ServerProcess } from '../server-process';
import { checkConsistency, type RunCounts } from './consistency';
import { importCsv, lookups, runImport, runLifecycles, runRetrain, signInAll, type Acks } from './workload';

/** Where the runs live: copies of a seeded PGlite folder, or databases made from a PostgreSQL template. */
export type Scratch = { kind: 'pglite'; root: string } | { kind: 'postgres'; baseUrl: string; prefix: string };

export interface RunResult {
  run: number;
  killAfterMs: number;
  acked: number;
  counts: RunCounts | null;
  problems: string[];
}

const SERVER_ENV = { IMPORT_LEASE_SECONDS: '5', JOBS: '1', DEMO: '1', DEMO_CASES: '0' };

function dbUrl(baseUrl: string, name: string) {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(baseUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function envFor(s: Scratch, name: string): Record<string, string> {
  return s.kind === 'pglite' ? { ...SERVER_ENV, DATA_DIR: join(s.root, name) } : { ...SERVER_ENV, DATABASE_URL: dbUrl(s.baseUrl, `${s.prefix}_${name}`) };
}

async function stopCleanly(server: ServerProcess) {
  server.child.kill('SIGTERM');
  const r = await Promise.race([server.exited, new Promise<null>((res) => setTimeout(() => res(null), 120_000).unref())]);
  if (!r) {
    server.child.kill('SIGKILL');
    throw new Error('сервер не остановился по SIGTERM за 120 с');
  }
}

/** Migrates and seeds the demo directory once; every run starts from a copy of it. */
export async function prepareTemplate(s: Scratch): Promise<void> {
  if (s.kind === 'pglite') mkdirSync(s.root, { recursive: true });
  else await admin(s.baseUrl, `CREATE DATABASE ${s.prefix}_template`);
  const server = await startServer(envFor(s, 'template'));
  await stopCleanly(server);
}

async function scratchFor(s: Scratch, run: number): Promise<string> {
  const name = `run${run}`;
  if (s.kind === 'pglite') cpSync(join(s.root, 'template'), join(s.root, name), { recursive: true });
  else await admin(s.baseUrl, `CREATE DATABASE ${s.prefix}_${name} TEMPLATE ${s.prefix}_template`);
  return name;
}

export async function dropScratch(s: Scratch, names: string[]): Promise<void> {
  if (s.kind === 'pglite') return rmSync(s.root, { recursive: true, force: true });
  for (const n of names) await admin(s.baseUrl, `DROP DATABASE IF EXISTS ${s.prefix}_${n} WITH (FORCE)`);
}

/**
 * One run: start, drive the mix, SIGKILL at a random moment, restart, let the work finish, stop,
 * check. With `mapInWorker` the import's rows are parsed and mapped in a worker thread (as files
 * from 2 MB are), else on the main thread, so a kill lands in either path.
 */
export async function crashRun(s: Scratch, run: number, opts: { rows: number; killAfterMs: number; mapInWorker: boolean }): Promise<RunResult> {
  const name = await scratchFor(s, run);
  const env: Record<string, string> = { ...envFor(s, name), ...(opts.mapInWorker ? { IMPORT_WORKER_FROM_BYTES: '0' } : {}) };
  const csv = importCsv(opts.rows, run);
  const acks: Acks = { importJobId: null, importStarted: false, cases: new Map(), retrainStarted: false, requests: 0 };

  const first = await startServer(env);
  const sessions = await signInAll(first.url);
  const ctx = await lookups(sessions);
  let killed = false;
  const stop = () => killed;
  // A refusal before the kill is a broken workload, not a crash effect: reported as a problem.
  const early: string[] = [];
  const note = (p: Promise<void>) => p.catch((e: Error) => void (killed || early.push(`нагрузка: ${e.message.slice(0, 200)}`)));
  // Lifecycles (answers) first, the import after 1.5 s, the retraining after 3 s: a kill lands in any of them.
  const later = (ms: number, fn: () => Promise<void>) => new Promise((r) => setTimeout(r, ms)).then(() => (killed ? undefined : fn()));
  const work = Promise.all([note(runLifecycles(sessions, ctx, acks, stop)), note(later(1500, () => runImport(sessions, csv.data, acks))), note(later(3000, () => runRetrain(sessions, acks)))]);
  await new Promise((r) => setTimeout(r, opts.killAfterMs));
  killed = true;
  first.child.kill('SIGKILL');
  await first.exited;
  await work;

  const second = await startServer(env);
  try {
    const again = await signInAll(second.url);
    // The finish: an import never started is uploaded and started again (same file, same source ids).
    if (!acks.importStarted) await runImport(again, csv.data, acks);
    await waitForImports(again);
  } finally {
    await stopCleanly(second);
  }

  const database = await openDatabase(s.kind === 'pglite' ? { dataDir: join(env.DATA_DIR, 'db') } : { url: env.DATABASE_URL });
  try {
    const { problems, counts } = await checkConsistency(database, { sourceIds: csv.sourceIds, blanks: csv.blanks, rows: opts.rows }, acks);
    return { run, killAfterMs: opts.killAfterMs, acked: acks.requests, counts, problems: [...early, ...problems] };
  } finally {
    await database.close();
    if (s.kind === 'pglite') rmSync(join(s.root, name), { recursive: true, force: true });
    else await admin(s.baseUrl, `DROP DATABASE IF EXISTS ${s.prefix}_${name} WITH (FORCE)`);
  }
}

async function waitForImports(s: Awaited<ReturnType<typeof signInAll>>) {
  for (let i = 0; i < 600; i++) {
    const list = (await (await s.pos.get('/api/imports?limit=200')).json()) as { items: { status: string }[] };
    if (!list.items.some((j) => j.status === 'queued' || j.status === 'running')) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('импорт не завершился за 5 минут после перезапуска');
}
