import { startTsWorker } from '../../workers/ts-worker';
import type { TrainJob, TrainOutput } from './train-job';

/** Runs `trainAndScore` in a worker thread, so HTTP keeps answering while a model trains. */
export function trainInWorker(job: TrainJob): Promise<TrainOutput> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./train.worker.ts', import.meta.url), job);
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
