import { pushSchema } from 'drizzle-kit/api';
import * as schema from './schema';
import type { Database } from './client';

/**
 * The SQL that would bring the database to the Drizzle schema. Empty when the committed migrations
 * and the schema agree: the drift test asserts that, and `npm run db:diff` writes it as a migration.
 */
export async function diffSchema(database: Database): Promise<string[]> {
  const { statementsToExecute } = await pushSchema(schema as Record<string, unknown>, database.db as never);
  return statementsToExecute;
}
