import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { importJobs } from '../../../db/schema';
import { systemActor, type Actor } from '../../../http/actor';
import { loadTenantDeadlines } from '../../cases/deadlines/deadline-context';
import { getTenant } from '../../territory/territory.repo';
import { tenantClassifier } from '../../classify/tenant-classifier';
import { displayCell, isEmptyRow, type RawRow } from '../table/cells';
import { storedFileStream } from '../table/file-parts';
import { readRows, type TableDialect } from '../table/read-table';
import { countDataRows } from '../table/analyse-file';
import { ZoneCache } from '../table/zone-cache';
import { IMPORT_LIMITS, type ImportMapping, type ImportOptions } from '../mapping/fields';
import { RowMapper, type CaseCandidate } from '../mapping/map-row';
import { loadReference } from '../mapping/reference';
import { BatchDeadlines } from './batch-deadlines';
import type { ImportJobRow } from './job-view';
import { addWarning, mergeWarnings, type Warnings } from './warnings';
import { receivedRange, writeBatch, type BadRow, type BatchContext } from './write-batch';
import { planNewCases, type NewCasesPlan } from './plan-new-cases';
import { rows } from '../../../db/rows';

/** The worker lost its claim on the job (another process took it over): stop without touching it. */
export class LeaseLostError extends Error {}
/** The process is stopping: the job is handed back to the queue after the current chunk. */
export class StoppedError extends Error {}

export interface ProcessOptions {
  workerId: string;
  chunkRows?: number;
  /** The business clock (dates in the future are refused against it). */
  clock: () => Date;
  shouldStop?: () => boolean;
  /** Test hook: runs inside each chunk's transaction, after its writes, before the commit. */
  beforeCommit?: (chunkNo: number) => void | Promise<void>;
}

/** Everything needed to turn raw rows of one job into writes. */
export interface JobContext {
  job: ImportJobRow;
  mapper: RowMapper;
  batch: BatchContext;
  headers: string[];
  warnings: Warnings;
}

export async function jobContext(database: Database, job: ImportJobRow, now: Date): Promise<JobContext> {
  const { db } = database;
  const tenant = await getTenant(db, job.tenantId);
  const options = (job.options ?? { status: 'received', defaultRegime: 'MESSAGE' }) as ImportOptions;
  const headers = job.headers as string[];
  const ref = await loadReference(db, job.tenantId);
  const deadlines = new BatchDeadlines(await loadTenantDeadlines(db, job.tenantId));
  const zone = options.timeZone ? new ZoneCache(options.timeZone) : deadlines.zone;
  const priority = new Set([...ref.topics.values(), ...ref.subtopics.values()].flat().filter((t) => t.priority).map((t) => t.id));
  const classifier = await tenantClassifier(db, job.tenantId);
  const actor: Actor = { ...systemActor(job.tenantId, tenant.kind as Actor['tenantKind']), userId: job.createdBy, requestId: `import:${job.id}` };
  return {
    job,
    headers,
    mapper: new RowMapper(headers, job.mapping as ImportMapping, options, ref, zone, now),
    batch: { tenantId: job.tenantId, channel: job.channel!, jobId: job.id, actor, status: options.status, deadlines, now, classifier, topicPriority: (id) => priority.has(id) },
    warnings: structuredClone((job.warnings ?? {}) as Warnings),
  };
}

/** A chunk mapped (and on PostgreSQL with its new cases planned), ready for its transaction. */
export interface PreparedChunk {
  raw: RawRow[];
  good: CaseCandidate[];
  bad: BadRow[];
  /** This chunk's warnings only: they join the job's when the chunk commits. */
  warnings: Warnings;
  /** The new cases planned ahead for the keys expected to be new (the transaction checks it). */
  plan?: NewCasesPlan;
}

/** A chunk with no rows yet. */
export const emptyChunk = (): PreparedChunk => ({ raw: [], good: [], bad: [], warnings: {} });

/**
 * Maps one raw row into a chunk (a good candidate; or a bad row with its raw values by header and
 * the reason): pure work, done outside the transaction.
 */
export function mapInto(ctx: JobContext, chunk: PreparedChunk, r: RawRow): void {
  chunk.raw.push(r);
  const m = ctx.mapper.map(r);
  for (const w of m.warnings) addWarning(chunk.warnings, w.key, w.message, r.rowNumber);
  if (!m.ok) chunk.bad.push({ rowNumber: r.rowNumber, reason: m.reason, values: Object.fromEntries(ctx.headers.map((h, i) => [h, displayCell(r.cells[i] ?? null)])) });
  else chunk.good.push(m.candidate);
}

/** mapInto for a list of raw rows. */
export function mapRows(ctx: JobContext, raw: RawRow[]): PreparedChunk {
  const chunk = emptyChunk();
  for (const r of raw) mapInto(ctx, chunk, r);
  return chunk;
}

/**
 * Runs a claimed job from its checkpoint to the end: streams the stored file, skips the rows
 * already committed, and writes chunks of rows, each in one transaction that also moves the
 * checkpoint and the counters. On PostgreSQL one chunk is written while the next is read, mapped
 * and its new cases planned (a forecast the transaction checks).
 */
