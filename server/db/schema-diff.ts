import { pushSchema } from 'drizzle-kit/api';
import * as schema from './schema';
import type { Database } from './client';

/**
 * Row-level security is written in migrations only (`mcu_tenant_rls`, `mcu_child_rls`), not in the
 * Drizzle schema; `server/db/row-security.test.ts` checks that every table with tenant_id has it.
 */
const ROW_SECURITY = /^\s*(?:(?:CREATE|DROP|ALTER) POLICY\b|ALTER TABLE .* (?:ENABLE|DISABLE|FORCE|NO FORCE) ROW LEVEL SECURITY)/i;

/**
 * The SQL that would bring the database to the Drizzle schema. Empty when the committed migrations
 * and the schema agree: the drift test asserts that, and `npm run db:diff` writes it as a migration.
 */
export async function diffSchema(database: Database): Promise<string[]> {
  const { statementsToExecute } = await pushSchema(schema as Record<string, unknown>, database.db as never);
  return statementsToExecute.filter((s) => !ROW_SECURITY.test(s));
}
