import { AsyncResource } from 'node:async_hooks';
import type { Readable } from 'node:stream';
import { TableError } from '../table/read-table';
import { IMPORT_LIMITS } from '../mapping/fields';
import type { FromMapper, MapRowsInit, ToMapper } from './map-rows-messages';
import type { PreparedChunk } from './prepared-chunk';
import { takeMappingThread } from './mapping-thread';
import { fromWire } from './plan-wire';

/**
 * Bytes of the file the thread keeps asked for ahead of its parser: the main thread answers only
 * between its statements (with PGlite, between whole chunk writes), so the thread holds a reserve of
 * two chunks' text to parse meanwhile; the memory stays flat.
 */
const READ_AHEAD = 2 * IMPORT_LIMITS.chunkChars;

/**
 * The file's rows mapped into chunks by a worker thread: the main thread reads the stored file as
 * far as the thread asks and takes the chunks it posts (at most `init.ahead` wait, so the memory
 * stays flat). `planAhead` tells the thread, with each chunk taken, whether to plan the next ones
 * (when `init.plan` is given). A parser error arrives as the TableError it was; the thread ends with the loop.
 */
export async function* mappedInWorker(file: Readable, init: Omit<MapRowsInit, 'readAhead'>, planAhead: () => boolean = () => true): AsyncGenerator<PreparedChunk> {
  const worker = takeMappingThread();
  worker.postMessage({ type: 'init', init: { ...init, readAhead: READ_AHEAD } } satisfies ToMapper);
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
  let owed = 0;
  let reading = false;
  // Bound to the caller's context: the file is read under its database scope, whatever emits the request.
  const read = AsyncResource.bind(async () => {
    if (reading) return;
    reading = true;
    try {
      while (owed > 0) {
        const next = await pieces.next();
        if (next.done) {
          send({ type: 'eof' });
          owed = 0;
          break;
        }
        const bytes = new Uint8Array(next.value); // a copy: the piece may share its buffer with others
        owed -= bytes.byteLength;
        send({ type: 'data', bytes }, [bytes.buffer]);
      }
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
      notify();
    } finally {
      reading = false;
    }
  });
  worker.on('message', (m: FromMapper) => {
    if (m.type === 'need') {
      owed += m.bytes;
      void read();
    }
    else if (m.type === 'chunk') chunks.push(m.plan ? { ...m.chunk, plan: fromWire(m.plan, m.chunk.good) } : m.chunk);
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
        send({ type: 'ack', plan: planAhead() });
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
