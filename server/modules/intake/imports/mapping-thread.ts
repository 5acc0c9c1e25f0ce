import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../../workers/ts-worker';

const ENTRY = new URL('./map-rows.worker.ts', import.meta.url);
/** A spare thread nobody took is stopped after this long. */
const SPARE_IDLE_MS = 10 * 60_000;

let spare: { worker: Worker; timer: NodeJS.Timeout } | null = null;

/**
 * Starts a mapping thread before an import needs it (when a large file is uploaded, when a job is
 * claimed): loading its modules takes about half a second, which the import then does not wait for.
 * One spare at most; it does not keep the process alive and stops when nobody takes it.
 */
export function warmMappingThread(): void {
  if (spare) return;
  const worker = startTsWorker(ENTRY, null);
  worker.unref();
  const drop = () => {
    if (spare?.worker !== worker) return;
    clearTimeout(spare.timer);
    spare = null;
    void worker.terminate();
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  spare = { worker, timer: setTimeout(drop, SPARE_IDLE_MS).unref() };
}

/** The spare mapping thread, or a new one: it waits for its job as the first message. */
export function takeMappingThread(): Worker {
  warmMappingThread();
  const { worker, timer } = spare!;
  clearTimeout(timer);
  spare = null;
  worker.removeAllListeners();
  worker.ref();
  return worker;
}
