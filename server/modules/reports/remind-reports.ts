import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { systemActor } from '../../http/actor';
import { rows } from '../../db/rows';
import { notify } from '../notifications/notify';
import { listCurReports } from './cur-reports';
import { ruDate } from './note-blocks';

/** Reminders go out this many days before a due date. */
export const REMIND_DAYS = [7, 1] as const;

/**
 * Reminds the МЦУ (users with reports.manage) a week and a day before a report to the ЦУР is due,
 * unless it is sent. Idempotent: one notice per user, report and reminder day.
 */
export async function remindReportsDue(db: Db, tenantId: string, now: Date): Promise<number> {
  const list = await listCurReports(db, systemActor(tenantId), now);
  const due = list.items.filter((x) => x.status !== 'sent' && (REMIND_DAYS as readonly number[]).includes(x.daysLeft));
  if (!due.length) return 0;
  const managers = await rows<{ id: string }>(
    db,
    sql`SELECT DISTINCT u.id::text FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.code = ur.role_code
        WHERE ur.tenant_id = ${tenantId} AND u.is_active AND 'reports.manage' = ANY(r.permissions)`,
  );
  let sent = 0;
  for (const r of due) {
    const kind = `report_due:${r.period}:${r.daysLeft}`;
    const already = new Set(
      (await rows<{ user_id: string }>(db, sql`SELECT user_id::text FROM notifications WHERE tenant_id = ${tenantId} AND kind = ${kind}`)).map((x) => x.user_id),
    );
    const userIds = managers.map((m) => m.id).filter((id) => !already.has(id));
    if (!userIds.length) continue;
    const what = r.kind === 'year' ? `годовой отчёт за ${r.period}` : `квартальный отчёт за ${r.period.replace('-Q', ' г., квартал ')}`;
    const text = `${r.daysLeft === 1 ? 'Завтра' : 'Через неделю'} (${ruDate(r.dueOn)}) срок: ${what} в ЦУР`;
    await db.transaction((tx) => notify(tx, tenantId, { userIds, caseId: null, kind, text }));
    sent += userIds.length;
  }
  return sent;
}
