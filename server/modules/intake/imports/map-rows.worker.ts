import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { readRows, TableError } from '../table/read-table';
import { ZoneCache } from '../table/zone-cache';
import { RowMapper } from '../mapping/map-row';
import { mappedChunks } from './prepared-chunk';
import type { MapRowsInit, FromMapper, ToMapper } from './map-rows-messages';
import { planNewCases } from './plan-new-cases';
import { fromPortablePlan } from './portable-plan';
import { toWire } from './plan-wire';

// Worker-thread entry: parses the stored file (pulled from the main thread ahead of need), maps its
// rows into chunks and plans their new cases (classification, deadlines), so the main thread (and
// PGlite on it) only writes. The thread may be started before its job is known: the job comes as
// the first message.
const port = parentPort!;
const post = (m: FromMapper) => port.postMessage(m);
const init = await new Promise<MapRowsInit>((resolve) => port.once('message', (m: ToMapper) => m.type === 'init' && resolve(m.init)));

let credit = init.ahead;
let onCredit: (() => void) | null = null;

// The file arrives in pieces the thread asks for ahead of the parser (a main thread busy with a write
// answers late; the reserve keeps the parser going meanwhile).
const pending: Buffer[] = [];
let pendingBytes = 0;
let asked = 0;
let eof = false;
let starving = false;
const feed = () => {
  const piece = pending.shift();
  if (piece) {
    pendingBytes -= piece.length;
    file.push(piece);
  } else if (eof) file.push(null);
  else starving = true;
  if (!eof && pendingBytes + asked < init.readAhead / 2) {
    const bytes = init.readAhead - pendingBytes - asked;
    asked += bytes;
    post({ type: 'need', bytes });
  }
};
const file = new Readable({ read: feed });
port.on('message', (m: ToMapper) => {
  if (m.type === 'data' || m.type === 'eof') {
    if (m.type === 'data') {
      const piece = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
      pending.push(piece);
      pendingBytes += piece.length;
      asked = Math.max(0, asked - piece.length);
    } else eof = true;
    if (starving) {
      starving = false;
      feed();
    }
  } else if (m.type === 'ack') {
    planAhead = m.plan;
    credit++;
    onCredit?.();
  }
});

const mapping = { headers: init.headers, mapper: new RowMapper(init.headers, init.mapping, init.options, init.ref, new ZoneCache(init.timeZone), init.now) };
const planning = init.plan && fromPortablePlan(init.plan);
let planAhead = true;
try {
  for await (const chunk of mappedChunks(readRows(file, init.dialect), mapping, init.skipThrough, init.size)) {
    const plan = planning && planAhead ? toWire(await planNewCases(planning, chunk.good, () => true), chunk.good) : undefined;
    while (credit === 0) await new Promise<void>((resolve) => (onCredit = resolve));
    credit--;
    post({ type: 'chunk', chunk, plan });
  }
  post({ type: 'end' });
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err), table: err instanceof TableError });
}
port.close();
