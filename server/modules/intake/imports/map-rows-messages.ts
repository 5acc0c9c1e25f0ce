import type { ImportMapping, ImportOptions } from '../mapping/fields';
import type { ImportReference } from '../mapping/reference';
import type { TableDialect } from '../table/read-table';
import type { PreparedChunk } from './prepared-chunk';
import type { PortablePlan } from './portable-plan';
import type { PlanWire } from './plan-wire';

/** What the mapping thread starts with: everything RowMapper, the parser and the planning need, as plain data. */
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
  /** Bytes of the file the thread keeps asked for ahead of its parser. */
  readAhead: number;
  /** When given, the thread also plans the new cases of each chunk, taking every key as new (the transaction keeps the part it needs). */
  plan?: PortablePlan;
}

/**
 * Main thread → mapping thread: the job (first), a piece of the file, its end, or «one chunk taken»
 * (with whether to plan the next chunks: not while the rows written last were all known, as on a
 * repeated import).
 */
export type ToMapper = { type: 'init'; init: MapRowsInit } | { type: 'data'; bytes: Uint8Array } | { type: 'eof' } | { type: 'ack'; plan: boolean };

/** Mapping thread → main thread («send about this many more bytes of the file», a chunk, the end, a failure). */
export type FromMapper =
  | { type: 'need'; bytes: number }
  | { type: 'chunk'; chunk: PreparedChunk; plan?: PlanWire }
  | { type: 'end' }
  | { type: 'error'; message: string; table: boolean };
