import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { importJobs, users } from '../../../db/schema';
import { AppError } from '../../../errors';
import { warningList, type Warnings } from './warnings';
import type { ImportMapping, ImportOptions } from '../mapping/fields';

export type ImportJobRow = typeof importJobs.$inferSelect;

export interface Suggestion {
  /** A saved mapping of this source that fits the file's headers, if any. */
  mappingId: string | null;
  mappingName: string | null;
  preset: string;
  presetName: string;
  channel: string | null;
  mapping: ImportMapping;
  options: ImportOptions;
  unusedHeaders: string[];
  /** Russian problems of the suggested mapping (a required field without a column). */
  problems: Record<string, string>;
  /** An earlier upload of the same file (same SHA-256): importing it again changes nothing. */
  sameFileAs: string | null;
}


/** A job as the import screen shows it: the preview and suggestion, then the progress and counts. */
export function jobView(j: ImportJobRow) {
  const total = j.totalRows;
  return {
    id: j.id,
    fileName: j.fileName,
    format: j.format,
    size: j.size,
    encoding: j.encoding,
    delimiter: j.delimiter,
    sheetName: j.sheetName,
    headerRow: j.headerRow,
    headers: j.headers as string[],
    preview: j.preview as { rowNumber: number; values: string[] }[],
    suggestion: j.suggestion as Suggestion | null,
    channel: j.channel,
    mappingId: j.mappingId,
    mapping: j.mapping as ImportMapping | null,
    options: j.options as ImportOptions | null,
    status: j.status,
    progress: {
      totalRows: total,
      rowsDone: j.rowsDone,
      checkpointRow: j.checkpointRow,
      percent: total ? Math.min(100, Math.round((j.rowsDone / total) * 100)) : j.status === 'done' ? 100 : null,
    },
    counts: { inserted: j.inserted, updated: j.updated, unchanged: j.unchanged, quarantined: j.quarantined },
    receivedFrom: j.receivedFrom,
    receivedTo: j.receivedTo,
    warnings: warningList(j.warnings as Warnings),
    error: j.error,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  };
}

export async function findJob(db: Db, tenantId: string, id: string): Promise<ImportJobRow> {
  const [j] = await db.select().from(importJobs).where(and(eq(importJobs.id, id), eq(importJobs.tenantId, tenantId)));
  if (!j) throw new AppError('not_found', 'Импорт не найден');
  return j;
}

export async function listJobs(db: Db, tenantId: string, limit: number) {
  const list = await db
    .select({ job: importJobs, createdByName: users.fullName })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(eq(importJobs.tenantId, tenantId))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
  return list.map(({ job, createdByName }) => {
    const { headers: _h, preview: _p, suggestion: _s, ...v } = jobView(job);
    return { ...v, createdByName };
  });
}
