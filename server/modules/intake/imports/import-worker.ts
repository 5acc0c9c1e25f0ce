import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { rows } from '../../../db/rows';
import { importJobs } from '../../../db/schema';
import type { FastifyBaseLogger } from 'fastify';
import { TableError } from '../table/read-table';
import { AppError } from '../../../errors';
import { LeaseLostError, processJob, StoppedError, type ProcessOptions } from './process-job';
import { asOwner } from '../../../db/request-scope';

export interface WorkerOptions {
  /** A running job whose heartbeat is older than this is taken over (its process died). */
  leaseMs?: number;
  chunkRows?: number;
  beforeCommit?: ProcessOptions['beforeCommit'];
  workerFromBytes?: ProcessOptions['workerFromBytes'];
}

/**
 * The in-process import worker. It claims queued jobs (and running jobs whose process stopped
 * beating) with FOR UPDATE SKIP LOCKED, so any number of app processes may run one; each chunk
 * of a job renews the claim. `kick()` after a job is queued; a timer sweeps for the rest.
 */
export class ImportWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly clock: () => Date,
    private readonly log: Pick<FastifyBaseLogger, 'error' | 'info'>,
    private readonly options: WorkerOptions = {},
  ) {}

  start(pollMs: number): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
  }

  /** Stops after the current chunk; the job goes back to the queue and resumes on the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    // The worker serves every tenant: a kick from a request must not carry its tenant scope along.
    this.draining = asOwner(() => this.drain()).finally(() => {
      this.draining = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Runs claimable jobs until none is left. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      this.again = false;
      const jobId = await this.claim();
      if (!jobId) return;
      await this.run(jobId);
    }
  }

  async claim(): Promise<string | null> {
    const staleBefore = new Date(Date.now() - (this.options.leaseMs ?? 120_000));
    const [row] = await rows<{ id: string }>(
      this.database.db,
      sql`UPDATE import_jobs SET status = 'running', locked_by = ${this.id}, heartbeat_at = now(), attempts = attempts + 1,
            started_at = coalesce(started_at, now()), updated_at = now()
          WHERE id = (SELECT id FROM import_jobs
                      WHERE status = 'queued' OR (status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ${staleBefore.toISOString()}::timestamptz))
                      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
    );
    return row?.id ?? null;
  }

  private async run(jobId: string): Promise<void> {
    const { db } = this.database;
    try {
      await processJob(this.database, jobId, { workerId: this.id, clock: this.clock, chunkRows: this.options.chunkRows, shouldStop: () => this.stopped, beforeCommit: this.options.beforeCommit, workerFromBytes: this.options.workerFromBytes });
    } catch (e) {
      if (e instanceof LeaseLostError) return;
      const mine = and(eq(importJobs.id, jobId), eq(importJobs.lockedBy, this.id));
      if (e instanceof StoppedError) {
        await db.update(importJobs).set({ status: 'queued', lockedBy: null, heartbeatAt: null, updatedAt: new Date() }).where(mine);
        return;
      }
      const known = e instanceof TableError || e instanceof AppError;
      if (!known) this.log.error({ err: e, jobId }, 'импорт прерван ошибкой');
      const message = known ? (e as Error).message : 'Внутренняя ошибка при импорте: импорт можно продолжить с места остановки';
      await db.update(importJobs).set({ status: 'failed', error: message, lockedBy: null, heartbeatAt: null, updatedAt: new Date() }).where(mine);
    }
  }
}
