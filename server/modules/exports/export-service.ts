import { PassThrough, type Writable } from 'node:stream';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { exportJobs, pdAccessLog } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { loadActor } from '../auth/load-actor';
import { findList, LARGE_EXPORT, type ExportList, type OpenedExport } from './lists';
import { writeCsv, writeXlsx } from './table-file';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportRequest {
  list: string;
  format: ExportFormat;
  params: Record<string, unknown>;
  withPd: boolean;
  purpose?: string | null;
}

/** The list, checked against the actor's permissions; personal data only for `pd.read` with a purpose. */
export function checkRequest(actor: Actor, req: ExportRequest): { list: ExportList; params: unknown } {
  const list = findList(req.list);
  if (!list) throw new AppError('not_found', 'Выгрузка: неизвестный список');
  if (!list.permissions.some((p) => actor.permissions.has(p))) throw new AppError('forbidden', 'Выгрузка: нет доступа к этому списку');
  if (req.withPd) {
    if (!list.personalData) throw new AppError('validation', 'Персональные данные: в этом списке их нет', { withPd: 'В этом списке нет персональных данных' });
    if (!actor.permissions.has('pd.read')) throw new AppError('forbidden', 'Персональные данные: нет права на их просмотр');
    if (!req.purpose?.trim()) throw new AppError('validation', 'Цель выгрузки: заполните поле', { purpose: 'Укажите цель выгрузки персональных данных' });
  }
  const parsed = list.params.safeParse(req.params);
  if (!parsed.success) throw new AppError('validation', `Фильтры выгрузки: ${parsed.error.issues[0]?.message ?? 'неверное значение'}`);
  return { list, params: parsed.data };
}

/** The 152-ФЗ trail of an export with personal data: who, what, when, why (pd_access_log + audit). */
async function logPdExport(database: Database, actor: Actor, req: ExportRequest, rowsCount: number | null) {
  await database.db.transaction(async (tx) => {
    await tx.insert(pdAccessLog).values({ tenantId: actor.tenantId, userId: actor.userId, action: 'export', purpose: req.purpose ?? null, details: { list: req.list, format: req.format, params: req.params, rows: rowsCount } });
    await recordAudit(tx, actor, { action: 'export.personal_data', entity: 'export', after: { list: req.list, format: req.format, params: req.params, purpose: req.purpose, rows: rowsCount } });
  });
}

export function fileNameOf(opened: OpenedExport, format: ExportFormat, now: Date): string {
  return `${opened.title} ${now.toISOString().slice(0, 10)}.${format}`;
}

export async function writeTable(out: Writable, opened: OpenedExport, format: ExportFormat, onProgress?: (n: number) => Promise<void> | void): Promise<number> {
  const src = { sheet: opened.title, columns: opened.columns, timeZone: opened.timeZone, rows: opened.rows, onProgress };
  return format === 'xlsx' ? writeXlsx(out, src) : writeCsv(out, src);
}

/**
 * A direct download for a list of up to 10 000 rows: the file streams as it is written. A larger
 * list is refused with `too_large` (the client starts a background job instead).
 */
export async function streamExport(database: Database, actor: Actor, req: ExportRequest, now: Date) {
  const { list, params } = checkRequest(actor, req);
  const opened = await list.open(database, actor, params, now, req.withPd);
  if (opened.count !== null && opened.count > LARGE_EXPORT) throw new AppError('too_large', `Выгрузка: больше ${LARGE_EXPORT.toLocaleString('ru-RU')} строк, она будет сформирована в фоне`, { rows: 'too_large' });
  if (req.withPd) await logPdExport(database, actor, req, opened.count);
  const out = new PassThrough();
  writeTable(out, opened, req.format).catch((e) => out.destroy(e as Error));
  return { fileName: fileNameOf(opened, req.format, now), stream: out };
}

/** How many rows the export would have (capped just above the background threshold). */
export async function planExport(database: Database, actor: Actor, req: ExportRequest, now: Date) {
  const { list, params } = checkRequest(actor, req);
  const opened = await list.open(database, actor, params, now, false);
  const rowsCount = opened.count;
  return { rows: rowsCount, background: rowsCount !== null && rowsCount > LARGE_EXPORT };
}

/** Queues a background export (any size); the worker writes the file into the row. */
export async function startExportJob(database: Database, actor: Actor, req: ExportRequest, now: Date) {
  const { params } = checkRequest(actor, req);
  if (!actor.userId) throw new AppError('forbidden', 'Выгрузка: нужен пользователь');
  const [job] = await database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(exportJobs)
      .values({ tenantId: actor.tenantId, userId: actor.userId!, list: req.list, format: req.format, params: params as object, withPd: req.withPd, purpose: req.purpose ?? null, status: 'queued', createdAt: now })
      .returning();
    await recordAudit(tx, actor, { action: 'export.start', entity: 'export', entityId: inserted[0].id, after: { list: req.list, format: req.format, withPd: req.withPd } });
    return inserted;
  });
  if (req.withPd) await logPdExport(database, actor, { ...req, params: params as Record<string, unknown> }, null);
  return presentJob(job);
}

type JobRow = typeof exportJobs.$inferSelect;

