import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { importJobs } from '../../../db/schema';
import { systemActor, type Actor } from '../../../http/actor';
import { loadTenantDeadlines } from '../../cases/deadlines/deadline-context';
import { getTenant } from '../../territory/territory.repo';
import { tenantClassifier } from '../../classify/tenant-classifier';
import { storedFileStream } from '../table/file-parts';
import { readRows, type TableDialect } from '../table/read-table';
import { countDataRows } from '../table/analyse-file';
import { ZoneCache } from '../table/zone-cache';
import { IMPORT_LIMITS, type ImportMapping, type ImportOptions } from '../mapping/fields';
import { RowMapper, type CaseCandidate } from '../mapping/map-row';
import { loadReference, type ImportReference } from '../mapping/reference';
import { mappedChunks, type PreparedChunk } from './prepared-chunk';
import { mappedInWorker } from './mapped-in-worker';
import { warmMappingThread } from './mapping-thread';
import { BatchDeadlines } from './batch-deadlines';
import type { ImportJobRow } from './job-view';
import { mergeWarnings, type Warnings } from './warnings';
import { receivedRange, writeBatch, type BatchContext } from './write-batch';
import { planNewCases } from './plan-new-cases';
import { prepareNewCases } from './prepare-new-cases';
import { toPortablePlan } from './portable-plan';
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
  /** Files from this size (bytes) are parsed and mapped in a worker thread (default IMPORT_LIMITS.workerFromBytes; 0: always, Infinity: never). */
  workerFromBytes?: number;
}

/** Everything needed to turn raw rows of one job into writes. */
export interface JobContext {
  job: ImportJobRow;
  mapper: RowMapper;
  /** What the mapper was made of (a mapping thread makes its own from them). */
  options: ImportOptions;
  ref: ImportReference;
  zone: ZoneCache;
  batch: BatchContext;
  headers: string[];
  warnings: Warnings;
  /** Fast-track topics (what `batch.topicPriority` answers from). */
  priorityTopics: Set<string>;
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
    options,
    ref,
    zone,
    batch: { tenantId: job.tenantId, channel: job.channel!, jobId: job.id, actor, status: options.status, deadlines, now, classifier, topicPriority: (id) => priority.has(id) },
    warnings: structuredClone((job.warnings ?? {}) as Warnings),
    priorityTopics: priority,
  };
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
  // A large file is parsed, mapped and planned by a worker thread while this one writes: it starts now.
  const inWorker = job.size >= (opts.workerFromBytes ?? IMPORT_LIMITS.workerFromBytes);
  if (inWorker) warmMappingThread();
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
  let inflight: Promise<void> | null = null;
  // PostgreSQL works in its own process, so the next chunk is planned (classified, given deadlines)
  // while this one is written, unless the mapping thread planned it; PGlite runs on this thread,
  // where the overlap only adds contention, so there the plan is made by the mapping thread or
  // inside the transaction.
  const overlap = database.kind === 'postgres';
  // While overlapping, the work on the next chunk pauses every few rows, so each statement of the
  // chunk being written goes out as soon as its predecessor returns (a long stretch of parsing,
  // mapping or planning otherwise keeps the database waiting for this thread).
  const pause = overlap ? yieldToWrites : undefined;
  let writing = new Set<string>();
  // Whether the chunk written last had new rows: if not (a repeated import), the mapping thread stops planning ahead.
  let lastHadNew = true;
  const flush = async (prepared: PreparedChunk) => {
    if (overlap && !prepared.plan) {
      // Expected new: not in the database yet and not in the chunk being written (it will be).
      const known = await knownKeys(db, ctx, prepared.good);
      prepared.plan = await planNewCases(ctx.batch, prepared.good, (k) => !known.has(k) && !writing.has(k), pause);
      writing = new Set(prepared.good.map((c) => c.sourceId));
    }
    // Its statements' rows too, so the transaction only reserves numbers and sends them.
    if (overlap && prepared.plan) prepared.insert = await prepareNewCases(ctx.batch, prepared.plan, pause);
    await inflight;
    if (opts.shouldStop?.()) throw new StoppedError();
    inflight = writeChunk(database, ctx, prepared, ++chunkNo, opts).then((inserted) => void (lastHadNew = inserted > 0));
    inflight.catch(() => undefined);
    if (!overlap) await inflight;
  };
  const skipThrough = Math.max(job.headerRow, job.checkpointRow);
  const file = storedFileStream(db, job.id);
  const chunks = inWorker
    ? mappedInWorker(file, { headers: ctx.headers, mapping: job.mapping as ImportMapping, options: ctx.options, ref: ctx.ref, timeZone: ctx.zone.timeZone, now: ctx.batch.now, dialect, skipThrough, size, ahead: 4, plan: toPortablePlan(ctx.batch, ctx.priorityTopics) }, () => lastHadNew)
    : mappedChunks(readRows(file, dialect), ctx, skipThrough, size, pause);
  for await (const chunk of chunks) await flush(chunk);
  await inflight;
  const done = await db
    .update(importJobs)
    .set({ status: 'done', finishedAt: new Date(), lockedBy: null, heartbeatAt: null, updatedAt: new Date() })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.lockedBy, opts.workerId)))
    .returning({ id: importJobs.id });
  if (!done.length) throw new LeaseLostError();
}

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

/** Writes a chunk in its transaction; the number of new cases it made. */
async function writeChunk(database: Database, ctx: JobContext, chunk: PreparedChunk, chunkNo: number, opts: ProcessOptions): Promise<number> {
  const { good, bad } = chunk;
  const last = chunk.lastRow;
  return database.db.transaction(async (tx) => {
    // The commit does not wait for the WAL to reach the disk (as PostgreSQL advises for bulk loads): a
    // crash of the database server may undo the last chunks, checkpoint included, so they are imported
    // again on resume; nothing is half-written, and a crash of this process loses nothing committed.
    await tx.execute(sql`SET LOCAL synchronous_commit = off`);
    const [lease] = await tx.select({ lockedBy: importJobs.lockedBy, status: importJobs.status }).from(importJobs).where(eq(importJobs.id, ctx.job.id)).for('update');
    if (!lease || lease.lockedBy !== opts.workerId || lease.status !== 'running') throw new LeaseLostError();
    const out = await writeBatch(tx, ctx.batch, good, bad, chunk.warnings, chunk.plan, chunk.insert);
    const warnings = mergeWarnings(ctx.warnings, chunk.warnings);
    await tx
      .update(importJobs)
      .set({
        checkpointRow: last,
        rowsDone: sql`${importJobs.rowsDone} + ${chunk.rows}`,
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
    return out.inserted;
  });
}
