import { and, eq, gt, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, tenants } from '../../db/schema';
import { OPEN_STATUSES } from '../../../domain/cases/status';
import { localParts, localDate } from '../../../domain/deadlines';
import { loadTenantDeadlines } from '../cases/deadlines/deadline-context';
import { mcuReviewers, notify, recipientHeads, recipientUsers } from './notify';

const BATCH = 500;

export interface SweepResult {
  reminded: number;
  escalated: number;
  skipped?: 'outside_working_hours';
}

/**
 * Reminds executors of cases that turned «под угрозой» and escalates overdue ones to the
 * recipient's head and the МЦУ. Runs only in the tenant's working time (no night or weekend
 * alerts: they wait for the next working moment). Takes at most BATCH rows per step and marks
 * each case, so any number of sweeps, in any number of processes, notify once.
 */
export async function sweepDeadlines(database: Database, tenantId: string, now: Date): Promise<SweepResult> {
  const { ctx } = await loadTenantDeadlines(database.db, tenantId);
  if (!inWorkingTime(now, ctx)) return { reminded: 0, escalated: 0, skipped: 'outside_working_hours' };
  const open = inArray(cases.status, [...OPEN_STATUSES]);
  let reminded = 0;
  let escalated = 0;
  for (;;) {
    const n = await database.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: cases.id, number: cases.number, recipientId: cases.recipientId, executorId: cases.executorId })
        .from(cases)
        .where(and(eq(cases.tenantId, tenantId), open, isNull(cases.pausedSince), isNull(cases.remindedAt), lte(cases.answerAtRiskFrom, now), gt(cases.answerDue, now)))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const c of due) {
        const to = c.executorId ? [c.executorId] : await recipientUsers(tx, c.recipientId);
        await notify(tx, tenantId, { userIds: to, caseId: c.id, kind: 'reminder', text: `Срок ответа по № ${c.number} истекает: подготовьте ответ` });
      }
      if (due.length) await tx.update(cases).set({ remindedAt: now }).where(inArray(cases.id, due.map((c) => c.id)));
      return due.length;
    });
    reminded += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await database.db.transaction(async (tx) => {
      const overdue = await tx
        .select({ id: cases.id, number: cases.number, recipientId: cases.recipientId })
        .from(cases)
        .where(and(eq(cases.tenantId, tenantId), open, isNull(cases.pausedSince), isNull(cases.escalatedAt), lt(cases.answerDue, now)))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const mcu = overdue.length ? await mcuReviewers(tx, tenantId) : [];
      for (const c of overdue) {
        const to = [...(await recipientHeads(tx, c.recipientId)), ...mcu];
        await notify(tx, tenantId, { userIds: to, caseId: c.id, kind: 'overdue', text: `Просрочен ответ по № ${c.number}` });
      }
      if (overdue.length) await tx.update(cases).set({ escalatedAt: now }).where(inArray(cases.id, overdue.map((c) => c.id)));
      return overdue.length;
    });
    escalated += n;
    if (n < BATCH) break;
  }
  return { reminded, escalated };
}

/** The tenant's working day and hours (the production calendar and its schedule). */
export function inWorkingTime(now: Date, ctx: Awaited<ReturnType<typeof loadTenantDeadlines>>['ctx']): boolean {
  const day = localDate(now, ctx.timeZone);
  if (!ctx.calendar.covers(Number(day.slice(0, 4))) || !ctx.calendar.isWorkingDay(day)) return false;
  const p = localParts(now, ctx.timeZone);
  const hours = ctx.schedule.days[p.weekday] ?? ctx.schedule.days[1];
  if (!hours) return false;
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return hm >= hours.start && hm < hours.end;
}

/** Municipalities the sweep walks through. */
export async function municipalityIds(database: Database): Promise<string[]> {
  const rows = await database.db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.kind, 'municipality'), eq(tenants.isActive, true)));
  return rows.map((r) => r.id);
}

