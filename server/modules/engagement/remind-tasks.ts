import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { engagementAssignments, engagementTasks } from '../../db/schema';
import { notify } from '../notifications/notify';
import { holdersOf } from './people';
import { isoDay } from './scope';

/** Days before the deadline when the МЦУ is reminded of an unfinished task of the ЦУР. */
export const REMIND_DAYS_BEFORE = 2;

/**
 * Reminds the МЦУ once about each task due within REMIND_DAYS_BEFORE days (or overdue) and not
 * reported: claims the rows with SKIP LOCKED and marks them, so concurrent runs do not repeat it.
 */
export async function remindTasks(database: Database, now: Date): Promise<number> {
  const horizon = isoDay(new Date(now.getTime() + REMIND_DAYS_BEFORE * 86_400_000));
  return database.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: engagementAssignments.id, tenantId: engagementAssignments.tenantId, title: engagementTasks.title, dueOn: engagementTasks.dueOn })
      .from(engagementAssignments)
      .innerJoin(engagementTasks, eq(engagementTasks.id, engagementAssignments.taskId))
      .where(and(inArray(engagementAssignments.status, ['new', 'accepted', 'returned']), isNull(engagementAssignments.remindedAt), lte(engagementTasks.dueOn, horizon)))
      .for('update', { of: engagementAssignments, skipLocked: true });
    if (!due.length) return 0;
    const heads = await holdersOf(tx, [...new Set(due.map((d) => d.tenantId))], 'engagement.manage');
    for (const d of due) {
      const text = `Срок задания ЦУР «${d.title}» — ${d.dueOn.slice(8, 10)}.${d.dueOn.slice(5, 7)}.${d.dueOn.slice(0, 4)}: отчёт ещё не отправлен`;
      await notify(tx, d.tenantId, { userIds: heads.filter((h) => h.tenantId === d.tenantId).map((h) => h.userId), caseId: null, kind: `engagement-remind:${d.id}`, text });
    }
    await tx.update(engagementAssignments).set({ remindedAt: now }).where(inArray(engagementAssignments.id, due.map((d) => d.id)));
    return due.length;
  });
}
