import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, percentile } from '../lib';
import { readCsv } from './dataset';
import { trainInWorker } from '../../server/modules/classify/train-in-worker';
import { trainAndScore, type TrainJob } from '../../server/modules/classify/train-job';

/**
 * `npx tsx bench/classify/retrain-health.ts [N]` — how fast a health check answers while a model
 * retrains on N real texts (default 20 000), with training on the main thread vs in the worker.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPB = resolve(ROOT, '../shared/data/appeals/spb_our_city_appeals.csv');
const N = Number(process.argv[2] ?? 20_000);

/** Probes every 50 ms on schedule; the latency counts from the scheduled moment (a blocked loop shows). */
async function probe(url: string, during: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void during.finally(() => (done = true));
  const start = performance.now();
  for (let k = 0; !done; k++) {
    const due = start + k * 50;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    await fetch(url).then((r) => r.text());
    times.push(performance.now() - due);
  }
  return times.sort((a, b) => a - b);
}

async function main() {
  if (!existsSync(SPB)) return void process.stdout.write(`нет набора ${SPB} — пропущено\n`);
  const rows = (await readCsv(SPB, ['created_at', 'category', 'text'])).filter((r) => r.text && r.category).sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, N);
  const job: TrainJob = { history: rows.map((r) => ({ text: r.text, label: r.category })), corrections: [] };
  const server = createServer((_req, res) => res.end('{"ok":true}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
  const out: (string | number)[][] = [];
  for (const mode of ['worker thread', 'main thread'] as const) {
    const started = performance.now();
    // Main thread: the training starts on the next tick, so the first probe goes out before it.
    const training = mode === 'worker thread' ? trainInWorker(job) : new Promise((r) => setTimeout(() => r(trainAndScore(job)), 100));
    const times = await probe(url, training);
    const seconds = (performance.now() - started) / 1000;
    out.push([mode, rows.length, seconds.toFixed(1), times.length, percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), Math.max(...times).toFixed(0)]);
  }
  server.close();
  printTable('Health check while retraining (ms)', ['training on', 'texts', 'training, s', 'probes', 'p50', 'p95', 'max'], out);
}

await main();
