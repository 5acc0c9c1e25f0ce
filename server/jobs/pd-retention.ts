import type { JobDefinition } from './job';
import { municipalityIds } from '../modules/notifications/sweep-deadlines';
import { destroyExpiredPd } from '../modules/retention/destroy-expired-pd';

/** Nightly: destroys personal data whose retention expired and writes the act (приказ Роскомнадзора № 179). */
export const pdRetentionJob: JobDefinition = {
  name: 'pd-retention',
  cron: '40 1 * * *',
  handler: async ({ database, clock, log }) => {
    const now = clock();
    for (const tenantId of await municipalityIds(database)) {
      const r = await destroyExpiredPd(database, tenantId, now);
      if (r.actId) log.info({ tenantId, actId: r.actId, ...r.counts }, 'хранение ПД: уничтожены данные с истёкшим сроком, составлен акт');
    }
  },
};
