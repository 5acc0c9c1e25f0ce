import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { readRows, TableError } from '../table/read-table';
import { ZoneCache } from '../table/zone-cache';
import { RowMapper } from '../mapping/map-row';
import { mappedChunks } from './prepared-chunk';
import type { MapRowsInit, FromMapper, ToMapper } from './map-rows-messages';

// Worker-thread entry: parses the stored file (pulled from the main thread part by part) and maps its
// rows into chunks, so the main thread (and PGlite on it) only plans and writes.
const init = workerData as MapRowsInit;
const port = parentPort!;
const post = (m: FromMapper) => port.postMessage(m);

let credit = init.ahead;
let onCredit: (() => void) | null = null;
const file = new Readable({ read: () => post({ type: 'need' }) });
port.on('message', (m: ToMapper) => {
  if (m.type === 'data') file.push(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
  else if (m.type === 'eof') file.push(null);
  else if (m.type === 'ack') {
    credit++;
    onCredit?.();
  }
});

const mapping = { headers: init.headers, mapper: new RowMapper(init.headers, init.mapping, init.options, init.ref, new ZoneCache(init.timeZone), init.now) };
try {
  for await (const chunk of mappedChunks(readRows(file, init.dialect), mapping, init.skipThrough, init.size)) {
    while (credit === 0) await new Promise<void>((resolve) => (onCredit = resolve));
    credit--;
    post({ type: 'chunk', chunk });
  }
  post({ type: 'end' });
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err), table: err instanceof TableError });
}
port.close();
