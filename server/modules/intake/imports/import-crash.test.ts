import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, max } from 'drizzle-orm';
import { freshDatabase, targets } from '../../../test/databases';
import { pinnedClock, testApp } from '../../../test/http';
import type { Database } from '../../../db/client';
import { auditEvents, cases, importJobs, importQuarantine, users } from '../../../db/schema';
import { systemActor } from '../../../http/actor';
import { uploadImport } from './upload-import';
import { startImport } from './start-import';
import { ImportWorker } from './import-worker';
import { LeaseLostError, processJob } from './process-job';

const ROWS = 2500;
const CHUNK = 200;

/** A file with bad rows (no number) and repeated numbers whose later row changes the text. */
function file() {
  const lines = ['Номер;Дата поступления;Текст;Тематика'];
  const state = new Map<string, string>();
  let bad = 0;
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (let i = 1; i <= ROWS; i++) {
    const id = i % 97 === 0 ? '' : i % 250 === 0 ? String(100000 + i - 3) : String(100000 + i);
    const text = `Сообщение ${i}: не горит фонарь у дома ${i % 40}`;
    lines.push(`${id};${String((i % 28) + 1).padStart(2, '0')}.02.2026 ${String(i % 24).padStart(2, '0')}:15;${text};${i % 3 === 0 ? 'Благоустройство' : 'ЖКХ'}`);
    if (!id) bad++;
    else if (!state.has(id)) inserted++;
    else if (state.get(id) !== text) updated++;
    else unchanged++;
    if (id) state.set(id, text);
  }
  return { data: Buffer.from(lines.join('\n')), expected: { inserted, updated, unchanged, quarantined: bad } };
}

// Each file is parsed and mapped on the main thread, or (large files; here forced) in a worker thread.
const modes = targets().flatMap((target) => [{ target, inWorker: false }, { target, inWorker: true }]);

