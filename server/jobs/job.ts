import type { Database } from '../db/client';
import type { Env } from '../env';
import type { Logger } from '../logger';

export interface JobDeps {
  database: Database;
  env: Env;
  clock: () => Date;
  log: Logger;
}

/** A job is data: a name, an optional cron schedule, and an idempotent handler. */
export interface JobDefinition {
  name: string;
  /** Five-field cron in UTC; the job runs once per tick across all processes (singleton). */
  cron?: string;
  handler: (deps: JobDeps, data: Record<string, unknown>) => Promise<void>;
}
