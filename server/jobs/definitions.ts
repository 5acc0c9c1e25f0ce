import type { JobDefinition } from './job';
import { municipalityIds, sweepDeadlines } from '../modules/notifications/sweep-deadlines';
import { sendPendingEmails } from '../modules/notifications/send-emails';
import { deleteExpiredSessions } from '../modules/auth/sessions.repo';
import { retrainClassifiersJob } from './retrain-classifiers';
import { sweepMeasuresJob } from './sweep-measures';
import { remindEngagementTasksJob } from './remind-engagement-tasks';
import { REPORT_JOBS } from './reports-jobs';
import { pdRetentionJob } from './pd-retention';

export const JOBS: JobDefinition[] = [
  {
    name: 'sweep-deadlines',
    cron: '*/10 * * * *',
    handler: async ({ database, env, clock, log }) => {
      const now = clock();
      for (const tenantId of await municipalityIds(database)) {
        const r = await sweepDeadlines(database, tenantId, now);
        if (r.reminded || r.escalated) log.info({ tenantId, ...r }, 'сроки: напоминания и эскалации');
      }
      if (env.SMTP_URL) await sendPendingEmails(database, env.SMTP_URL, env.MAIL_FROM, now, env.PUBLIC_URL);
    },
  },
  {
    name: 'cleanup-sessions',
    cron: '17 * * * *',
    handler: async ({ database, env, clock }) => {
      await deleteExpiredSessions(database.db, clock(), { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS });
    },
  },
  retrainClassifiersJob,
  sweepMeasuresJob,
  remindEngagementTasksJob,
  pdRetentionJob,
  ...REPORT_JOBS,
];
