import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { rows } from '../../db/rows';
import type { LogEntry } from './act-documents';

/**
 * The uploaded files of imports finished (done or failed) before `before`, and their previews (the
 * first rows of the file): they hold the personal data of every row, and the cases made of them are
 * in the register. The job's record stays (file name, counts, mapping, headers), so the import's
 * history and the idempotence by source id do not change; an unfinished job is never touched.
 */
export async function destroyImportFiles(tx: Tx, tenantId: string, before: Date): Promise<LogEntry[]> {
  const jobs = await rows<{ id: string; file_name: string; finished_at: string }>(tx, sql`
    UPDATE import_jobs j SET preview = '[]'::jsonb, updated_at = now()
    WHERE j.tenant_id = ${tenantId} AND j.status IN ('done', 'failed') AND coalesce(j.finished_at, j.created_at) < ${before.toISOString()}::timestamptz
      AND (j.preview <> '[]'::jsonb OR EXISTS (SELECT 1 FROM import_file_parts p WHERE p.job_id = j.id))
    RETURNING j.id, j.file_name, coalesce(j.finished_at, j.created_at) AS finished_at`);
  if (!jobs.length) return [];
  await tx.execute(sql`DELETE FROM import_file_parts WHERE job_id = ANY(${`{${jobs.map((j) => j.id).join(',')}}`}::uuid[])`);
  return jobs.map((j) => ({ pdClass: 'import_files' as const, subject: `заявители в строках файла импорта ${j.id}`, record: j.id, since: new Date(j.finished_at) }));
}
