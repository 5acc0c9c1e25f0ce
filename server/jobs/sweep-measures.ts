import type { JobDefinition } from './job';
import { municipalityIds } from '../modules/notifications/sweep-deadlines';
import { sweepMeasures } from '../modules/problems/sweep-measures';

/** Roadmap measures: reminders a week and a day before the deadline, and when overdue (working time only). */
export const sweepMeasuresJob: JobDefinition = {
  name: 'sweep-measures',
  cron: '*/15 * * * *',
  handler: async ({ database, clock, log }) => {
    const now = clock();
    for (const tenantId of await municipalityIds(database)) {
      const r = await sweepMeasures(database, tenantId, now);
      if (r.week || r.day || r.overdue) log.info({ tenantId, ...r }, 'дорожные карты: напоминания о мероприятиях');
    }
  },
};
