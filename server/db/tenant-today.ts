import { sql } from 'drizzle-orm';
import type { Db } from './client';
import type { Tx } from './tx';
import { rows } from './rows';
import { localDate } from '../../domain/time/zoned';

/** The tenant's IANA time zone (local dates, periods and deadlines are counted in it). */
export async function tenantZone(db: Db | Tx, tenantId: string): Promise<string> {
  const [t] = await rows<{ time_zone: string }>(db, sql`SELECT time_zone FROM tenants WHERE id = ${tenantId}`);
  return t.time_zone;
}

/** The tenant's local date today and its IANA zone (deadlines, «days silent», periods are local). */
export async function tenantToday(db: Db | Tx, tenantId: string, now: Date): Promise<{ today: string; timeZone: string }> {
  const timeZone = await tenantZone(db, tenantId);
  return { today: localDate(now, timeZone), timeZone };
}
