import type { ImportMapping, ImportOptions } from '../mapping/fields';
import type { ImportReference } from '../mapping/reference';
import type { TableDialect } from '../table/read-table';
import type { PreparedChunk } from './prepared-chunk';

/** What the mapping thread starts with: everything RowMapper and the parser need, as plain data. */
export interface MapRowsInit {
  headers: string[];
  mapping: ImportMapping;
  options: ImportOptions;
  ref: ImportReference;
  timeZone: string;
  now: Date;
  dialect: TableDialect;
  /** Rows up to this one are skipped (the header row or the checkpoint). */
  skipThrough: number;
  size: number;
  /** Chunks the thread may post before the main thread takes one. */
  ahead: number;
}

/** Main thread → mapping thread: the next piece of the file, its end, or «one chunk taken». */
export type ToMapper = { type: 'data'; bytes: Uint8Array } | { type: 'eof' } | { type: 'ack' };

/** Mapping thread → main thread. */
export type FromMapper =
  | { type: 'need' }
  | { type: 'chunk'; chunk: PreparedChunk }
  | { type: 'end' }
  | { type: 'error'; message: string; table: boolean };
