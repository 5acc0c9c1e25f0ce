import type { WorkSchedule } from '../../../../domain/deadlines';
import type { TenantDeadlines } from './deadline-context';
import type { StoredRule } from './deadline-rules';
import { productionCalendar } from './production-calendar';

/** A tenant's deadline settings as plain data a worker thread can receive (it loads the shipped calendar itself). */
export interface PortableDeadlines {
  timeZone: string;
  schedule: WorkSchedule;
  rules: StoredRule[];
}

export const toPortableDeadlines = (t: TenantDeadlines): PortableDeadlines => ({ timeZone: t.ctx.timeZone, schedule: t.ctx.schedule, rules: t.rules });

export const fromPortableDeadlines = (p: PortableDeadlines): TenantDeadlines => ({ ctx: { calendar: productionCalendar(), timeZone: p.timeZone, schedule: p.schedule }, rules: p.rules });
