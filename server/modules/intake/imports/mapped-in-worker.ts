import { AsyncResource } from 'node:async_hooks';
import type { Readable } from 'node:stream';
import { startTsWorker } from '../../../workers/ts-worker';
import { TableError } from '../table/read-table';
import type { FromMapper, MapRowsInit, ToMapper } from './map-rows-messages';
import type { PreparedChunk } from './prepared-chunk';

const ENTRY = new URL('./map-rows.worker.ts', import.meta.url);

/**
 * The file's rows mapped into chunks by a worker thread: the main thread feeds it the stored file
 * one piece at a time when it asks, and takes the chunks it posts (at most `init.ahead` wait, so the
 * memory stays flat). A parser error arrives as the TableError it was; the thread ends with the loop.
 */
export async function* mappedInWorker(file: Readable, init: MapRowsInit): AsyncGenerator<PreparedChunk> {
  const worker = startTsWorker(ENTRY, init);
  const pieces = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: PreparedChunk[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const send = (m: ToMapper, transfer?: ArrayBuffer[]) => worker.postMessage(m, transfer);
  // Bound to the caller's context: the file is read under its database scope, whatever emits the request.
  const feed = AsyncResource.bind(async () => {
    try {
      const next = await pieces.next();
      if (next.done) send({ type: 'eof' });
      else {
        const bytes = new Uint8Array(next.value); // a copy: the piece may share its buffer with others
        send({ type: 'data', bytes }, [bytes.buffer]);
      }
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
      notify();
    }
  });
  worker.on('message', (m: FromMapper) => {
    if (m.type === 'need') void feed();
    else if (m.type === 'chunk') chunks.push(m.chunk);
    else if (m.type === 'end') done = true;
    else failure = m.table ? new TableError(m.message) : new Error(`Разбор файла: ${m.message}`);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', (code) => {
    if (!done && !failure) failure = new Error(`Разбор файла: поток завершился с кодом ${code}`);
    notify();
  });
  try {
    for (;;) {
      const chunk = chunks.shift();
      if (chunk) {
        send({ type: 'ack' });
        yield chunk;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
    await pieces.return?.();
  }
}
