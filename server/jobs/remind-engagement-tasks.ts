import type { JobDefinition } from './job';
import { remindTasks } from '../modules/engagement/remind-tasks';

/** Tasks of the ЦУР: one reminder to the МЦУ two days before the deadline (or once overdue). */
export const remindEngagementTasksJob: JobDefinition = {
  name: 'remind-engagement-tasks',
  cron: '5 * * * *',
  handler: async ({ database, clock, log }) => {
    const n = await remindTasks(database, clock());
    if (n) log.info({ reminded: n }, 'задания ЦУР: напоминания о сроках');
  },
};
