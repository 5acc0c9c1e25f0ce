import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { deadlineRules, tenants } from '../../../db/schema';
import { DEFAULT_WORK_SCHEDULE, type DeadlineContext, type WorkSchedule } from '../../../../domain/deadlines';
import type { StoredRule } from './deadline-rules';
import { productionCalendar } from './production-calendar';

export interface TenantDeadlines {
  ctx: DeadlineContext;
  rules: StoredRule[];
}

/** Everything deadline arithmetic needs for one tenant: its zone, schedule, calendar and rules. */
export async function loadTenantDeadlines(db: Db, tenantId: string): Promise<TenantDeadlines> {
  const [tenant] = await db.select({ timeZone: tenants.timeZone, settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  const settings = (tenant?.settings ?? {}) as { workSchedule?: WorkSchedule };
  const rules = await db.select().from(deadlineRules).where(eq(deadlineRules.tenantId, tenantId));
  return { ctx: { calendar: productionCalendar(), timeZone: tenant.timeZone, schedule: settings.workSchedule ?? DEFAULT_WORK_SCHEDULE }, rules };
}