describe.each(modes)('import crash and resume on $target (mapping in a worker thread: $inWorker)', ({ target, inWorker }) => {
  const onPostgres = target === 'postgres' && !inWorker ? it : () => undefined;
  const onMainThread = inWorker ? () => undefined : it;
  // The test file is small: from 0 bytes it is mapped in the worker thread, from Infinity never.
  const workerFromBytes = inWorker ? 0 : Infinity;
  let database: Database;
  let dispose: () => Promise<void>;
  let tenantId: string;
  const clock = pinnedClock('2026-03-10T07:00:00Z');
  const log = { error: () => undefined, info: () => undefined };

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
  });
  afterAll(() => dispose());

  it('resumes a job that died half-way from its checkpoint and ends with exactly the right counts', async () => {
    const [user] = await database.db.select().from(users).where(eq(users.login, 'pos'));
    const actor = { ...systemActor(tenantId), userId: user.id, requestId: 'test' };
    const { data, expected } = file();
    expect(expected.updated).toBeGreaterThan(0);
    const job = await uploadImport(database.db, actor, { name: 'lights.csv', data });
    expect(job.progress.totalRows).toBe(ROWS);
    await database.db.transaction((tx) => startImport(tx, actor, job.id, { channel: 'email', mapping: job.suggestion!.mapping, options: { status: 'received', defaultRegime: 'MESSAGE' } }));

    // The first process claims the job and dies inside the transaction of its 5th chunk.
    const first = new ImportWorker(database, clock, log, { chunkRows: CHUNK, workerFromBytes });
    expect(await first.claim()).toBe(job.id);
    const crash = processJob(database, job.id, { workerId: first.id, clock, chunkRows: CHUNK, workerFromBytes, beforeCommit: (n) => {
      if (n === 5) throw new Error('процесс убит');
    } });
    await expect(crash).rejects.toThrow('процесс убит');
    const [mid] = await database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(mid).toMatchObject({ status: 'running', lockedBy: first.id, rowsDone: 4 * CHUNK, checkpointRow: 4 * CHUNK + 1 });
    const casesMid = await database.db.select({ n: count() }).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, 'email')));
    expect(casesMid[0].n).toBe(mid.inserted); // the 5th chunk left nothing behind

    // A fresh process finds the stale claim and finishes the job.
    const second = new ImportWorker(database, clock, log, { chunkRows: CHUNK, leaseMs: 0, workerFromBytes });
    await new Promise((r) => setTimeout(r, 5));
    await second.drain();
    const [end] = await database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(end).toMatchObject({ status: 'done', rowsDone: ROWS, attempts: 2, ...expected });

    // The first process, were it still alive, could not write any more.
    await expect(processJob(database, job.id, { workerId: first.id, clock })).rejects.toBeInstanceOf(LeaseLostError);

    const [{ n }] = await database.db.select({ n: count() }).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, 'email')));
    expect(n).toBe(expected.inserted);
    const [{ q }] = await database.db.select({ q: count() }).from(importQuarantine).where(eq(importQuarantine.jobId, job.id));
    expect(q).toBe(expected.quarantined);
    const [{ a }] = await database.db.select({ a: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'receive'), eq(auditEvents.requestId, `import:${job.id}`)));
    expect(a).toBe(expected.inserted);
    // Numbers reserved by the chunk that rolled back were rolled back with it: no gaps.
    const [{ top }] = await database.db.select({ top: max(cases.number) }).from(cases).where(eq(cases.tenantId, tenantId));
    expect(top).toBe(`2026-${String(expected.inserted).padStart(6, '0')}`);
  });

  // A second process needs a server database: this case exists for PostgreSQL only (not skipped on PGlite: not declared).
  onPostgres('resumes after the importing process is killed (SIGKILL, PostgreSQL only)', async () => {
    const [user] = await database.db.select().from(users).where(eq(users.login, 'pos'));
    const actor = { ...systemActor(tenantId), userId: user.id, requestId: 'test' };
    const { data, expected } = file();
    const job = await uploadImport(database.db, actor, { name: 'killed.csv', data });
    await database.db.transaction((tx) => startImport(tx, actor, job.id, { channel: 'letter', mapping: job.suggestion!.mapping, options: { status: 'received', defaultRegime: 'MESSAGE' } }));
    const [{ name }] = await database.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./import-crash.child.ts', import.meta.url)), url.toString()], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((r) => child.once('exit', r));
    let mid;
    for (let i = 0; i < 600; i++) {
      [mid] = await database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
      if (mid.rowsDone >= 3 * CHUNK) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    [mid] = await database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(mid!.status).toBe('running');
    expect(mid!.rowsDone).toBeLessThan(ROWS);
    const second = new ImportWorker(database, clock, log, { chunkRows: CHUNK, leaseMs: 0 });
    await second.drain();
    const [end] = await database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(end).toMatchObject({ status: 'done', rowsDone: ROWS, ...expected });
    const [{ n }] = await database.db.select({ n: count() }).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, 'letter')));
    expect(n).toBe(expected.inserted);
  });

  onMainThread('picks up a queued job when an app process starts (the sweep of the worker)', async () => {
    const [user] = await database.db.select().from(users).where(eq(users.login, 'pos'));
    const actor = { ...systemActor(tenantId), userId: user.id, requestId: 'test' };
    const job = await uploadImport(database.db, actor, { name: 'boot.csv', data: Buffer.from('Номер;Дата поступления;Текст\nB-1;01.03.2026;Сломана скамейка в парке\n') });
    await database.db.transaction((tx) => startImport(tx, actor, job.id, { channel: 'phone', mapping: job.suggestion!.mapping, options: { status: 'received', defaultRegime: 'MESSAGE' } }));
    const app = await testApp(database, clock);
    try {
      for (let i = 0; i < 200; i++) {
        const [j] = await database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
        if (j.status === 'done') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const [j] = await database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
      expect(j).toMatchObject({ status: 'done', inserted: 1 });
    } finally {
      await app.close();
    }
  });
});
