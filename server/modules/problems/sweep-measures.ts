import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { roadmapMeasures, roadmaps } from '../../db/schema';
import { rows } from '../../db/rows';
import { addDaysIso, localDate } from '../../../domain/time/zoned';
import { loadTenantDeadlines } from '../cases/deadlines/deadline-context';
import { inWorkingTime } from '../notifications/sweep-deadlines';
import { notify } from '../notifications/notify';

export interface MeasureSweepResult {
  week: number;
  day: number;
  overdue: number;
  skipped?: 'outside_working_hours';
}

const BATCH = 500;
const ddmmyyyy = (d: string) => d.split('-').reverse().join('.');

/** Holders of `roadmaps.approve` in the tenant (the куратор): told of overdue measures. */
async function curators(tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0], tenantId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    tx,
    sql`SELECT DISTINCT u.id FROM user_roles ur JOIN roles r ON r.code = ur.role_code JOIN users u ON u.id = ur.user_id
        WHERE ur.tenant_id = ${tenantId} AND 'roadmaps.approve' = ANY(r.permissions) AND u.is_active`,
  );
  return found.map((r) => r.id);
}

/**
 * Reminds the responsible official of a roadmap measure a week and a day before its deadline, and
 * tells them, the roadmap's author and the куратор when it is overdue — like cases: only in the
 * tenant's working time, each reminder once (the measure is marked in the same transaction).
 */
export async function sweepMeasures(database: Database, tenantId: string, now: Date): Promise<MeasureSweepResult> {
  const { ctx } = await loadTenantDeadlines(database.db, tenantId);
  if (!inWorkingTime(now, ctx)) return { week: 0, day: 0, overdue: 0, skipped: 'outside_working_hours' };
  const today = localDate(now, ctx.timeZone);
  const open = inArray(roadmapMeasures.status, ['planned', 'in_progress']);
  const kinds = [
    { key: 'week' as const, mark: roadmapMeasures.remindedWeekAt, when: sql`${roadmapMeasures.dueOn} > ${addDaysIso(today, 1)} AND ${roadmapMeasures.dueOn} <= ${addDaysIso(today, 7)}`, text: (t: string, d: string) => `Через неделю срок мероприятия «${t}» (${ddmmyyyy(d)})` },
    { key: 'day' as const, mark: roadmapMeasures.remindedDayAt, when: sql`${roadmapMeasures.dueOn} >= ${today} AND ${roadmapMeasures.dueOn} <= ${addDaysIso(today, 1)}`, text: (t: string, d: string) => `Завтра или сегодня срок мероприятия «${t}» (${ddmmyyyy(d)})` },
    { key: 'overdue' as const, mark: roadmapMeasures.overdueNotifiedAt, when: sql`${roadmapMeasures.dueOn} < ${today}`, text: (t: string, d: string) => `Просрочено мероприятие «${t}»: срок был ${ddmmyyyy(d)}` },
  ];
  const out: MeasureSweepResult = { week: 0, day: 0, overdue: 0 };
  for (const k of kinds) {
    for (;;) {
      const n = await database.db.transaction(async (tx) => {
        const due = await tx
          .select({ id: roadmapMeasures.id, title: roadmapMeasures.title, dueOn: roadmapMeasures.dueOn, responsibleId: roadmapMeasures.responsibleId, createdBy: roadmaps.createdBy })
          .from(roadmapMeasures)
          .innerJoin(roadmaps, eq(roadmaps.id, roadmapMeasures.roadmapId))
          .where(and(eq(roadmapMeasures.tenantId, tenantId), open, isNull(k.mark), k.when))
          .limit(BATCH)
          .for('update', { of: roadmapMeasures, skipLocked: true });
        const extra = k.key === 'overdue' && due.length ? await curators(tx, tenantId) : [];
        for (const m of due) {
          const to = [m.responsibleId, ...(k.key === 'overdue' ? [m.createdBy, ...extra].filter((x): x is string => Boolean(x)) : [])];
          await notify(tx, tenantId, { userIds: to, caseId: null, kind: `measure_${k.key}`, text: k.text(m.title, m.dueOn) });
        }
        if (due.length) {
          const set = k.key === 'week' ? { remindedWeekAt: now } : k.key === 'day' ? { remindedDayAt: now, remindedWeekAt: sql`coalesce(${roadmapMeasures.remindedWeekAt}, ${now})` } : { overdueNotifiedAt: now };
          await tx.update(roadmapMeasures).set(set as never).where(inArray(roadmapMeasures.id, due.map((m) => m.id)));
        }
        return due.length;
      });
      out[k.key] += n;
      if (n < BATCH) break;
    }
  }
  return out;
}
