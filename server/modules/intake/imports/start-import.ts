import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import { rows } from '../../../db/rows';
import { channels, importJobs } from '../../../db/schema';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record-audit';
import { checkMapping, type StartImportInput } from '../mapping/fields';
import { jobView } from './job-view';
import { saveMapping } from './save-mapping';

async function lockJob(tx: Tx, tenantId: string, id: string) {
  const [j] = await tx.select().from(importJobs).where(and(eq(importJobs.id, id), eq(importJobs.tenantId, tenantId))).for('update');
  if (!j) throw new AppError('not_found', 'Импорт не найден');
  return j;
}

/**
 * Fixes the channel and the mapping of an uploaded file (saving the mapping for the source when
 * asked) and queues the job for the background worker.
 */
export async function startImport(tx: Tx, actor: Actor, jobId: string, input: StartImportInput) {
  const job = await lockJob(tx, actor.tenantId, jobId);
  if (job.status !== 'uploaded') throw new AppError('conflict', 'Импорт этого файла уже запущен');
  const [channel] = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.tenantId, actor.tenantId), eq(channels.code, input.channel), eq(channels.isActive, true)));
  if (!channel) throw new AppError('validation', 'Канал: выберите из списка', { channel: 'Канал: выберите из списка' });
  const problems = checkMapping(input.mapping, job.headers as string[]);
  if (Object.keys(problems).length) throw new AppError('validation', Object.values(problems).join('; '), problems);
  const saved = input.saveAs ? await saveMapping(tx, actor, { name: input.saveAs, channel: input.channel, mapping: input.mapping, options: input.options }, undefined, (job.suggestion as { preset?: string } | null)?.preset ?? null) : null;
  const [row] = await tx
    .update(importJobs)
    .set({ channel: input.channel, mapping: input.mapping, options: input.options, mappingId: saved?.id ?? null, status: 'queued', updatedAt: new Date() })
    .where(eq(importJobs.id, jobId))
    .returning();
  await recordAudit(tx, actor, { action: 'start', entity: 'import_job', entityId: jobId, after: { channel: input.channel, mapping: input.mapping, options: input.options, mappingId: row.mappingId } });
  return jobView(row);
}

/** Queues a failed job again: it resumes after the last committed row, with the same mapping. */
export async function resumeImport(tx: Tx, actor: Actor, jobId: string) {
  const job = await lockJob(tx, actor.tenantId, jobId);
  if (job.status !== 'failed') throw new AppError('conflict', 'Продолжить можно только импорт, прерванный ошибкой');
  const [file] = await rows(tx, sql`SELECT 1 FROM import_file_parts WHERE job_id = ${jobId} LIMIT 1`);
  if (!file) throw new AppError('conflict', 'Исходный файл этого импорта уничтожен по истечении срока хранения персональных данных: загрузите файл заново');
  const [row] = await tx.update(importJobs).set({ status: 'queued', error: null, lockedBy: null, updatedAt: new Date() }).where(eq(importJobs.id, jobId)).returning();
  await recordAudit(tx, actor, { action: 'resume', entity: 'import_job', entityId: jobId, after: { checkpointRow: row.checkpointRow } });
  return jobView(row);
}
