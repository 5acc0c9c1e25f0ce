import type { JobDefinition } from './job';
import { municipalityIds, sweepDeadlines } from '../modules/notifications/sweep-deadlines';
import { sendPendingEmails } from '../modules/notifications/send-emails';
import { deleteExpiredSessions } from '../modules/auth/sessions.repo';
import { retrainTenant } from '../modules/classify/retrain';

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
  {
    name: 'retrain-classifiers',
    cron: '40 0 * * *',
    handler: async ({ database, clock, log }) => {
      for (const tenantId of await municipalityIds(database)) {
        const r = await retrainTenant(database.db, tenantId, clock());
        log.info({ tenantId, models: r.map((m) => ({ target: m.target, trained: m.trained, n: m.nExamples, ms: m.ms, accuracy: m.metrics?.accuracy })) }, 'классификатор: переобучение');
      }
    },
  },
];