export function presentJob(j: Omit<JobRow, 'attempts' | 'heartbeatAt'>) {
  return {
    id: j.id,
    list: j.list,
    format: j.format,
    withPd: j.withPd,
    status: j.status,
    total: j.total,
    done: j.done,
    fileName: j.fileName,
    error: j.error,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

const JOB_COLUMNS = { id: exportJobs.id, tenantId: exportJobs.tenantId, userId: exportJobs.userId, list: exportJobs.list, format: exportJobs.format, params: exportJobs.params, withPd: exportJobs.withPd, purpose: exportJobs.purpose, status: exportJobs.status, total: exportJobs.total, done: exportJobs.done, fileName: exportJobs.fileName, error: exportJobs.error, createdAt: exportJobs.createdAt, finishedAt: exportJobs.finishedAt };

export async function listMyJobs(db: Db, actor: Actor) {
  if (!actor.userId) return { items: [] };
  const found = await db.select(JOB_COLUMNS).from(exportJobs).where(and(eq(exportJobs.userId, actor.userId), eq(exportJobs.tenantId, actor.tenantId))).orderBy(desc(exportJobs.createdAt)).limit(50);
  return { items: found.map((j) => presentJob({ ...j, file: null })) };
}

export async function findMyJob(db: Db, actor: Actor, id: string, withFile = false) {
  const [j] = await db
    .select(withFile ? { ...JOB_COLUMNS, file: exportJobs.file } : JOB_COLUMNS)
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), eq(exportJobs.userId, actor.userId ?? '00000000-0000-0000-0000-000000000000'), eq(exportJobs.tenantId, actor.tenantId)));
  if (!j) throw new AppError('not_found', 'Выгрузка не найдена');
  return j as JobRow;
}

/** A running export silent this long lost its worker (it beats at the claim and every 2 000 rows). */
export const STALE_EXPORT_MS = 5 * 60_000;
/** A job whose worker died this many times is failed rather than run again. */
export const MAX_EXPORT_ATTEMPTS = 3;

/** Claims one queued export (SKIP LOCKED: any number of processes) and marks it running. */
async function claimJob(database: Database, now: Date): Promise<string | null> {
  const [r] = await database.query<{ id: string }>(
    `UPDATE export_jobs SET status = 'running', attempts = attempts + 1, heartbeat_at = $1
     WHERE id = (SELECT id FROM export_jobs WHERE status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id`,
    [now.toISOString()],
  );
  return r?.id ?? null;
}

/**
 * Exports left «running» by a process that died (no heartbeat for STALE_EXPORT_MS) go back to the
 * queue and start over; after MAX_EXPORT_ATTEMPTS they fail with a message the user sees.
 */
export async function requeueStaleExports(database: Database, now: Date): Promise<{ requeued: number; failed: number }> {
  const before = new Date(now.getTime() - STALE_EXPORT_MS).toISOString();
  const stale = `status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < $1)`;
  const failed = await database.query<{ id: string }>(
    `UPDATE export_jobs SET status = 'failed', error = $2, finished_at = $3 WHERE ${stale} AND attempts >= ${MAX_EXPORT_ATTEMPTS} RETURNING id`,
    [before, 'Выгрузка прерывалась несколько раз: запустите её заново', now.toISOString()],
  );
  const requeued = await database.query<{ id: string }>(`UPDATE export_jobs SET status = 'queued', done = 0, total = NULL WHERE ${stale} RETURNING id`, [before]);
  return { requeued: requeued.length, failed: failed.length };
}

/** Runs one claimed export: rows stream into the writer, progress goes to the row, the file at the end. */
export async function runExportJob(database: Database, id: string, now: () => Date): Promise<void> {
  const [j] = await database.db.select().from(exportJobs).where(eq(exportJobs.id, id));
  try {
    const actor = await loadActor(database.db, j.userId, j.tenantId, `export:${id}`);
    if (!actor) throw new AppError('forbidden', 'Пользователь выгрузки больше не действует');
    const req: ExportRequest = { list: j.list, format: j.format as ExportFormat, params: j.params as Record<string, unknown>, withPd: j.withPd, purpose: j.purpose };
    const { list, params } = checkRequest(actor, req);
    const opened = await list.open(database, actor, params, now(), j.withPd);
    await database.db.update(exportJobs).set({ total: opened.count !== null && opened.count <= LARGE_EXPORT ? opened.count : null, heartbeatAt: now() }).where(eq(exportJobs.id, id));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((res, rej) => {
      out.on('end', res);
      out.on('error', rej);
    });
    const n = await writeTable(out, opened, req.format, async (done) => {
      await database.db.update(exportJobs).set({ done, heartbeatAt: now() }).where(eq(exportJobs.id, id));
    });
    await ended;
    await database.db.update(exportJobs).set({ status: 'done', done: n, total: n, file: Buffer.concat(chunks), fileName: fileNameOf(opened, req.format, now()), finishedAt: now() }).where(eq(exportJobs.id, id));
  } catch (e) {
    const message = e instanceof AppError ? e.message : 'Внутренняя ошибка при формировании файла';
    await database.db.update(exportJobs).set({ status: 'failed', error: message, finishedAt: now() }).where(eq(exportJobs.id, id));
  }
}

/** Re-queues the exports of dead workers, then runs queued exports one after another until none is left. */
export async function runPendingExports(database: Database, now: () => Date): Promise<number> {
  await requeueStaleExports(database, now());
  let n = 0;
  for (let id = await claimJob(database, now()); id; id = await claimJob(database, now())) {
    await runExportJob(database, id, now);
    n += 1;
  }
  return n;
}

/** Exports older than three days are removed with their files. */
export async function deleteOldExports(database: Database, now: Date) {
  await database.db.delete(exportJobs).where(sql`${exportJobs.createdAt} < ${new Date(now.getTime() - 3 * 86400_000)}`);
}
