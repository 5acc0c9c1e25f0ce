/**
 * Kill -9 test: N runs, each on a scratch database, start the server, drive a mix over HTTP (an
 * import of a CSV with source ids, registrations and answer lifecycles, a retraining job), SIGKILL it
 * at a random moment, restart, let the work finish and check the data (server/ops/crash/consistency.ts).
 * Every other run maps the import's rows in a worker thread (the path of files from 2 MB).
 *
 *   npm run crash-test -- [--runs 100] [--rows 400] [--seed 1] [--max-kill-ms 10000]
 *
 * PostgreSQL when CRASH_DATABASE_URL (or TEST_DATABASE_URL) is set (a server URL; scratch databases
 * are created and dropped there), else PGlite folders under tmp/. Exits 1 on any inconsistency.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { crashRun, dropScratch, prepareTemplate, type RunResult, type Scratch } from '../server/ops/crash/crash-run';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100' }, rows: { type: 'string', default: '400' }, seed: { type: 'string', default: '1' }, 'max-kill-ms': { type: 'string', default: '10000' } } });
const runs = Number(values.runs);
const rows = Number(values.rows);
const maxKill = Number(values['max-kill-ms']);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: целое число ≥ 1');

// A small deterministic generator: the same --seed gives the same kill moments.
let state = Number(values.seed) >>> 0 || 1;
const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);

const pgUrl = process.env.CRASH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const scratch: Scratch = pgUrl ? { kind: 'postgres', baseUrl: pgUrl, prefix: `mcu_crash_${randomBytes(3).toString('hex')}` } : { kind: 'pglite', root: `tmp/crash-${process.pid}` };
const out = (s: string) => process.stdout.write(s + '\n');

out(`Тест kill -9: ${runs} прогонов, база ${scratch.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, строк в импорте ${rows}`);
await prepareTemplate(scratch);
out(['прогон', 'разбор', 'kill, мс', 'подтв. запр.', 'обращений', 'из импорта', 'карантин', 'ответов', 'журнал', 'импорт', 'итог'].map((h, i) => (i === 0 ? h.padEnd(7) : h.padStart(12))).join(''));
const results: RunResult[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const killAfterMs = Math.round(300 + random() * (maxKill - 300));
    const mapInWorker = run % 2 === 0;
    let r: RunResult;
    try {
      r = await crashRun(scratch, run, { rows, killAfterMs, mapInWorker });
    } catch (e) {
      r = { run, killAfterMs, acked: 0, counts: null, problems: [`прогон не завершён: ${(e as Error).message.split('\n')[0]}`] };
    }
    results.push(r);
    const c = r.counts;
    const cells = [mapInWorker ? 'поток' : 'основной', r.killAfterMs, r.acked, c?.cases ?? '—', c?.imported ?? '—', c?.quarantined ?? '—', c?.answers ?? '—', c?.audit ?? '—', c?.importJobs ?? '—', r.problems.length ? 'ОШИБКА' : 'ок'];
    out(String(run).padEnd(7) + cells.map((x) => String(x).padStart(12)).join(''));
    for (const p of r.problems) out(`        ${p}`);
  }
} finally {
  await dropScratch(scratch, ['template']);
}
const failed = results.filter((r) => r.problems.length);
out(`\nИтого: ${results.length} прогонов, согласованы ${results.length - failed.length}, с ошибками ${failed.length}.`);
process.exit(failed.length ? 1 : 0);
