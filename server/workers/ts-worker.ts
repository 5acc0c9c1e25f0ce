import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;

/**
 * Starts a worker thread on a .ts entry. A tiny bootstrap loads the entry through tsx's API:
 * `execArgv: ['--import', 'tsx']` is not honoured by Node 20 workers, and this way works the same
 * under `tsx` (npm start) and vitest.
 */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  const url = JSON.stringify(entry.href);
  return new Worker(`import(${JSON.stringify(TSX_API)}).then((m) => m.tsImport(${url}, ${url}));`, { eval: true, workerData });
}
