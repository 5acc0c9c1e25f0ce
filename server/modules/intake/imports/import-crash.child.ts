// Test fixture of import-crash.test.ts: a separate process that imports slowly until it is killed.
import { openDatabase } from '../../../db/client';
import { ImportWorker } from './import-worker';

const [url] = process.argv.slice(2);
const database = await openDatabase({ url });
const worker = new ImportWorker(database, () => new Date('2026-03-10T07:00:00Z'), { error: () => undefined, info: () => undefined }, {
  chunkRows: 200,
  beforeCommit: () => new Promise((r) => setTimeout(r, 150)),
});
process.stdout.write('ready\n');
await worker.drain();
await database.close();
