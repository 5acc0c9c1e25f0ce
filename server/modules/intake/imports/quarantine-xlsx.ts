import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { importQuarantine } from '../../../db/schema';
import { logPdRead, quarantineMasker } from './quarantine-pd';
import type { Actor } from '../../../http/actor';
import { findJob } from './job-view';

const PAGE = 1000;

/**
 * The open quarantine of a job as a real .xlsx (exceljs streaming writer, read from the database
 * a page at a time): row number, reason, then the raw values under the file's own headers, so a
 * person can fix them in Excel. Applicants' data is masked without `pd.read`, and logged with it.
 */
export async function quarantineXlsx(db: Db, actor: Actor, jobId: string): Promise<{ fileName: string; stream: Readable }> {
  const job = await findJob(db, actor.tenantId, jobId);
  const headers = job.headers as string[];
  const pd = quarantineMasker(job.mapping, actor);
  if (pd.showsPd) await logPdRead(db, actor, job.id, 'export', job.quarantined);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Карантин');
  ws.columns = [{ header: 'Строка файла', width: 12 }, { header: 'Причина', width: 60 }, ...headers.map((h) => ({ header: h, width: Math.min(40, Math.max(12, h.length + 2)) }))];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    try {
      for (let after = 0; ; ) {
        const page = await db
          .select()
          .from(importQuarantine)
          .where(and(eq(importQuarantine.jobId, job.id), eq(importQuarantine.state, 'open'), gt(importQuarantine.rowNumber, after)))
          .orderBy(asc(importQuarantine.rowNumber))
          .limit(PAGE);
        for (const q of page) {
          const v = pd.mask(q.values as Record<string, string>);
          ws.addRow([q.rowNumber, q.reason, ...headers.map((h) => v[h] ?? '')]).commit();
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1].rowNumber;
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  const base = job.fileName.replace(/\.(csv|xlsx|txt)$/i, '');
  return { fileName: `${base} — карантин.xlsx`, stream: out };
}
