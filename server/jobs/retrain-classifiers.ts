import type { JobDefinition } from './job';
import { municipalityIds } from '../modules/notifications/sweep-deadlines';
import { retrainStatus, retrainTenant } from '../modules/classify/retrain';

/** Nightly: every municipality's models retrain in a worker thread, one tenant after another. */
export const retrainClassifiersJob: JobDefinition = {
  name: 'retrain-classifiers',
  cron: '40 0 * * *',
  handler: async ({ database, clock, log }) => {
    for (const tenantId of await municipalityIds(database)) {
      if (retrainStatus(tenantId).running) {
        log.info({ tenantId }, 'классификатор: переобучение уже идёт, пропускаю');
        continue;
      }
      try {
        const r = await retrainTenant(database.db, tenantId, clock());
        log.info({ tenantId, models: r.map((m) => ({ target: m.target, trained: m.trained, n: m.nExamples, ms: m.ms, accuracy: m.metrics?.accuracy })) }, 'классификатор: переобучение');
      } catch (err) {
        log.error({ err, tenantId }, 'классификатор: переобучение не удалось');
      }
    }
  },
};
