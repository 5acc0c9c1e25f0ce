import { sql } from 'drizzle-orm';
import type { JobDefinition } from './job';
import { systemActor } from '../http/actor';
import { rows } from '../db/rows';
import { localParts } from '../../domain/time/zoned';
import { createWeeklyNoteIfDue } from '../modules/reports/notes';
import { remindReportsDue } from '../modules/reports/remind-reports';
import { deleteOldExports, runPendingExports } from '../modules/exports/export-service';

async function municipalities(db: Parameters<typeof rows>[0]) {
  return rows<{ id: string; time_zone: string }>(db, sql`SELECT id::text, time_zone FROM tenants WHERE kind = 'municipality' AND is_active`);
}

/** Monday 07:00 in the tenant's zone has passed this week (the job runs hourly and catches up). */
export function weeklyNoteDue(now: Date, timeZone: string): boolean {
  const p = localParts(now, timeZone);
  return p.weekday > 1 || p.hour >= 7;
}

/** «Отчёты» jobs: the Monday note, reminders before the ЦУР due dates, background exports. */
export const REPORT_JOBS: JobDefinition[] = [
  {
    name: 'weekly-notes',
    cron: '5 * * * *',
    handler: async ({ database, clock, log }) => {
      const now = clock();
      for (const t of await municipalities(database.db)) {
        if (!weeklyNoteDue(now, t.time_zone)) continue;
        const note = await createWeeklyNoteIfDue(database.db, systemActor(t.id), now);
        if (note) log.info({ tenantId: t.id, week: note.weeklyCode }, 'отчёты: еженедельная записка сформирована');
      }
    },
  },
  {
    name: 'report-reminders',
    cron: '20 * * * *',
    handler: async ({ database, clock, log }) => {
      for (const t of await municipalities(database.db)) {
        const n = await remindReportsDue(database.db, t.id, clock());
        if (n) log.info({ tenantId: t.id, reminders: n }, 'отчёты: напоминания о сроках');
      }
    },
  },
  {
    name: 'exports',
    cron: '* * * * *',
    handler: async ({ database, clock }) => {
      await runPendingExports(database, clock);
      await deleteOldExports(database, clock());
    },
  },
];