export async function processJob(database: Database, jobId: string, opts: ProcessOptions): Promise<void> {
  const { db } = database;
  let [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job || job.status !== 'running' || job.lockedBy !== opts.workerId) throw new LeaseLostError();
  const dialect: TableDialect = { format: job.format as TableDialect['format'], encoding: job.encoding as TableDialect['encoding'], delimiter: job.delimiter as TableDialect['delimiter'] };
  if (job.totalRows === null) {
    // XLSX: the rows are counted first (the claim is renewed meanwhile), so progress has a total.
    const beat = async () => {
      const still = await db.update(importJobs).set({ heartbeatAt: new Date() }).where(and(eq(importJobs.id, jobId), eq(importJobs.lockedBy, opts.workerId))).returning({ id: importJobs.id });
      if (!still.length) throw new LeaseLostError();
    };
    const totalRows = await countDataRows(storedFileStream(db, job.id), dialect, job.headerRow, { rows: 10_000, run: beat });
    [job] = await db.update(importJobs).set({ totalRows, heartbeatAt: new Date() }).where(eq(importJobs.id, job.id)).returning();
  }
  const ctx = await jobContext(database, job, opts.clock());
  const size = opts.chunkRows ?? IMPORT_LIMITS.chunkRows;
  let chunkNo = 0;
  let chunk = emptyChunk();
  let chars = 0;
  let inflight: Promise<void> | null = null;
  // PostgreSQL works in its own process, so the next chunk is read, mapped and its new cases planned
  // (classified, given deadlines) while this one is written; PGlite runs on this thread, where the
  // overlap only adds contention, so there the plan is made inside the transaction.
  const overlap = database.kind === 'postgres';
  // While overlapping, the work on the next chunk pauses every few rows, so each statement of the
  // chunk being written goes out as soon as its predecessor returns (a long stretch of parsing,
  // mapping or planning otherwise keeps the database waiting for this thread).
  const pause = overlap ? yieldToWrites : undefined;
  let writing = new Set<string>();
  const flush = async (prepared: PreparedChunk) => {
    if (overlap) {
      // Expected new: not in the database yet and not in the chunk being written (it will be).
      const known = await knownKeys(db, ctx, prepared.good);
      prepared.plan = await planNewCases(ctx.batch, prepared.good, (k) => !known.has(k) && !writing.has(k), pause);
      writing = new Set(prepared.good.map((c) => c.sourceId));
    }
    await inflight;
    if (opts.shouldStop?.()) throw new StoppedError();
    inflight = writeChunk(database, ctx, prepared, ++chunkNo, opts);
    inflight.catch(() => undefined);
    if (!overlap) await inflight;
  };
  for await (const row of readRows(storedFileStream(db, job.id), dialect)) {
    if (row.rowNumber <= job.headerRow || row.rowNumber <= job.checkpointRow || isEmptyRow(row.cells)) continue;
    mapInto(ctx, chunk, row);
    chars += rowChars(row);
    if (pause && chunk.raw.length % PAUSE_EVERY === 0) await pause();
    if (chunk.raw.length >= size || chars >= IMPORT_LIMITS.chunkChars) {
      await flush(chunk);
      chunk = emptyChunk();
      chars = 0;
    }
  }
  if (chunk.raw.length) await flush(chunk);
  await inflight;
  const done = await db
    .update(importJobs)
    .set({ status: 'done', finishedAt: new Date(), lockedBy: null, heartbeatAt: null, updatedAt: new Date() })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.lockedBy, opts.workerId)))
    .returning({ id: importJobs.id });
  if (!done.length) throw new LeaseLostError();
}

/** Rows read and mapped between two pauses while a chunk is written (a few milliseconds of work). */
const PAUSE_EVERY = 50;

/** Lets the pending I/O callbacks (the chunk being written) run. */
const yieldToWrites = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Source ids of a chunk's rows that already have a case (read outside the chunk's transaction: only a forecast). */
async function knownKeys(db: Database['db'], ctx: JobContext, good: CaseCandidate[]): Promise<Set<string>> {
  const keys = [...new Set(good.map((c) => c.sourceId))];
  if (!keys.length) return new Set();
  const found = await rows<{ source_id: string }>(
    db,
    sql`SELECT source_id FROM cases WHERE tenant_id = ${ctx.batch.tenantId} AND channel = ${ctx.batch.channel} AND source_id = ANY(${sql.param(keys)}::text[])`,
  );
  return new Set(found.map((r) => r.source_id));
}

/** The text a row carries (its strings), to bound a chunk's memory as well as its row count. */
function rowChars(row: RawRow): number {
  let n = 0;
  for (const c of row.cells) n += typeof c === 'string' ? c.length : 8;
  return n;
}

async function writeChunk(database: Database, ctx: JobContext, chunk: PreparedChunk, chunkNo: number, opts: ProcessOptions): Promise<void> {
  const { raw, good, bad } = chunk;
  const last = raw[raw.length - 1].rowNumber;
  await database.db.transaction(async (tx) => {
    const [lease] = await tx.select({ lockedBy: importJobs.lockedBy, status: importJobs.status }).from(importJobs).where(eq(importJobs.id, ctx.job.id)).for('update');
    if (!lease || lease.lockedBy !== opts.workerId || lease.status !== 'running') throw new LeaseLostError();
    const out = await writeBatch(tx, ctx.batch, good, bad, chunk.warnings, chunk.plan);
    const warnings = mergeWarnings(ctx.warnings, chunk.warnings);
    await tx
      .update(importJobs)
      .set({
        checkpointRow: last,
        rowsDone: sql`${importJobs.rowsDone} + ${raw.length}`,
        inserted: sql`${importJobs.inserted} + ${out.inserted}`,
        updated: sql`${importJobs.updated} + ${out.updated}`,
        unchanged: sql`${importJobs.unchanged} + ${out.unchanged}`,
        quarantined: sql`${importJobs.quarantined} + ${out.quarantined}`,
        warnings,
        ...receivedRange(good),
        heartbeatAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(importJobs.id, ctx.job.id));
    await opts.beforeCommit?.(chunkNo);
    ctx.warnings = warnings;
  });
}
