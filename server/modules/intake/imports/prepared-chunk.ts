import { displayCell, isEmptyRow, type RawRow } from '../table/cells';
import { IMPORT_LIMITS } from '../mapping/fields';
import type { CaseCandidate, RowMapper } from '../mapping/map-row';
import { addWarning, type Warnings } from './warnings';
import type { BadRow } from './write-batch';
import type { NewCasesPlan } from './plan-new-cases';
import type { PreparedNewCases } from './prepare-new-cases';

/** A chunk mapped (and, in the mapping thread or on PostgreSQL, with its new cases planned), ready for its transaction. */
export interface PreparedChunk {
  /** Rows of the file in the chunk, and the number of its last one (the checkpoint after it commits). */
  rows: number;
  lastRow: number;
  good: CaseCandidate[];
  bad: BadRow[];
  /** This chunk's warnings only: they join the job's when the chunk commits. */
  warnings: Warnings;
  /** The new cases planned ahead for the keys expected to be new (the transaction keeps the part it needs). */
  plan?: NewCasesPlan;
  /** The statements' rows of that plan, prepared ahead (used when the whole plan holds). */
  insert?: PreparedNewCases;
}

/** What mapping a row needs: the job's mapper and the file's headers (for a bad row's values). */
export interface RowMapping {
  mapper: RowMapper;
  headers: string[];
}

/** A chunk with no rows yet. */
export const emptyChunk = (): PreparedChunk => ({ rows: 0, lastRow: 0, good: [], bad: [], warnings: {} });

/**
 * Maps one raw row into a chunk (a good candidate; or a bad row with its raw values by header and
 * the reason): pure work, done outside the transaction.
 */
export function mapInto(m: RowMapping, chunk: PreparedChunk, r: RawRow): void {
  chunk.rows++;
  chunk.lastRow = r.rowNumber;
  const out = m.mapper.map(r);
  for (const w of out.warnings) addWarning(chunk.warnings, w.key, w.message, r.rowNumber);
  if (!out.ok) chunk.bad.push({ rowNumber: r.rowNumber, reason: out.reason, values: Object.fromEntries(m.headers.map((h, i) => [h, displayCell(r.cells[i] ?? null)])) });
  else chunk.good.push(out.candidate);
}

/** mapInto for a list of raw rows. */
export function mapRows(m: RowMapping, raw: RawRow[]): PreparedChunk {
  const chunk = emptyChunk();
  for (const r of raw) mapInto(m, chunk, r);
  return chunk;
}

/**
 * The rows of a file after `skipThrough` (the header row or the checkpoint), mapped, in chunks of
 * at most `size` rows and IMPORT_LIMITS.chunkChars of text (long messages keep the memory flat).
 * `pause` is awaited every few rows (the caller's writes get their turn on this thread).
 */
export async function* mappedChunks(rows: AsyncIterable<RawRow>, m: RowMapping, skipThrough: number, size: number, pause?: () => Promise<void>): AsyncGenerator<PreparedChunk> {
  let chunk = emptyChunk();
  let chars = 0;
  // The first chunks are smaller, so the first write starts early; then they double up to `size`.
  let limit = Math.min(size, FIRST_CHUNK_ROWS);
  for await (const row of rows) {
    if (row.rowNumber <= skipThrough || isEmptyRow(row.cells)) continue;
    mapInto(m, chunk, row);
    chars += rowChars(row);
    if (pause && chunk.rows % PAUSE_EVERY === 0) await pause();
    if (chunk.rows >= limit || chars >= IMPORT_LIMITS.chunkChars) {
      yield chunk;
      chunk = emptyChunk();
      chars = 0;
      limit = Math.min(size, limit * 2);
    }
  }
  if (chunk.rows) yield chunk;
}

/** Rows read and mapped between two pauses (a few milliseconds of work). */
const PAUSE_EVERY = 50;
/** Rows of the first chunk. */
const FIRST_CHUNK_ROWS = 500;

/** The text a row carries (its strings), to bound a chunk's memory as well as its row count. */
function rowChars(row: RawRow): number {
  let n = 0;
  for (const c of row.cells) n += typeof c === 'string' ? c.length : 8;
  return n;
}
