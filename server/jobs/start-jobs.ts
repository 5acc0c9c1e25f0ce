import PgBoss from 'pg-boss';
import type { JobDeps } from './job';
import { JOBS } from './definitions';
import { asOwner } from '../db/request-scope';

/**
 * pg-boss on the product's own database (PGlite or PostgreSQL, through one small adapter). Jobs
 * are claimed with SKIP LOCKED inside pg-boss, so any number of app processes is safe.
 */
export async function startJobs(deps: JobDeps): Promise<{ stop: () => Promise<void>; run: (name: string) => Promise<void> }> {
  const { database, log } = deps;
  const boss = new PgBoss({
    db: {
      // pg-boss's own tables and every tenant's jobs: always as the owner (request-scope.ts).
      executeSql: (text: string, values?: unknown[]) => asOwner(async () => (values?.length ? { rows: await database.query(text, values) } : { rows: await database.execMany(text) })),
    },
    supervise: true,
    schedule: true,
    migrate: true,
  } as unknown as PgBoss.ConstructorOptions);
  boss.on('error', (err) => log.error({ err }, 'ошибка фоновых задач'));
  await boss.start();
  for (const job of JOBS) {
    await boss.createQueue(job.name);
    await boss.work(job.name, async (batch) => {
      for (const j of batch) await job.handler(deps, (j.data ?? {}) as Record<string, unknown>);
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { singletonKey: job.name });
  }
  return {
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
    run: async (name) => {
      const job = JOBS.find((j) => j.name === name);
      if (!job) throw new Error(`Нет задачи ${name}`);
      await job.handler(deps, {});
    },
  };
}
