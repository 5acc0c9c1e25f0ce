import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Applied migrations (written by server/db/migrate.ts; declared here so schema diffs see it). */
export const schemaMigrations = pgTable('schema_migrations', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
