import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client';
import { importJobs, importQuarantine } from '../../../db/schema';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record-audit';
import type { RawRow } from '../table/cells';
import { IMPORT_LIMITS } from '../mapping/fields';
import { findJob } from './job-view';
import { jobContext } from './process-job';
import { mapRows } from './prepared-chunk';
import { mergeWarnings } from './warnings';
import { receivedRange, writeBatch } from './write-batch';
import { col, rowset } from './rowset';
import { logPdRead, quarantineMasker } from './quarantine-pd';

export type QuarantineState = 'open' | 'imported' | 'discarded';

const view = (q: typeof importQuarantine.$inferSelect) => ({ id: q.id, rowNumber: q.rowNumber, values: q.values as Record<string, string>, reason: q.reason, state: q.state, caseId: q.caseId, updatedAt: q.updatedAt });

export async function listQuarantine(db: Db, actor: Actor, jobId: string, q: { state?: QuarantineState; offset: number; limit: number }) {
  const job = await findJob(db, actor.tenantId, jobId);
  const pd = quarantineMasker(job.mapping, actor);
  const where = and(eq(importQuarantine.jobId, job.id), q.state ? eq(importQuarantine.state, q.state) : undefined);
  const [{ n }] = await db.select({ n: count() }).from(importQuarantine).where(where);
  const items = await db.select().from(importQuarantine).where(where).orderBy(asc(importQuarantine.rowNumber)).offset(q.offset).limit(q.limit);
  if (pd.showsPd && items.length) await logPdRead(db, actor, job.id, 'view', items.length);
  return { headers: job.headers as string[], personalDataColumns: pd.pdColumns, total: n, items: items.map((i) => ({ ...view(i), values: pd.mask(i.values as Record<string, string>) })) };
}

function notRunning(job: { status: string }) {
  if (job.status === 'queued' || job.status === 'running') throw new AppError('conflict', 'Дождитесь окончания импорта');
}

/**
 * Staff correct the raw values of a quarantined row (as they would in the file). The answer says
 * whether the row would go in now, or why not.
 */
export async function fixQuarantineRow(database: Database, actor: Actor, jobId: string, rowId: string, values: Record<string, string>, now: Date) {
  const job = await findJob(database.db, actor.tenantId, jobId);
  notRunning(job);
  const headers = job.headers as string[];
  const unknown = Object.keys(values).find((k) => !headers.includes(k));
  if (unknown) throw new AppError('validation', `Столбца «${unknown}» нет в файле`, { values: `Столбца «${unknown}» нет в файле` });
  const ctx = await jobContext(database, job, now);
  return database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(importQuarantine).where(and(eq(importQuarantine.id, rowId), eq(importQuarantine.jobId, job.id))).for('update');
    if (!row) throw new AppError('not_found', 'Строка карантина не найдена');
    if (row.state !== 'open') throw new AppError('conflict', 'Строка уже загружена или отброшена');
    const merged = { ...(row.values as Record<string, string>), ...values };
    const m = ctx.mapper.map(toRaw(row.rowNumber, merged, headers));
    const reason = m.ok ? row.reason : m.reason;
    const [after] = await tx.update(importQuarantine).set({ values: merged, reason, updatedAt: new Date() }).where(eq(importQuarantine.id, row.id)).returning();
    await recordAudit(tx, actor, { action: 'quarantine_fix', entity: 'import_job', entityId: job.id, after: { rowNumber: row.rowNumber, columns: Object.keys(values) } });
    const pd = quarantineMasker(job.mapping, actor);
    return { ...view(after), values: pd.mask(merged), problem: m.ok ? null : m.reason };
  });
}

/**
 * Imports quarantined rows again through the same batch path as the file (so a fixed row becomes a
 * case, or updates the one with its source id); rows still wrong keep a fresh reason.
 */
export async function retryQuarantine(database: Database, actor: Actor, jobId: string, ids: string[] | undefined, now: Date) {
  const job = await findJob(database.db, actor.tenantId, jobId);
  notRunning(job);
  const ctx = await jobContext(database, job, now);
  ctx.batch.actor = { ...ctx.batch.actor, userId: actor.userId, requestId: actor.requestId };
  const headers = job.headers as string[];
  return database.db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(importQuarantine)
      .where(and(eq(importQuarantine.jobId, job.id), eq(importQuarantine.state, 'open'), ids ? inArray(importQuarantine.id, ids) : undefined))
      .orderBy(asc(importQuarantine.rowNumber))
      .limit(IMPORT_LIMITS.retryRows)
      .for('update');
    const { good, bad, warnings } = mapRows(ctx, open.map((q) => toRaw(q.rowNumber, q.values as Record<string, string>, headers)));
    const out = await writeBatch(tx, ctx.batch, good, bad, warnings);
    const imported = good.map((g) => ({ rowNumber: g.rowNumber, caseId: out.caseIds.get(g.rowNumber) ?? null }));
    if (imported.length) {
      await tx.execute(sql`UPDATE import_quarantine q SET state = 'imported', case_id = u.case_id, updated_at = now()
        FROM ${rowset([col('row_number', 'int4', imported.map((r) => r.rowNumber)), col('case_id', 'uuid', imported.map((r) => r.caseId))])}
        WHERE q.job_id = ${job.id} AND q.row_number = u.row_number`);
    }
    await tx
      .update(importJobs)
      .set({
        inserted: sql`${importJobs.inserted} + ${out.inserted}`,
        updated: sql`${importJobs.updated} + ${out.updated}`,
        unchanged: sql`${importJobs.unchanged} + ${out.unchanged}`,
        quarantined: sql`${importJobs.quarantined} - ${good.length}`,
        warnings: mergeWarnings(ctx.warnings, warnings),
        ...receivedRange(good),
        updatedAt: new Date(),
      })
      .where(eq(importJobs.id, job.id));
    await recordAudit(tx, actor, { action: 'quarantine_retry', entity: 'import_job', entityId: job.id, after: { tried: open.length, imported: good.length, stillBad: bad.length } });
    return { tried: open.length, imported: good.length, inserted: out.inserted, updated: out.updated, unchanged: out.unchanged, stillBad: bad.map((b) => ({ rowNumber: b.rowNumber, reason: b.reason })) };
  });
}

/** Rows the staff decided not to import (a test row, a duplicate of a known case). */
export async function discardQuarantine(database: Database, actor: Actor, jobId: string, ids: string[]) {
  const job = await findJob(database.db, actor.tenantId, jobId);
  return database.db.transaction(async (tx) => {
    const done = await tx
      .update(importQuarantine)
      .set({ state: 'discarded', updatedAt: new Date() })
      .where(and(eq(importQuarantine.jobId, job.id), eq(importQuarantine.state, 'open'), inArray(importQuarantine.id, ids)))
      .returning({ rowNumber: importQuarantine.rowNumber });
    await recordAudit(tx, actor, { action: 'quarantine_discard', entity: 'import_job', entityId: job.id, after: { rows: done.map((d) => d.rowNumber) } });
    return { discarded: done.length };
  });
}

/** A quarantined row back in the shape of a file row (values by header, in header order). */
function toRaw(rowNumber: number, values: Record<string, string>, headers: string[]): RawRow {
  return { rowNumber, cells: headers.map((h) => values[h] ?? '') };
}
