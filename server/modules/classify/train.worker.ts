import { parentPort, workerData } from 'node:worker_threads';
import { trainAndScore, type TrainJob } from './train-job';

// Worker-thread entry: trains one model off the main thread and posts back the serialised model.
const job = workerData as TrainJob;
try {
  parentPort!.postMessage({ ok: true, result: trainAndScore(job) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
