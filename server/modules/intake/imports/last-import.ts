import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { importJobs } from '../../../db/schema';

/**
 * The latest started import of one source (channel), for the line above the register of the ПОС
 * and «Инцидент Менеджмент» coordinators: when, how many new / updated / in quarantine, its link.
 */
export async function lastImport(db: Db, tenantId: string, channel: string) {
  const [j] = await db
    .select({
      id: importJobs.id,
      fileName: importJobs.fileName,
      status: importJobs.status,
      createdAt: importJobs.createdAt,
      finishedAt: importJobs.finishedAt,
      inserted: importJobs.inserted,
      updated: importJobs.updated,
      unchanged: importJobs.unchanged,
      quarantined: importJobs.quarantined,
    })
    .from(importJobs)
    .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.channel, channel), ne(importJobs.status, 'uploaded')))
    .orderBy(desc(importJobs.createdAt))
    .limit(1);
  return j ?? null;
}
