import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrainJob, TrainOutput } from './train-job';

const WORKER_URL = new URL('./train.worker.ts', import.meta.url).href;
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
/**
 * A tiny CommonJS bootstrap: it loads the .ts worker entry through tsx's API. `execArgv: ['--import', 'tsx']`
 * is not honoured by Node 20 workers, and this way works the same under `tsx` (npm start) and vitest.
 */
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((m) => m.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}));`;

/** Runs `trainAndScore` in a worker thread, so HTTP keeps answering while a model trains. */
export function trainInWorker(job: TrainJob): Promise<TrainOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: job });
    let settled = false;
    worker.once('message', (m: { ok: true; result: TrainOutput } | { ok: false; message: string }) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`Обучение модели: ${m.message}`));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Обучение модели: поток завершился с кодом ${code}`));
    });
  });
}
